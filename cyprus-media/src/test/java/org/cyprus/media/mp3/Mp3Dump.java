package org.cyprus.media.mp3;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.cyprus.media.MediaException;
import org.cyprus.media.SeekIndex;
import org.cyprus.media.SeekPoint;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteSource;

/** A readable text dump of what the MP3 layer saw in a file, for golden comparison and review. */
final class Mp3Dump {
    private final StringBuilder out = new StringBuilder();

    static String of(String name, byte[] bytes) throws IOException {
        return new Mp3Dump().dump(name, bytes);
    }

    private String dump(String name, byte[] bytes) throws IOException {
        ByteSource source = new ArrayByteSource(bytes);
        line("# %s: %d bytes, audio range [0, %d)", name, bytes.length, bytes.length);
        try {
            StreamScan scan = StreamScan.of(source, 0, bytes.length);
            dumpHead(scan.head());
        } catch (MediaException e) {
            line("probe: %s (%s)", e.error(), e.getMessage());
            return out.toString();
        }
        try {
            dumpIndex(Mp3FrameIndex.build(source, 0, bytes.length), bytes);
            dumpStream(Mp3Prober.probe(source, 0, bytes.length));
        } catch (MediaException e) {
            line("probe: %s (%s)", e.error(), e.getMessage());
        }
        return out.toString();
    }

    private void dumpHead(StreamHead head) {
        SyncPoint first = head.firstFrame();
        line("first frame @%d: %s; %d bytes", first.offset(), first.header(), first.frameBytes());
        if (first.lock().freeFormat()) {
            line("  free format: unpadded frames are %d bytes", first.lock().freeUnpaddedBytes());
        }
        head.vbrHeader().ifPresent(this::dumpVbrHeader);
        SyncPoint audio = head.firstAudio();
        if (audio != first) {
            line("first audio frame @%d: %s; %d bytes", audio.offset(), audio.header(), audio.frameBytes());
        }
    }

    private void dumpVbrHeader(VbrHeader header) {
        switch (header) {
            case XingHeader x -> {
                line("%s header @%d+%d: frames %s, bytes %s, quality %s", x.info() ? "Info" : "Xing", x.frameOffset(),
                        x.tagOffset(), text(x.frames()), text(x.bytes()), x.quality().isPresent() ? x.quality().getAsInt() : "-");
                line("  toc %s", x.toc().isEmpty() ? "-" : x.toc());
                x.lame().ifPresent(l -> line("  LAME tag: encoder %s, revision %d, VBR method %d, lowpass %d Hz, "
                        + "delay %d, padding %d, music length %d, tag CRC %s", l.encoder(), l.revision(), l.vbrMethod(),
                        l.lowpassHz(), l.encoderDelaySamples(), l.encoderPaddingSamples(), l.musicLengthBytes(),
                        l.tagCrcValid() ? "ok" : "MISMATCH"));
            }
            case VbriHeader v -> {
                line("VBRI header @%d+%d: version %d, delay %d, quality %d, bytes %d, frames %d", v.frameOffset(),
                        VbriHeader.TAG_OFFSET, v.version(), v.delay(), v.quality(), v.bytes(), v.frames());
                line("  toc: scale %d, %d-byte entries, %d frames each, entries %s", v.tocScale(), v.tocEntryBytes(),
                        v.framesPerEntry(), v.toc());
            }
        }
    }

    private void dumpIndex(Mp3FrameIndex index, byte[] bytes) {
        line("frame index: %d frames, timescale %d, %s; audio end %d, frame bytes %d, duration %d us",
                index.frameCount(), index.timescale(), index.runs(), index.audioEndByte(), index.frameBytesTotal(),
                index.durationUs());
        for (int gap = 0; gap < index.gapCount(); gap++) {
            line("  gap of %d bytes before frame %d", index.gapBytes(gap), index.gapFrame(gap));
        }
        for (int i = 0; i < index.frameCount(); i++) {
            long offset = index.frameOffset(i);
            FrameHeader header = FrameHeader.decode(wordAt(bytes, offset)).orElseThrow();
            line("  %4d @%6d %5d B %s %s t=%d", i, offset, index.frameSize(i),
                    header.freeFormat() ? "free" : String.format(Locale.ROOT, "%3d kbps", header.bitrateKbps()),
                    header.padded() ? "pad" : "   ", index.frameTime(i));
        }
        warnings("index warnings", index.warnings());
    }

    private void dumpStream(Mp3Stream s) {
        line("stream: %s (%s), %d Hz, %d ch, %d bps", s.codec(), s.codecDetail(), s.sampleRateHz(), s.channels(),
                s.bitrateBps());
        line("  frames %d in [%d, %d), duration %d us, gapless %d us, delay %d, padding %d, encoder %s", s.frameCount(),
                s.firstFrameOffset(), s.audioEndByte(), s.durationUs(), s.gaplessDurationUs(), s.encoderDelaySamples(),
                s.encoderPaddingSamples(), s.encoder().orElse("-"));
        SeekIndex seek = s.seekIndex();
        line("  seek index: %s, exact %s, duration %d us", seek instanceof Mp3FrameIndex ? "Mp3FrameIndex" : seek,
                seek.exact(), seek.durationUs());
        for (long t : new long[] {-1, 0, 500_000, s.durationUs() / 2, s.durationUs() - 1, s.durationUs(), Long.MAX_VALUE}) {
            SeekPoint point = seek.seek(t);
            line("    seek(%d) -> @%d, t=%d; timeAt(@%d) = %d", t, point.byteOffset(), point.timeUs(), point.byteOffset(),
                    seek.timeAt(point.byteOffset()));
        }
        warnings("stream warnings", s.warnings());
    }

    private void warnings(String title, List<String> warnings) {
        line("%s:%s", title, warnings.isEmpty() ? " none" : "");
        warnings.forEach(w -> line("  - %s", w));
    }

    private static String text(java.util.OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "-";
    }

    private static int wordAt(byte[] bytes, long offset) {
        int at = (int) offset;
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
