package org.cyprus.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cyprus.library.media.MediaFiles;
import org.cyprus.library.media.PlayableFile;
import org.cyprus.media.mux.AudioStream;
import org.cyprus.media.mux.TrackFormat;

/**
 * Puts a book's playable files on one timeline with their exact frame tables. Files the scan could not read are
 * left out, as the library's own timeline leaves them out; a file that can be read but not cut frame by frame
 * (FLAC, Opus, …) makes the whole book unstreamable this way.
 */
public final class BookAudios {
    /** Changes whenever the way books are cut into segments changes, so old segment URLs are not served anew. */
    static final String SEGMENTER_VERSION = "1";

    private final MediaFiles files;
    private final AudioStreams streams;

    public BookAudios(MediaFiles files, AudioStreams streams) {
        this.files = files;
        this.streams = streams;
    }

    AudioStreams streams() {
        return streams;
    }

    /**
     * The book's audio as it is on disk now.
     *
     * @throws StreamException {@code NOT_FOUND} without playable files, {@code UNSUPPORTED} or {@code GONE} as
     *                         {@link AudioStreams#stream} says
     */
    public BookAudio load(String bookId) {
        List<PlayableFile> playable = files.ofBook(bookId).stream().filter(f -> f.problem().isEmpty() && f.audio().isPresent()).toList();
        if (playable.isEmpty()) {
            throw new StreamException(StreamException.Kind.NOT_FOUND, "The book " + bookId + " has no playable audio.");
        }
        List<BookAudio.Part> parts = new ArrayList<>();
        List<BookAudio.Group> groups = new ArrayList<>();
        MessageDigest version = sha256();
        version.update(SEGMENTER_VERSION.getBytes(StandardCharsets.UTF_8));
        long groupStartTime = 0;
        long nextTime = 0;
        int groupFirst = 0;
        for (PlayableFile file : playable) {
            AudioStreams.StreamKey key = streams.keyOf(file);
            AudioStream stream = streams.stream(key);
            version.update((key.fileId() + "/" + key.sizeBytes() + "/" + key.mtimeNanos() + ";").getBytes(StandardCharsets.UTF_8));
            TrackFormat format = stream.format();
            if (!parts.isEmpty() && !parts.getLast().format().sameStreamAs(format)) {
                BookAudio.Group closed = new BookAudio.Group(groups.size(), parts.getLast().format(), groupFirst,
                        parts.size() - groupFirst, groupStartTime, nextTime - groupStartTime);
                groups.add(closed);
                groupFirst = parts.size();
                groupStartTime = Timescales.fromMicros(closed.endUs(), format.timescale());
                nextTime = groupStartTime;
            }
            BookAudio.Part part = new BookAudio.Part(file, key, stream, groups.size(), nextTime);
            parts.add(part);
            nextTime += part.durationTime();
        }
        groups.add(new BookAudio.Group(groups.size(), parts.getLast().format(), groupFirst, parts.size() - groupFirst,
                groupStartTime, nextTime - groupStartTime));
        PlayableFile first = playable.getFirst();
        return new BookAudio(bookId, first.libraryId(), HexFormat.of().formatHex(version.digest(), 0, 8), parts, groups);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
