package org.cyprus.media.flac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/**
 * A PICTURE metadata block (RFC 9639 §8.8), as found in FLAC files and, base64-encoded, in the
 * {@code METADATA_BLOCK_PICTURE} Vorbis comment of Ogg files. The picture's bytes are not read, only located.
 *
 * @param pictureType  the ID3v2 APIC picture type (3 is the front cover)
 * @param mimeType     the declared media type; {@code -->} means the data is a URL
 * @param description  the picture's description
 * @param width        width in pixels (0 when unknown)
 * @param height       height in pixels (0 when unknown)
 * @param dataOffset   offset of the picture's bytes in the structure the block was read from
 * @param dataLength   length of the picture's bytes
 */
public record FlacPicture(int pictureType, String mimeType, String description, long width, long height,
        long dataOffset, int dataLength) {
    /** The ID3v2 picture type of a front cover. */
    public static final int FRONT_COVER = 3;
    private static final int MAX_TEXT_BYTES = 64 * 1024;

    /** Reads a picture block body at the reader's position; the reader's end bounds every length. */
    public static FlacPicture parsePicture(ByteReader r) throws IOException, MediaException {
        int type = (int) Math.min(r.u32(), Integer.MAX_VALUE);
        String mime = text(r, "MIME type");
        String description = text(r, "description");
        long width = r.u32();
        long height = r.u32();
        r.skip(8); // colour depth, palette size
        long length = r.u32();
        if (length > r.remaining()) {
            throw new MediaException(MediaError.TRUNCATED,
                    "picture data claims " + length + " bytes but only " + r.remaining() + " remain in its block");
        }
        long dataOffset = r.position();
        r.skip(length);
        return new FlacPicture(type, mime, description, width, height, dataOffset, (int) length);
    }

    /** Whether the data is a link rather than a picture (RFC 9639 §8.8: MIME type {@code -->}). */
    public boolean isLink() {
        return "-->".equals(mimeType);
    }

    /** The picture best suited as a cover: the first front cover, else the first picture of any type. */
    public static Optional<FlacPicture> best(List<FlacPicture> pictures) {
        return pictures.stream()
                .filter(p -> !p.isLink() && p.dataLength() > 0)
                .min(Comparator.comparingInt(p -> p.pictureType() == FRONT_COVER ? 0 : 1));
    }

    private static String text(ByteReader r, String what) throws IOException, MediaException {
        long length = r.u32();
        if (length > r.remaining()) {
            throw new MediaException(MediaError.TRUNCATED,
                    "picture " + what + " claims " + length + " bytes but only " + r.remaining() + " remain in its block");
        }
        int kept = (int) Math.min(length, MAX_TEXT_BYTES);
        String text = new String(r.bytes(kept), StandardCharsets.UTF_8);
        r.skip(length - kept);
        return text;
    }
}
