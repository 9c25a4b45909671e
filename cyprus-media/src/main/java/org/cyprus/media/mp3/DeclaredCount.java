package org.cyprus.media.mp3;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decides whether the frame count a Xing/Info or VBRI header declares can stand in for counting the frames, which
 * keeps probing a 500 MB book to a few reads. The count is trusted only when it is consistent with the data:
 * with a declared byte count, the range must hold at least those bytes and at most 1% more (fewer means the file
 * was cut short), and the declared bytes per frame must be a frame length this stream can have; without one, the
 * frames at the first frame's bitrate must fill the audio range to within 1% (a constant-bitrate Info header).
 */
final class DeclaredCount {
    private DeclaredCount() {
    }

    static OptionalInt trusted(VbrHeader header, SyncPoint firstAudio, long end) {
        OptionalLong declaredFrames = header.declaredFrames();
        if (declaredFrames.isEmpty() || declaredFrames.getAsLong() < 1
                || declaredFrames.getAsLong() > FrameIndexBuilder.MAX_FRAMES) {
            return OptionalInt.empty();
        }
        int frames = (int) declaredFrames.getAsLong();
        FrameHeader audio = firstAudio.header();
        OptionalLong declaredBytes = header.declaredBytes();
        if (declaredBytes.isPresent()) {
            long declared = declaredBytes.getAsLong();
            long available = end - header.frameOffset();
            long audioBytes = declared - (firstAudio.offset() - header.frameOffset());
            if (declared > available || available - declared > declared / 100 || audioBytes < frames) {
                return OptionalInt.empty();
            }
            return plausibleFrameLength(audio, firstAudio.frameBytes(), audioBytes, frames)
                    ? OptionalInt.of(frames) : OptionalInt.empty();
        }
        double nominalFrameBytes = audio.freeFormat() ? firstAudio.frameBytes()
                : audio.samplesPerFrame() / 8.0 * audio.bitrateKbps() * 1000 / audio.sampleRateHz();
        double actual = end - firstAudio.offset();
        return Math.abs(frames * nominalFrameBytes - actual) <= actual / 100 ? OptionalInt.of(frames) : OptionalInt.empty();
    }

    /** True when {@code audioBytes / frames} lies between the shortest and the longest frame the stream allows. */
    private static boolean plausibleFrameLength(FrameHeader audio, int firstFrameBytes, long audioBytes, int frames) {
        double average = (double) audioBytes / frames;
        if (audio.freeFormat()) {
            return Math.abs(average - firstFrameBytes) <= audio.layer().slotBytes();
        }
        int base = audio.word() & ~0xF200;
        int shortest = new FrameHeader(base | 0x1000).frameBytes().orElseThrow();
        int longest = new FrameHeader(base | 0xE200).frameBytes().orElseThrow();
        return average >= shortest && average <= longest;
    }
}
