package org.cyprus.media.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.cyprus.media.MediaException;
import org.cyprus.media.id3.Id3Reader;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.mp3.Mp3FrameIndex;
import org.cyprus.media.mp3.Mp3Prober;
import org.cyprus.media.mp4.Mp4Prober;
import org.cyprus.media.mux.AudioStream;
import org.cyprus.media.mux.AudioStreamFile;
import org.cyprus.media.mux.ElementaryStream;
import org.cyprus.media.mux.Fmp4Writer;
import org.cyprus.media.mux.FrameRun;
import org.cyprus.media.mux.MpegTsWriter;
import org.cyprus.media.probe.MediaProbe;

/**
 * The entry points hostile bytes reach, each run to completion. The only outcomes allowed are a result, a
 * {@link MediaException} or an {@link IOException}: anything else thrown (an index out of bounds, an arithmetic
 * overflow, an out-of-memory error, a stack overflow) is a defect. Used by the Jazzer fuzz tests and by the
 * fixture sweeps.
 */
final class ParserTargets {
    private ParserTargets() {
    }

    /**
     * The facade: sniffing, probing, the exact frame table and the audio stream for every format — and, when there
     * is a stream, its first frames packed into every output the {@code mux} package writes.
     */
    static void probe(byte[] data) {
        ArrayByteSource source = new ArrayByteSource(data);
        MediaProbe.probe(source);
        try {
            MediaProbe.frameTable(source);
        } catch (MediaException | IOException expected) {
            // a clean refusal
        }
        try {
            pack(source, MediaProbe.audioStream(source));
        } catch (MediaException | IOException expected) {
            // a clean refusal
        }
    }

    private static void pack(ArrayByteSource source, AudioStream stream) throws IOException, MediaException {
        int frames = Math.min(stream.frames().frameCount(), 64);
        FrameRun run = FrameRun.read(source, stream, 0, frames, stream.frames().frameTime(0));
        Fmp4Writer.initSegment(stream.format());
        Fmp4Writer.mediaSegment(run, 1);
        MpegTsWriter.segment(run, 0);
        ElementaryStream.bytes(run);
        ByteArrayOutputStream cache = new ByteArrayOutputStream();
        AudioStreamFile.write(stream, new DataOutputStream(cache));
        AudioStreamFile.read(new DataInputStream(new ByteArrayInputStream(cache.toByteArray())));
    }

    static void id3(byte[] data) {
        try {
            Id3Reader.read(new ArrayByteSource(data));
        } catch (IOException expected) {
            // only the source may fail, and an array source does not
        }
    }

    static void mp3(byte[] data) {
        ArrayByteSource source = new ArrayByteSource(data);
        try {
            Mp3Prober.probe(source, 0, data.length);
        } catch (MediaException | IOException expected) {
            // a clean refusal
        }
        try {
            Mp3FrameIndex.build(source, 0, data.length);
        } catch (MediaException | IOException expected) {
            // a clean refusal
        }
    }

    static void mp4(byte[] data) {
        ArrayByteSource source = new ArrayByteSource(data);
        try {
            Mp4Prober.probe(source);
        } catch (MediaException | IOException expected) {
            // a clean refusal
        }
        try {
            Mp4Prober.audioTrack(source);
        } catch (MediaException | IOException expected) {
            // a clean refusal
        }
    }
}
