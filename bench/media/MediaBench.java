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
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.probe.ProbeResult;

/**
 * Media engine benchmarks, run by bench/media.sh with the cyprus-media jar on the class path.
 *
 *   probe DIR ROUNDS    probe every file under DIR, ROUNDS times after a warm-up round: files/s and MB/s
 *   index FILE ROUNDS   build the exact frame index of FILE (an MP3): GB/s of file scanned, on one core
 *   seek FILE LOOKUPS   time→byte lookups at random times in FILE's exact index: ns per lookup
 */
public final class MediaBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "probe" -> probe(Path.of(args[1]), Integer.parseInt(args[2]));
            case "index" -> index(Path.of(args[1]), Integer.parseInt(args[2]));
            case "seek" -> seek(Path.of(args[1]), Integer.parseInt(args[2]));
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
}
