package org.cyprus.media.mp3;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cyprus.media.MediaException;
import org.cyprus.media.SeekIndex;
import org.cyprus.media.io.ByteSource;

/**
 * Probes an MPEG audio stream (MPEG-1, 2 and 2.5, Layers I to III) in the byte range a caller found between a
 * file's leading and trailing tags: sync, Xing/Info, VBRI and LAME headers, exact duration, a seek index.
 */
public final class Mp3Prober {
    private Mp3Prober() {
    }

    /**
     * Probes the MPEG audio stream in {@code [audioStart, audioEnd)} of {@code source}. The duration is exact:
     * a consistent Xing/Info or VBRI frame count is used, otherwise every frame is counted.
     *
     * @throws MediaException {@code UNRECOGNIZED} when no confirmed frame sequence exists in the range,
     *                        {@code NO_AUDIO} when it holds a Xing/VBRI frame and nothing after it
     */
    public static Mp3Stream probe(ByteSource source, long audioStart, long audioEnd) throws IOException, MediaException {
        StreamScan scan = StreamScan.of(source, audioStart, audioEnd);
        StreamHead head = scan.head();
        Optional<VbrHeader> vbr = head.vbrHeader();
        if (vbr.isPresent()) {
            OptionalInt frames = DeclaredCount.trusted(vbr.get(), head.firstAudio(), scan.end());
            if (frames.isPresent()) {
                Optional<Mp3Stream> declared = fromHeader(vbr.get(), frames.getAsInt(), head.firstAudio(), scan);
                if (declared.isPresent()) {
                    return declared.get();
                }
            }
        }
        return fromScan(head, scan.scanAll(), scan.warnings());
    }

    /** True if a confirmed frame sequence starts within the first {@code maxSearchBytes} of the range. */
    public static boolean looksLikeMpegAudio(ByteSource source, long start, long end, int maxSearchBytes) throws IOException {
        long clampedEnd = Math.min(end, source.size());
        if (start < 0 || start >= clampedEnd || maxSearchBytes <= 0) {
            return false;
        }
        int capacity = (int) Math.min(ByteWindow.BLOCK_BYTES, (long) maxSearchBytes + ByteWindow.LOOKAHEAD_BYTES);
        ByteWindow window = new ByteWindow(source, start, clampedEnd, capacity);
        return new FrameSync(window).find(start, start + maxSearchBytes).isPresent();
    }

    /** The stream as its header declares it, when the header also has a way to seek (a table, or Info's CBR). */
    private static Optional<Mp3Stream> fromHeader(VbrHeader vbr, int frames, SyncPoint audio, StreamScan scan) {
        FrameHeader first = audio.header();
        FrameClock clock = new FrameClock(frames, first.samplesPerFrame(), first.sampleRateHz());
        long audioEnd = vbr.declaredBytes().isPresent() ? vbr.frameOffset() + vbr.declaredBytes().getAsLong() : scan.end();
        long streamBytes = audioEnd - vbr.frameOffset();
        SeekIndex seekIndex = switch (vbr) {
            case XingHeader x when !x.toc().isEmpty() -> XingSeeker.of(x, streamBytes, clock, audio.offset(), audioEnd);
            case VbriHeader v when !v.toc().isEmpty() -> VbriSeeker.of(v, clock, audio.offset(), audioEnd);
            case XingHeader x when x.info() -> new CbrSeeker(audio.offset(), audioEnd, frames, first.samplesPerFrame(),
                    first.sampleRateHz());
            default -> null;
        };
        if (seekIndex == null) {
            return Optional.empty();
        }
        Optional<LameTag> lame = lameTag(vbr);
        int delay = lame.map(LameTag::encoderDelaySamples).orElse(0);
        int padding = lame.map(LameTag::encoderPaddingSamples).orElse(0);
        long samples = (long) frames * first.samplesPerFrame();
        return Optional.of(stream(first, audio.offset(), audioEnd, audioEnd - audio.offset(), frames, clock.durationUs(),
                gaplessUs(samples, delay, padding, first.sampleRateHz()), delay, padding, lame, seekIndex, scan.warnings()));
    }

