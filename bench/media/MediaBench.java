import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cyprus.media.FrameTable;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.mp3.Mp3FrameIndex;
import org.cyprus.media.mux.AudioStream;
import org.cyprus.media.mux.AudioStreamFile;
import org.cyprus.media.mux.Fmp4Writer;
import org.cyprus.media.mux.FrameRun;
import org.cyprus.media.mux.MpegTsWriter;
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.probe.ProbeResult;

/**
 * Media engine benchmarks, run by bench/media.sh with the cyprus-media jar on the class path.
 *
 *   probe DIR ROUNDS    probe every file under DIR, ROUNDS times after a warm-up round: files/s and MB/s
 *   index FILE ROUNDS   build the exact frame index of FILE (an MP3): GB/s of file scanned, on one core
 *   seek FILE LOOKUPS   time→byte lookups at random times in FILE's exact index: ns per lookup
 *   segments FILE N     the audio stream of FILE (frame table, packed), its cache entry written and read back, then N
 *                       10-second segments at random times, warm: read the run, write it as fMP4 and as MPEG-TS
 */
public final class MediaBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "probe" -> probe(Path.of(args[1]), Integer.parseInt(args[2]));
            case "index" -> index(Path.of(args[1]), Integer.parseInt(args[2]));
            case "seek" -> seek(Path.of(args[1]), Integer.parseInt(args[2]));
            case "segments" -> segments(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void probe(Path dir, int rounds) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        int failures = probeAll(files); // warm-up
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            failures += probeAll(files);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double filesPerSecond = files.size() * rounds / seconds;
        System.out.printf("probe: %d files, %.1f MB, %d rounds: %.0f files/s, %.0f MB/s (%d failures)%n", files.size(),
                bytes / 1e6, rounds, filesPerSecond, bytes * rounds / 1e6 / seconds, failures);
    }

    private static int probeAll(List<Path> files) {
        int failures = 0;
        for (Path f : files) {
            if (MediaProbe.probe(f) instanceof ProbeResult.Failed) {
                failures++;
            }
        }
        return failures;
    }

    private static void index(Path file, int rounds) throws Exception {
        long size = Files.size(file);
        double best = Double.MAX_VALUE;
        int frames = 0;
        for (int r = 0; r < rounds + 2; r++) {
            try (FileByteSource source = FileByteSource.open(file)) {
                long start = System.nanoTime();
                Mp3FrameIndex index = Mp3FrameIndex.build(source, 0, size);
                double seconds = (System.nanoTime() - start) / 1e9;
                frames = index.frameCount();
                if (r >= 2) {
                    best = Math.min(best, seconds);
                }
            }
        }
        System.out.printf("index: %.0f MB, %d frames (%.1f h): best of %d %.3f s = %.2f GB/s%n", size / 1e6, frames,
                frames * 1152L / 44100.0 / 3600, rounds, best, size / 1e9 / best);
    }

    private static void seek(Path file, int lookups) throws Exception {
        FrameTable table;
        try (FileByteSource source = FileByteSource.open(file)) {
            table = MediaProbe.frameTable(source);
        }
        long durationUs = table.durationUs();
        Random random = new Random(1);
        long[] times = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            times[i] = (long) (random.nextDouble() * durationUs);
        }
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (long t : times) {
                sink += table.seek(t).byteOffset();
            }
        }
        int batches = 100;
        int perBatch = lookups / batches;
        double[] nsPerLookup = new double[batches];
        for (int b = 0; b < batches; b++) {
            long start = System.nanoTime();
            for (int i = b * perBatch; i < (b + 1) * perBatch; i++) {
                sink += table.seek(times[i]).byteOffset();
            }
            nsPerLookup[b] = (System.nanoTime() - start) / (double) perBatch;
        }
        Arrays.sort(nsPerLookup);
        System.out.printf("seek: %d frames, %d lookups: median %.0f ns, p99 batch %.0f ns per lookup (checksum %d)%n",
                table.frameCount(), lookups, nsPerLookup[batches / 2], nsPerLookup[batches * 99 / 100], sink % 1000);
    }

    private static void segments(Path file, int count) throws Exception {
        try (FileByteSource source = FileByteSource.open(file)) {
            long start = System.nanoTime();
            AudioStream stream = MediaProbe.audioStream(source);
            double tableSeconds = (System.nanoTime() - start) / 1e9;
            ByteArrayOutputStream cache = new ByteArrayOutputStream();
            AudioStreamFile.write(stream, new DataOutputStream(cache));
            byte[] entry = cache.toByteArray();
            double bestReadMs = Double.MAX_VALUE;
            for (int r = 0; r < 10; r++) {
                long t = System.nanoTime();
                AudioStreamFile.read(new DataInputStream(new ByteArrayInputStream(entry)));
                bestReadMs = Math.min(bestReadMs, (System.nanoTime() - t) / 1e6);
            }
            FrameTable frames = stream.frames();
            long segment = 10 * frames.timescale();
            Random random = new Random(2);
            int[] from = new int[count];
            int[] to = new int[count];
            for (int i = 0; i < count; i++) {
                long at = (long) (random.nextDouble() * Math.max(1, stream.endTime() - segment));
                from[i] = frames.frameAt(at);
                to[i] = Math.min(frames.frameCount(), Math.max(from[i] + 1, frames.frameAt(at + segment)));
            }
            long sink = 0;
            for (int warm = 0; warm < 3; warm++) {
                for (int i = 0; i < count; i++) {
                    FrameRun run = FrameRun.read(source, stream, from[i], to[i], frames.frameTime(from[i]));
                    sink += Fmp4Writer.mediaSegment(run, i).length + MpegTsWriter.segment(run, i).length;
                }
            }
            long readNs = 0;
            long fmp4Ns = 0;
            long tsNs = 0;
            long fmp4Bytes = 0;
            long tsBytes = 0;
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                FrameRun run = FrameRun.read(source, stream, from[i], to[i], frames.frameTime(from[i]));
                long t1 = System.nanoTime();
                byte[] fmp4 = Fmp4Writer.mediaSegment(run, i);
                long t2 = System.nanoTime();
                byte[] ts = MpegTsWriter.segment(run, i);
                long t3 = System.nanoTime();
                readNs += t1 - t0;
                fmp4Ns += t2 - t1;
                tsNs += t3 - t2;
                fmp4Bytes += fmp4.length;
                tsBytes += ts.length;
            }
            System.out.printf("segments: %s, %s, %d frames (%.1f h): audio stream in %.2f s, cache entry %.1f MB read "
                    + "back in %.1f ms (best of 10)%n", file.getFileName(), stream.format(), frames.frameCount(),
                    stream.endTime() / (double) frames.timescale() / 3600, tableSeconds, entry.length / 1e6, bestReadMs);
            System.out.printf("segments: %d x 10 s, warm: read run %.0f us, + fMP4 %.0f us (%.0f KB), + MPEG-TS %.0f us "
                    + "(%.0f KB) on average (checksum %d)%n", count, readNs / 1e3 / count, fmp4Ns / 1e3 / count,
                    fmp4Bytes / 1e3 / count, tsNs / 1e3 / count, tsBytes / 1e3 / count, sink % 1000);
        }
    }
}
