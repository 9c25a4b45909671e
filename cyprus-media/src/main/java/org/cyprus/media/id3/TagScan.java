package org.cyprus.media.id3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.Chapter;
import org.cyprus.media.CoverArt;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteSource;

/** One read of a file's tags: leading ID3v2 tags, then the trailers, then the merge into one {@link Id3Result}. */
final class TagScan {
    /** Leading tags beyond this many are not read (nor skipped); no real file comes near it. */
    static final int MAX_LEADING_TAGS = 64;
    private static final int FRONT_COVER = 3;

    private TagScan() {
    }

    static Id3Result read(ByteSource source, Diagnostics diag) throws IOException {
        diag.line("file " + source.size() + " bytes");
        List<Id3v2Tag> id3v2 = new ArrayList<>(readLeading(source, diag));
        long audioStart = id3v2.isEmpty() ? 0 : id3v2.getLast().end();
        Trailers trailers = Trailers.scan(source, audioStart, diag);
        trailers.appendedId3v2().ifPresent(id3v2::add);

        Tags tags = Tags.empty();
        for (Id3v2Tag tag : id3v2) {
            tags = tags.withFallback(FrameMapping.toTags(tag.frames()));
        }
        tags = trailers.ape().map(ApeTag.ApeContent::tags).map(tags::withFallback).orElse(tags);
        tags = trailers.lyrics3().map(Lyrics3Tag.Lyrics3Content::tags).map(tags::withFallback).orElse(tags);
        tags = trailers.id3v1().map(tags::withFallback).orElse(tags);

        List<Chapter> chapters = List.of();
        for (Id3v2Tag tag : id3v2) {
            chapters = ChapterList.fromFrames(tag.frames(), diag);
            if (!chapters.isEmpty()) {
                break;
            }
        }
        Optional<CoverArt> cover = chooseCover(id3v2).or(() -> trailers.ape().flatMap(ApeTag.ApeContent::cover));
        return new Id3Result(tags, chapters, cover, audioStart, trailers.audioEnd(), diag.warnings());
    }

    /**
     * The ID3v2 tags at the start of the file, one after the other (id3v2.4.0-structure §5 allows several, e.g.
     * when an updated tag is prepended without removing the old one).
     */
    static List<Id3v2Tag> readLeading(ByteSource source, Diagnostics diag) throws IOException {
        List<Id3v2Tag> tags = new ArrayList<>();
        long position = 0;
        while (true) {
            Optional<Id3v2Header> header = Id3v2Header.read(source, position, "ID3");
            if (header.isEmpty()) {
                return tags;
            }
            if (tags.size() == MAX_LEADING_TAGS) {
                diag.warn("more than " + MAX_LEADING_TAGS + " ID3v2 tags at the start; the rest are not read");
                return tags;
            }
            Id3v2Tag tag = Id3v2TagReader.read(source, header.get(), source.size(), diag);
            tags.add(tag);
            position = tag.end();
        }
    }

    /** Where the leading ID3v2 tags end, reading only their headers. */
    static long skipLeading(ByteSource source) throws IOException {
        long position = 0;
        for (int i = 0; i < MAX_LEADING_TAGS; i++) {
            Optional<Id3v2Header> header = Id3v2Header.read(source, position, "ID3");
            if (header.isEmpty()) {
                break;
            }
            position = Math.min(header.get().declaredEnd(), source.size());
        }
        return position;
    }

    /** The first front cover (picture type 3, id3v2.4.0-frames §4.14) of any tag, else the first picture. */
    private static Optional<CoverArt> chooseCover(List<Id3v2Tag> tags) {
        Optional<CoverArt> first = Optional.empty();
        for (Id3v2Tag tag : tags) {
            for (Id3Frame frame : tag.frames()) {
                if (frame instanceof Id3Frame.Picture picture && picture.cover().isPresent()) {
                    if (picture.pictureType() == FRONT_COVER) {
                        return picture.cover();
                    }
                    first = first.or(picture::cover);
                }
            }
        }
        return first;
    }
}
