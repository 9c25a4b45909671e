package org.cyprus.media.wav;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.SeekIndex;
import org.cyprus.media.io.ByteSource;

/**
 * Probes WAV files: RIFF/WAVE with WAVEFORMATEX or WAVE_FORMAT_EXTENSIBLE, and the 64-bit RF64 and BW64 forms.
 * The duration of uncompressed audio is exact arithmetic: sample bytes ÷ block align ÷ sample rate.
 */
public final class WavProber {
    private WavProber() {
    }

    /** Whether a RIFF, RF64 or BW64 header of form type {@code WAVE} starts at {@code start}. */
    public static boolean looksLikeWav(ByteSource source, long start) throws IOException {
        try {
            String head = new String(source.readBytes(start, 12), java.nio.charset.StandardCharsets.ISO_8859_1);
            return (head.startsWith("RIFF") || head.startsWith("RF64") || head.startsWith("BW64")) && head.endsWith("WAVE");
        } catch (MediaException e) {
            return false;
        }
    }

    /**
     * Probes the WAV file in {@code source}.
     *
     * @throws MediaException {@code UNRECOGNIZED} without a RIFF/WAVE header, {@code UNSUPPORTED} for big-endian
     *                        RIFX, {@code CORRUPT} for an unusable {@code fmt } chunk, {@code NO_AUDIO} without a
     *                        data chunk, {@code TRUNCATED} when the file ends before them
     */
    public static MediaInfo probe(ByteSource source) throws IOException, MediaException {
        WavLayout layout = WavLayout.read(source);
        WaveFormat format = layout.format();
        List<String> warnings = new ArrayList<>(layout.warnings());
        long dataBytes = layout.dataBytes();
        long durationUs;
        SeekIndex seekIndex;
        int rate = format.sampleRateHz();
        if (format.isUncompressed() || format.isAdpcm()) {
            int blockBytes = format.blockAlign() > 0 ? format.blockAlign()
                    : format.channels() * ((format.bitsPerSample() + 7) / 8);
            if (blockBytes <= 0) {
                throw new MediaException(MediaError.CORRUPT, "fmt chunk gives no block size");
            }
            long blocks = dataBytes / blockBytes;
            if (dataBytes % blockBytes != 0) {
                warnings.add((dataBytes % blockBytes) + " bytes at the end of the data do not fill a block of " + blockBytes);
            }
            long samplesPerBlock = format.isAdpcm() ? format.samplesPerBlock() : 1;
            long samples = mulDiv(blocks, samplesPerBlock, 1);
            if (format.isAdpcm() && layout.factSamples().isPresent() && layout.factSamples().getAsLong() <= samples) {
                samples = layout.factSamples().getAsLong(); // the last block may be partly padding
            }
            durationUs = mulDiv(samples, 1_000_000, rate);
            seekIndex = WavSeekIndex.blocks(layout.dataStart(), blocks, blockBytes, samplesPerBlock, rate, durationUs);
        } else {
            if (layout.factSamples().isPresent()) {
                durationUs = mulDiv(layout.factSamples().getAsLong(), 1_000_000, rate);
            } else if (format.avgBytesPerSec() > 0) {
                durationUs = mulDiv(dataBytes, 1_000_000, format.avgBytesPerSec());
                warnings.add("no fact chunk: the duration of this " + format.codecDetail()
                        + " data is estimated from the average byte rate");
            } else {
                durationUs = 0;
                warnings.add("no fact chunk and no byte rate: the duration is unknown");
            }
            seekIndex = WavSeekIndex.linear(layout.dataStart(), dataBytes, durationUs);
        }
        int bitrate = durationUs > 0 ? (int) Math.min(Integer.MAX_VALUE, dataBytes * 8e6 / durationUs) : 0;
        return new MediaInfo(ContainerFormat.WAV, format.codec(), format.codecDetail(), rate, format.channels(), bitrate,
                durationUs, durationUs, layout.dataStart(), layout.dataStart() + dataBytes, layout.tags(), List.of(),
                Optional.empty(), warnings, seekIndex);
    }

    /** {@code a * b / c} without overflow; {@code c} is positive. */
    static long mulDiv(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low / c;
        }
        BigInteger result = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c));
        return result.bitLength() < 64 ? result.longValue() : Long.MAX_VALUE;
    }
}