    private static Mp3Stream fromScan(StreamHead head, FrameWalk.Result walk, List<String> warnings) {
        Mp3FrameIndex index = walk.index();
        FrameHeader first = head.firstAudio().header();
        int frames = index.frameCount();
        Optional<VbrHeader> vbr = head.vbrHeader();
        boolean headerAgrees = vbr.isPresent() && vbr.get().declaredFrames().equals(java.util.OptionalLong.of(frames));
        vbr.ifPresent(h -> h.declaredFrames().ifPresent(declared -> {
            if (declared != frames) {
                warnings.add("the " + StreamHead.kind(h) + " header declares " + declared + " frames but the stream holds "
                        + frames + "; its table of contents and encoder padding are not used");
            }
        }));
        boolean singleRun = index.runs().count() == 1;
        FrameClock clock = new FrameClock(frames, first.samplesPerFrame(), first.sampleRateHz());
        long firstOffset = index.frameOffset(0);
        long audioEnd = index.audioEndByte();
        SeekIndex seekIndex = index;
        if (headerAgrees && singleRun && vbr.get() instanceof XingHeader x && !x.toc().isEmpty()) {
            long streamBytes = x.bytes().orElse(audioEnd - x.frameOffset());
            seekIndex = XingSeeker.of(x, Math.min(streamBytes, audioEnd - x.frameOffset()), clock, firstOffset, audioEnd);
        } else if (headerAgrees && singleRun && vbr.get() instanceof VbriHeader v && !v.toc().isEmpty()) {
            seekIndex = VbriSeeker.of(v, clock, firstOffset, audioEnd);
        } else if (walk.constantBitrate() && singleRun && index.gapCount() == 0) {
            seekIndex = new CbrSeeker(firstOffset, audioEnd, frames, first.samplesPerFrame(), first.sampleRateHz());
        }
        Optional<LameTag> lame = vbr.flatMap(Mp3Prober::lameTag);
        int delay = lame.map(LameTag::encoderDelaySamples).orElse(0);
        int padding = headerAgrees ? lame.map(LameTag::encoderPaddingSamples).orElse(0) : 0;
        long durationUs = index.durationUs();
        long gaplessUs = singleRun
                ? gaplessUs((long) frames * first.samplesPerFrame(), delay, padding, first.sampleRateHz())
                : Math.max(0, durationUs - MulDiv.floor(delay + padding, 1_000_000L, first.sampleRateHz()));
        return stream(first, firstOffset, audioEnd, index.frameBytesTotal(), frames, durationUs, gaplessUs, delay, padding,
                lame, seekIndex, warnings);
    }

    private static Optional<LameTag> lameTag(VbrHeader vbr) {
        return vbr instanceof XingHeader x ? x.lame() : Optional.empty();
    }

    /** ISO/IEC 11172-3 has no delay field; the LAME tag's delay and padding are the samples gapless playback drops. */
    private static long gaplessUs(long samples, int delay, int padding, int sampleRateHz) {
        return MulDiv.floor(Math.max(0, samples - delay - padding), 1_000_000L, sampleRateHz);
    }

    private static Mp3Stream stream(FrameHeader first, long firstOffset, long audioEnd, long audioBytes, int frames,
            long durationUs, long gaplessUs, int delay, int padding, Optional<LameTag> lame, SeekIndex seekIndex,
            List<String> warnings) {
        int bitrateBps = (int) Math.min(Integer.MAX_VALUE, MulDiv.floor(audioBytes, 8_000_000L, Math.max(1, durationUs)));
        return new Mp3Stream(first.codec(), first.codecDetail(), first.sampleRateHz(), first.channels(), bitrateBps,
                durationUs, gaplessUs, firstOffset, audioEnd, frames, delay, padding, lame.map(LameTag::encoder),
                seekIndex, warnings);
    }
}
