package org.cyprus.media.mux;

import java.io.IOException;
import java.io.OutputStream;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;

/**
 * A run of frames as a bare elementary stream, the form a continuous {@code audio/mpeg} or {@code audio/aac}
 * response has: MPEG audio frames exactly as they are (every frame starts with its own header, ISO/IEC 11172-3
 * §2.4.1), AAC access units each behind an ADTS header ({@link AdtsWriter}). Runs written one after another form
 * one continuous stream.
 */
public final class ElementaryStream {
    private ElementaryStream() {
    }

    /**
     * Writes {@code run} to {@code out} in one call.
     *
     * @throws MediaException {@code UNSUPPORTED} when an AAC stream cannot be framed in ADTS
     */
    public static void write(FrameRun run, OutputStream out) throws IOException, MediaException {
        out.write(bytes(run));
    }

    /** The bytes {@link #write} writes. */
    public static byte[] bytes(FrameRun run) throws MediaException {
        byte[] payload = run.payloadView();
        if (run.format().codec() != Codec.AAC) {
            return payload.clone();
        }
        byte[] template = AdtsWriter.template(run.format());
        byte[] out = new byte[Math.toIntExact(sizeBytes(run))];
        int from = 0;
        int to = 0;
        for (int i = 0; i < run.frameCount(); i++) {
            int size = run.frameSize(i);
            System.arraycopy(template, 0, out, to, AdtsWriter.HEADER_BYTES);
            AdtsWriter.setFrameLength(out, to, size);
            System.arraycopy(payload, from, out, to + AdtsWriter.HEADER_BYTES, size);
            from += size;
            to += AdtsWriter.HEADER_BYTES + size;
        }
        return out;
    }

    /** The number of bytes {@link #write} writes: the payload, plus an ADTS header per frame for AAC. */
    public static long sizeBytes(FrameRun run) {
        long headers = run.format().codec() == Codec.AAC ? (long) AdtsWriter.HEADER_BYTES * run.frameCount() : 0;
        return run.payloadBytes() + headers;
    }
}
