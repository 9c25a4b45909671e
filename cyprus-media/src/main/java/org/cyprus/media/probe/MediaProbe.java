package org.cyprus.media.probe;

import java.io.IOException;
import java.nio.file.Path;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.mux.AudioStream;

/**
 * The media engine's front door: identifies a file by its content, hands it to the matching parser, and returns
 * one {@link ProbeResult} — a {@link MediaInfo} or a typed error — whatever the bytes are.
 */
public final class MediaProbe {
    private MediaProbe() {
    }

    /** Probes the file at {@code file}; never throws for bad content or I/O trouble. */
    public static ProbeResult probe(Path file) {
        try (ByteSource source = FileByteSource.open(file)) {
            return probe(source);
        } catch (IOException e) {
            return new ProbeResult.Failed(MediaError.IO, describe(e));
        }
    }

    /** Probes {@code source}; never throws for bad content or I/O trouble. */
    public static ProbeResult probe(ByteSource source) {
        try {
            return new ProbeResult.Probed(probeOrThrow(source));
        } catch (MediaException e) {
            return new ProbeResult.Failed(e.error(), e.getMessage());
        } catch (IOException e) {
            return new ProbeResult.Failed(MediaError.IO, describe(e));
        }
    }

    /** Probes {@code source}, throwing the typed error. */
    public static MediaInfo probeOrThrow(ByteSource source) throws IOException, MediaException {
        Sniffed sniffed = Sniffer.sniff(source);
        return sniffed.prober().probe(source, sniffed);
    }

    /** The exact frame-by-frame table of the file's audio (an MP3 frame index or an MP4 sample table). */
    public static FrameTable frameTable(ByteSource source) throws IOException, MediaException {
        Sniffed sniffed = Sniffer.sniff(source);
        return sniffed.prober().frameTable(source, sniffed);
    }

    /**
     * The file's audio as a stream that can be cut into segments without decoding: its format and every frame
     * (MPEG audio frames; AAC access units without ADTS headers), times in the format's timescale — the sample rate
     * for MP3, MP2 and ADTS, the {@code mdhd} timescale for MP4.
     *
     * @throws MediaException {@code UNSUPPORTED} for any other audio (FLAC, Opus, Vorbis, ALAC, PCM, MPEG Layer I,
     *                        ...), for an MP3 whose frames change sample rate, layer or channel count midway, and for
     *                        ADTS that holds several raw data blocks per frame; the probe's own errors otherwise
     */
    public static AudioStream audioStream(ByteSource source) throws IOException, MediaException {
        return AudioStreams.of(source);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
