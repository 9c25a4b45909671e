package org.cyprus.media.id3;

import java.io.IOException;
import java.util.Optional;
import org.cyprus.media.MediaException;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteSource;

/**
 * Finds the tags appended after the audio, working back from the end of the file: ID3v1 (with an enhanced
 * {@code TAG+} block), APEv1/v2, Lyrics3v2 and an appended ID3v2.4 tag with footer, each at most once and in any
 * order (commonly [audio][APE][Lyrics3][ID3v1]). What is left before them is the audio.
 *
 * @param audioEnd where the trailers start: the offset just past the audio
 */
record Trailers(long audioEnd, Optional<Id3v2Tag> appendedId3v2, Optional<ApeTag.ApeContent> ape,
        Optional<Lyrics3Tag.Lyrics3Content> lyrics3, Optional<Tags> id3v1) {

    /** Scans back from the end of {@code source}; no trailer may reach before {@code floor} (the audio's start). */
    static Trailers scan(ByteSource source, long floor, Diagnostics diag) throws IOException {
        long end = source.size();
        Optional<Id3v2Tag> appended = Optional.empty();
        Optional<ApeTag.ApeContent> ape = Optional.empty();
        Optional<Lyrics3Tag.Lyrics3Content> lyrics3 = Optional.empty();
        Optional<Tags> id3v1 = Optional.empty();
        try {
            boolean found = true;
            while (found) {
                found = false;
                if (id3v1.isEmpty() && end - floor >= Id3v1Tag.BYTES
                        && Id3v1Tag.isId3v1(source.readBytes(end - Id3v1Tag.BYTES, Id3v1Tag.BYTES))) {
                    byte[] tag = source.readBytes(end - Id3v1Tag.BYTES, Id3v1Tag.BYTES);
                    end -= Id3v1Tag.BYTES;
                    Optional<byte[]> enhanced = Optional.empty();
                    if (end - floor >= Id3v1Tag.ENHANCED_BYTES) {
                        enhanced = Optional.of(source.readBytes(end - Id3v1Tag.ENHANCED_BYTES, Id3v1Tag.ENHANCED_BYTES))
                                .filter(Id3v1Tag::isEnhanced);
                    }
                    id3v1 = Optional.of(Id3v1Tag.parseId3v1(tag, enhanced, end, diag));
                    if (enhanced.isPresent()) {
                        end -= Id3v1Tag.ENHANCED_BYTES;
                    }
                    found = true;
                } else if (ape.isEmpty() && end - floor >= ApeTag.FOOTER_BYTES
                        && ApeTag.isApeBlock(source.readBytes(end - ApeTag.FOOTER_BYTES, ApeTag.FOOTER_BYTES))) {
                    ape = ApeTag.parseApe(source, end - ApeTag.FOOTER_BYTES, floor, diag);
                    found = ape.isPresent();
                    end = ape.map(ApeTag.ApeContent::start).orElse(end);
                } else if (lyrics3.isEmpty() && end - floor >= Lyrics3Tag.TRAILER_BYTES
                        && Lyrics3Tag.isTrailer(source.readBytes(end - Lyrics3Tag.TRAILER_BYTES, Lyrics3Tag.TRAILER_BYTES))) {
                    lyrics3 = Lyrics3Tag.parseLyrics3(source, end, floor, diag);
                    found = lyrics3.isPresent();
                    end = lyrics3.map(Lyrics3Tag.Lyrics3Content::start).orElse(end);
                } else if (appended.isEmpty()) {
                    appended = readAppended(source, end, floor, diag);
                    found = appended.isPresent();
                    end = appended.map(t -> t.header().offset()).orElse(end);
                }
            }
        } catch (MediaException e) {
            diag.warn("a tag at the end of the file is unreadable: " + e.getMessage());
        }
        return new Trailers(end, appended, ape, lyrics3, id3v1);
    }

    /**
     * An ID3v2.4 tag appended after the audio, found by its footer: a copy of the header with the magic
     * {@code 3DI} (id3v2.4.0-structure §3.4, §5).
     */
    private static Optional<Id3v2Tag> readAppended(ByteSource source, long end, long floor, Diagnostics diag)
            throws IOException {
        if (end - floor < 2L * Id3v2Header.BYTES) {
            return Optional.empty();
        }
        Optional<Id3v2Header> footer = Id3v2Header.read(source, end - Id3v2Header.BYTES, "3DI");
        if (footer.isEmpty()) {
            return Optional.empty();
        }
        long start = end - footer.get().sizeBytes() - 2L * Id3v2Header.BYTES;
        Optional<Id3v2Header> header = footer.get().majorVersion() == 4 && start >= floor
                ? Id3v2Header.read(source, start, "ID3") : Optional.empty();
        if (header.isEmpty() || !header.get().hasFooter() || header.get().sizeBytes() != footer.get().sizeBytes()) {
            diag.warn("an ID3v2 footer at " + (end - Id3v2Header.BYTES) + " has no matching tag header at " + start
                    + "; ignored");
            return Optional.empty();
        }
        return Optional.of(Id3v2TagReader.read(source, header.get(), end, diag));
    }
}
