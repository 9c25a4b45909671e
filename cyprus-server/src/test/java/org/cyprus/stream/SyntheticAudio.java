package org.cyprus.stream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.library.media.AudioShape;
import org.cyprus.library.media.FileStamp;
import org.cyprus.library.media.PlayableFile;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.FrameTable;
import org.cyprus.media.mux.AudioStream;
import org.cyprus.media.mux.TrackFormat;

/** Books made of synthetic frame tables, for planning and manifest tests that need no files. */
final class SyntheticAudio {
    static final TrackFormat MP3_44 = new TrackFormat(Codec.MP3, 44_100, 2, 44_100, new byte[0]);
    static final TrackFormat MP3_22 = new TrackFormat(Codec.MP3, 22_050, 1, 22_050, new byte[0]);

    private SyntheticAudio() {
    }

    /** Frames of one size and duration back to back from byte 0. */
    record UniformFrames(int count, int sizeBytes, long duration, long timescale) implements FrameTable {
        @Override
        public int frameCount() {
            return count;
        }

        @Override
        public long frameOffset(int index) {
            return (long) index * sizeBytes;
        }

        @Override
        public int frameSize(int index) {
            return sizeBytes;
        }

        @Override
        public long frameTime(int index) {
            return index * duration;
        }

        @Override
        public long frameDuration(int index) {
            return duration;
        }

        @Override
        public int frameAt(long time) {
            return (int) Math.max(0, Math.min(count - 1, time / duration));
        }

        @Override
        public long timeAt(long byteOffset) {
            return toMicros(frameTime((int) Math.min(count - 1, byteOffset / sizeBytes)));
        }
    }

    /** One part: a format and how many 1152-sample frames of 418 bytes (MP3 at 128 kbit/s) it holds. */
    record PartSpec(TrackFormat format, int frames) {
    }

    /** A book of the given parts, timed as {@link BookAudios} times real ones. */
    static BookAudio book(String version, PartSpec... specs) {
        List<BookAudio.Part> parts = new ArrayList<>();
        List<BookAudio.Group> groups = new ArrayList<>();
        long groupStart = 0;
        long next = 0;
        int groupFirst = 0;
        for (int i = 0; i < specs.length; i++) {
            TrackFormat format = specs[i].format();
            AudioStream stream = new AudioStream(format, new UniformFrames(specs[i].frames(), 418, 1152, format.timescale()));
            if (!parts.isEmpty() && !parts.getLast().format().sameStreamAs(format)) {
                BookAudio.Group closed = new BookAudio.Group(groups.size(), parts.getLast().format(), groupFirst, parts.size() - groupFirst,
                        groupStart, next - groupStart);
                groups.add(closed);
                groupFirst = parts.size();
                groupStart = Timescales.fromMicros(closed.endUs(), format.timescale());
                next = groupStart;
            }
            Path path = Path.of("/books/part" + i + ".mp3");
            PlayableFile file = new PlayableFile("f" + i, "book", 1, path, new FileStamp(418L * specs[i].frames(), 0, "fp" + i),
                    Optional.of(new AudioShape(ContainerFormat.MP3, Codec.MP3, "audio/mpeg", format.sampleRateHz(), format.channels(), 0,
                            418L * specs[i].frames())), 0, 0, Optional.empty());
            BookAudio.Part part = new BookAudio.Part(file, new AudioStreams.StreamKey("f" + i, path, 418L * specs[i].frames(), 0), stream,
                    groups.size(), next);
            parts.add(part);
            next += part.durationTime();
        }
        groups.add(new BookAudio.Group(groups.size(), parts.getLast().format(), groupFirst, parts.size() - groupFirst, groupStart,
                next - groupStart));
        return new BookAudio("book", 1, version, parts, groups);
    }
}
