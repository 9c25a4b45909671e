package org.cyprus.media.flac;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteReader;

/**
 * Pictures carried inside Vorbis comments: {@code METADATA_BLOCK_PICTURE}, a base64-encoded FLAC PICTURE block
 * (the Xiph recommendation for Ogg, also used by some FLAC taggers), and the older {@code COVERART} (bare base64
 * image bytes). Decoded pictures are held inline, up to {@link #MAX_PICTURE_BYTES}.
 */
public final class VorbisCommentCover {
    /** Pictures larger than this (decoded) are skipped with a warning. */
    public static final int MAX_PICTURE_BYTES = 16 * 1024 * 1024;
    private static final int MAX_BASE64_CHARS = MAX_PICTURE_BYTES / 3 * 4 + 1024;

    private VorbisCommentCover() {
    }

    /** The best picture in {@code comment} as an inline cover: a front cover if there is one. */
    public static Optional<CoverArt> cover(VorbisComment comment, List<String> warnings) {
        List<CoverArt> fronts = new ArrayList<>();
        List<CoverArt> others = new ArrayList<>();
        for (String value : comment.values("METADATA_BLOCK_PICTURE")) {
            decode(value, warnings).ifPresent(block -> {
                try {
                    ByteReader r = new ByteReader(new ArrayByteSource(block));
                    FlacPicture picture = FlacPicture.parsePicture(r);
                    if (!picture.isLink() && picture.dataLength() > 0) {
                        byte[] data = Arrays.copyOfRange(block, (int) picture.dataOffset(),
                                (int) picture.dataOffset() + picture.dataLength());
                        CoverArt art = inline(data, picture.mimeType());
                        (picture.pictureType() == FlacPicture.FRONT_COVER ? fronts : others).add(art);
                    }
                } catch (IOException | MediaException e) {
                    warnings.add("METADATA_BLOCK_PICTURE is not a valid picture block: " + e.getMessage());
                }
            });
        }
        List<String> legacyMime = comment.values("COVERARTMIME");
        List<String> legacy = comment.values("COVERART");
        for (int i = 0; i < legacy.size(); i++) {
            String mime = i < legacyMime.size() ? legacyMime.get(i) : "";
            decode(legacy.get(i), warnings).filter(d -> d.length > 0).ifPresent(d -> others.add(inline(d, mime)));
        }
        return fronts.isEmpty() ? others.stream().findFirst() : Optional.of(fronts.getFirst());
    }

    /** An inline cover, its MIME type sniffed from its first bytes with {@code declared} as the fallback. */
    public static CoverArt inline(byte[] data, String declared) {
        String fallback = declared.isBlank() ? "application/octet-stream" : declared.strip();
        byte[] head = Arrays.copyOf(data, Math.min(16, data.length));
        return new CoverArt(CoverArt.sniffMimeType(head, fallback), data.length, new CoverArt.Inline(data));
    }

    private static Optional<byte[]> decode(String base64, List<String> warnings) {
        if (base64.length() > MAX_BASE64_CHARS) {
            warnings.add("an embedded picture of about " + base64.length() / 4 * 3 + " bytes is larger than "
                    + MAX_PICTURE_BYTES + " and was skipped");
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            warnings.add("an embedded picture is not valid base64: " + e.getMessage());
            return Optional.empty();
        }
    }
}
