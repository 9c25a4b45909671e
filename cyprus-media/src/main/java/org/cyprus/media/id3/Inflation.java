package org.cyprus.media.id3;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * zlib decompression of compressed frames (id3v2.4.0-structure §4.1.2 flag k, id3v2.3.0 §3.3.1 flag i), with
 * the output capped so that a small frame cannot expand into an unbounded allocation.
 */
final class Inflation {
    /** Largest decompressed frame accepted. */
    static final int MAX_INFLATED_BYTES = 16 << 20;

    private Inflation() {
    }

    /** The decompressed bytes of a zlib stream. */
    static byte[] inflate(byte[] compressed, int from, int to) throws MediaException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed, from, to - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_INFLATED_BYTES, (to - from) * 4 + 64));
            byte[] chunk = new byte[8192];
            int stalls = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0) {
                    if (inflater.needsInput()) {
                        throw new MediaException(MediaError.TRUNCATED, "the compressed data ends early");
                    }
                    if (inflater.needsDictionary()) {
                        throw new MediaException(MediaError.CORRUPT, "the compressed data needs a preset dictionary");
                    }
                    if (++stalls > 3) {
                        throw new MediaException(MediaError.CORRUPT, "the compressed data makes no progress");
                    }
                    continue;
                }
                stalls = 0;
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new MediaException(MediaError.CORRUPT,
                            "the compressed data expands past " + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new MediaException(MediaError.CORRUPT, "the compressed data is not a zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
