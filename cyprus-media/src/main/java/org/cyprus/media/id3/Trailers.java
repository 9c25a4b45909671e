package org.cyprus.media.id3;

import java.io.IOException;
import java.util.Optional;
import org.cyprus.media.MediaException;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteSource;

/**
 * The tags appended after the audio, found working back from the end of the file: ID3v1 (with an enhanced
 * {@code TAG+} block), APEv1/v2, Lyrics3v2 and an appended ID3v2.4 tag with footer, each at most once and in any
 * order (commonly [audio][APE][Lyrics3][ID3v1]). What is left before them is the audio.
 *
 * @param audioEnd where the trailers start: the offset just past the audio
 */
record Trailers(long audioEnd, Optional<Id3v2Tag> appendedId3v2, Optional<ApeTag.ApeContent> ape,
        Optional<Lyrics3Tag.Lyrics3Content> lyrics3, Optional<Tags> id3v1) {

    /** Scans back from the end of {@code source}; no trailer may reach before {@code floor} (the audio's start). */
    static Trailers scan(ByteSource source, long floor, Diagnostics diag) throws IOException {
        Trailers found = new Trailers(source.size(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        try {
            Optional<Trailers> next = found.next(source, floor, diag);
            while (next.isPresent()) {
                found = next.get();
                next = found.next(source, floor, diag);
            }
        } catch (MediaException e) {
            diag.warn("a tag at the end of the file is unreadable: " + e.getMessage());
        }
        return found;
    }

    /** These trailers plus the one that ends at {@link #audioEnd()}, if there is one more. */
    private Optional<Trailers> next(ByteSource source, long floor, Diagnostics diag) throws IOException, MediaException {
        long end = audioEnd;
        byte[] last128 = tail(source, end, floor, Id3v1Tag.BYTES);
        if (id3v1.isEmpty() && Id3v1Tag.isId3v1(last128)) {
            long start = end - Id3v1Tag.BYTES;
            Optional<byte[]> enhanced = Optional.of(tail(source, start, floor, Id3v1Tag.ENHANCED_BYTES))
                    .filter(Id3v1Tag::isEnhanced);
            Tags tags = Id3v1Tag.parseId3v1(last128, enhanced, start, diag);
            long newEnd = start - (enhanced.isPresent() ? Id3v1Tag.ENHANCED_BYTES : 0);
            return Optional.of(new Trailers(newEnd, appendedId3v2, ape, lyrics3, Optional.of(tags)));
        }
        if (ape.isEmpty() && ApeTag.isApeBlock(tail(source, end, floor, ApeTag.FOOTER_BYTES))) {
            return ApeTag.parseApe(source, end - ApeTag.FOOTER_BYTES, floor, diag)
                    .map(tag -> new Trailers(tag.start(), appendedId3v2, Optional.of(tag), lyrics3, id3v1));
        }
        if (lyrics3.isEmpty() && Lyrics3Tag.isTrailer(tail(source, end, floor, Lyrics3Tag.TRAILER_BYTES))) {
            return Lyrics3Tag.parseLyrics3(source, end, floor, diag)
                    .map(block -> new Trailers(block.start(), appendedId3v2, ape, Optional.of(block), id3v1));
        }
        if (appendedId3v2.isEmpty()) {
            return readAppended(source, end, floor, diag)
                    .map(tag -> new Trailers(tag.header().offset(), Optional.of(tag), ape, lyrics3, id3v1));
        }
        return Optional.empty();
    }

    /** The {@code count} bytes before {@code end}, or none when they would reach before {@code floor}. */
    private static byte[] tail(ByteSource source, long end, long floor, int count) throws IOException, MediaException {
        return end - floor < count ? new byte[0] : source.readBytes(end - count, count);
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
