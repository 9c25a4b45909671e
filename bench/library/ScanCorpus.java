import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates a library of BOOKS books of FILES MP3 parts each, with realistic file sizes at little disk cost: each part
 * is an ID3v2.3 tag, a LAME Info frame rewritten to declare the part's full length, 64 KiB of real frames, a sparse
 * hole, and 64 KiB of real frames at the end. Every file differs (its tag, and the seed-chosen window of real audio).
 *
 * Usage: java ScanCorpus.java TEMPLATE.mp3 COVERS_DIR OUT_DIR BOOKS FILES
 * TEMPLATE is a CBR MP3 with a LAME Info header (lame -b 64 -m m, 44.1 kHz), at least a minute long.
 */
public final class ScanCorpus {
    private static final int WINDOW = 64 * 1024;

    public static void main(String[] args) throws IOException {
        byte[] template = Files.readAllBytes(Path.of(args[0]));
        Path covers = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int books = Integer.parseInt(args[3]);
        int files = Integer.parseInt(args[4]);
        int infoSize = frameLength(template, 0);
        int infoAt = indexOf(template, "Info".getBytes(StandardCharsets.ISO_8859_1));
        if (infoAt < 0 || infoAt > infoSize) {
            throw new IllegalArgumentException("the template has no LAME Info header");
        }
        double averageFrame = (template.length - infoSize) / (double) countFrames(template, infoSize);
        Random random = new Random(2026);
        String[] given = {"Ada", "Ben", "Cora", "Dev", "Elin", "Finn", "Gia", "Hal", "Ines", "Jon"};
        String[] family = {"Abbott", "Brandt", "Castillo", "Dumas", "Fischer", "Haddad", "Moreau", "Nakamura", "Okafor", "Petrov"};
        for (int b = 0; b < books; b++) {
            String author = given[b % given.length] + " " + family[(b / given.length) % family.length];
            String title = "Book " + (b + 1) + " of the Bench";
            Path folder = b % 3 == 0
                    ? out.resolve(author).resolve("Saga " + (b % 7)).resolve((b % 12 + 1) + " - " + title)
                    : out.resolve(author).resolve(title);
            Files.createDirectories(folder);
            Files.copy(covers.resolve("cover" + (b % 10) + ".jpg"), folder.resolve("cover.jpg"));
            for (int f = 1; f <= files; f++) {
                long audioBytes = 20_000_000L + random.nextInt(30_000_000);
                byte[] tag = id3(title + ", part " + f, author, title, f + "/" + files);
                byte[] info = template.clone();
                long frames = Math.round(audioBytes / averageFrame);
                writeInt(info, infoAt + 8, (int) frames);
                writeInt(info, infoAt + 12, (int) (audioBytes + infoSize));
                int headStart = infoSize + random.nextInt(Math.max(1, template.length - infoSize - 2 * WINDOW - 4096));
                headStart = alignToFrame(template, headStart);
                try (RandomAccessFile file = new RandomAccessFile(folder.resolve(String.format("Part %02d.mp3", f)).toFile(), "rw")) {
                    file.write(tag);
                    file.write(info, 0, infoSize);
                    file.write(template, headStart, WINDOW);
                    long total = tag.length + infoSize + audioBytes;
                    file.seek(total - WINDOW);
                    int tailStart = alignToFrame(template, template.length - WINDOW - 2048);
                    file.write(template, tailStart, template.length - tailStart > WINDOW ? WINDOW : template.length - tailStart);
                    file.setLength(total);
                }
            }
        }
    }

    private static int alignToFrame(byte[] mp3, int from) {
        for (int i = from; i < mp3.length - 4; i++) {
            if ((mp3[i] & 0xFF) == 0xFF && (mp3[i + 1] & 0xE0) == 0xE0 && frameLength(mp3, i) > 0
                    && i + frameLength(mp3, i) < mp3.length - 1 && (mp3[i + frameLength(mp3, i)] & 0xFF) == 0xFF) {
                return i;
            }
        }
        throw new IllegalStateException("no frame after " + from);
    }

    private static int countFrames(byte[] mp3, int from) {
        int n = 0;
        for (int at = from; at + 4 <= mp3.length; n++) {
            int len = frameLength(mp3, at);
            if (len <= 0) {
                break;
            }
            at += len;
        }
        return n;
    }

    /** MPEG-1 Layer III frame length (the template is MPEG-1 Layer III). */
    private static int frameLength(byte[] mp3, int at) {
        int[] bitrates = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
        int[] rates = {44100, 48000, 32000};
        int b = (mp3[at + 2] & 0xF0) >> 4;
        int r = (mp3[at + 2] & 0x0C) >> 2;
        if (b == 0 || b == 15 || r == 3) {
            return -1;
        }
        return 144 * bitrates[b] * 1000 / rates[r] + ((mp3[at + 2] >> 1) & 1);
    }

    private static byte[] id3(String title, String artist, String album, String track) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (String[] f : new String[][] {{"TIT2", title}, {"TPE1", artist}, {"TALB", album}, {"TRCK", track}}) {
            byte[] text = f[1].getBytes(StandardCharsets.ISO_8859_1);
            frames.write(f[0].getBytes(StandardCharsets.ISO_8859_1));
            frames.write(new byte[] {0, 0, (byte) ((text.length + 1) >> 8), (byte) (text.length + 1), 0, 0, 0});
            frames.write(text);
        }
        frames.write(new byte[512]);
        int size = frames.size();
        ByteArrayOutputStream tag = new ByteArrayOutputStream();
        tag.write(new byte[] {'I', 'D', '3', 3, 0, 0, (byte) ((size >> 21) & 0x7F), (byte) ((size >> 14) & 0x7F),
                (byte) ((size >> 7) & 0x7F), (byte) (size & 0x7F)});
        tag.write(frames.toByteArray());
        return tag.toByteArray();
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= Math.min(haystack.length, 4096); i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
