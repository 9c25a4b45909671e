package org.cyprus.media.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cyprus.media.MediaException;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteReader;

/**
 * A {@code LIST} chunk of type {@code INFO} (Microsoft RIFF specification, "INFO List Chunk"): sub-chunks of
 * NUL-terminated text. The specification says ASCII; writers use UTF-8 or a Windows code page, so text is read
 * as UTF-8 when it is valid UTF-8 and as Latin-1 otherwise.
 */
final class InfoList {
    private static final int MAX_TEXT_BYTES = 64 * 1024;

    private InfoList() {
    }

    /** Adds the tags in the INFO sub-chunks between the reader's position and its end. */
    static void parseInfo(ByteReader r, Tags.Builder tags, List<String> warnings) throws IOException, MediaException {
        while (r.remaining() >= 8) {
            String id = r.fourCc();
            long size = Integer.toUnsignedLong(Integer.reverseBytes(r.s32()));
            if (size > r.remaining()) {
                warnings.add("INFO item " + id + " claims " + size + " bytes; only " + r.remaining() + " remain in its list");
                return;
            }
            int kept = (int) Math.min(size, MAX_TEXT_BYTES);
            String text = text(r.bytes(kept));
            r.skip(size - kept);
            if ((size & 1) == 1 && r.remaining() > 0) {
                r.skip(1); // RIFF pads odd-sized chunks to an even length
            }
            add(tags, id, text);
        }
    }

    private static void add(Tags.Builder tags, String id, String text) {
        switch (id) {
            case "INAM" -> tags.add(TagKey.TITLE, text);
            case "IART" -> tags.add(TagKey.ARTIST, text);
            case "IPRD" -> tags.add(TagKey.ALBUM, text);
            case "ICMT" -> tags.add(TagKey.COMMENT, text);
            case "IGNR" -> tags.add(TagKey.GENRE, text);
            case "ICRD" -> tags.date(text);
            case "ITRK", "IPRT" -> tags.numberOfTotal(text, TagKey.TRACK, TagKey.TRACK_TOTAL);
            case "ICOP" -> tags.add(TagKey.COPYRIGHT, text);
            case "ISFT" -> tags.add(TagKey.ENCODER, text);
            case "ILNG" -> tags.add(TagKey.LANGUAGE, text);
            default -> {
                // not a field Cyprus reads
            }
        }
    }

    private static String text(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
    }
}
