package org.cyprus.media.id3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.cyprus.media.id3.TagBytes.LATIN1;
import static org.cyprus.media.id3.TagBytes.audio;
import static org.cyprus.media.id3.TagBytes.bytes;
import static org.cyprus.media.id3.TagBytes.concat;
import static org.cyprus.media.id3.TagBytes.frame;
import static org.cyprus.media.id3.TagBytes.latin1;
import static org.cyprus.media.id3.TagBytes.syncsafe;
import static org.cyprus.media.id3.TagBytes.tag;
import static org.cyprus.media.id3.TagBytes.textBody;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cyprus.media.TagKey;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.testing.FaultyByteSource;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile bytes: truncation, corruption, impossible sizes and counts. Only results or IOException may come out. */
class HostileInputTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    static Stream<String> samples() {
        return Stream.of("kitchen-sink", "ffmpeg-v23-many-fields.mp3", "ffmpeg-v24-chapters.mp3",
                "lame-v23-and-id3v11.mp3");
    }

    private static byte[] sample(String name) {
        return name.equals("kitchen-sink") ? KitchenSink.file() : Fixtures.bytes("id3/" + name);
    }

    /** Reads (quietly and with a dump) and checks the result's invariants; nothing but IOException may escape. */
    private static Id3Result readChecked(byte[] file) throws IOException {
        Id3Result result = Id3Reader.read(new ArrayByteSource(file));
        Reads.assertSane(result, file.length);
        assertThat(Id3Reader.skipLeadingTags(new ArrayByteSource(file))).isEqualTo(result.audioStart());
        return result;
    }

    @Test
    void kitchenSinkReadsWhole() throws IOException {
        byte[] file = KitchenSink.file();
        Id3Result result = readChecked(file);
        assertThat(result.tags().first(TagKey.TITLE)).contains("Sink ÿ title");
        assertThat(result.tags().all(TagKey.ARTIST)).containsExactly("Author One", "Author Two");
        assertThat(result.tags().first(TagKey.ALBUM)).contains("Compressed album");
        assertThat(result.tags().all(TagKey.GENRE)).containsExactly("Speech", "Audiobook", "Books");
        assertThat(result.tags().first(TagKey.SERIES)).contains("APE series");
        assertThat(result.tags().first(TagKey.ALBUM_ARTIST)).contains("Album artist");
        assertThat(result.chapters()).hasSize(2);
        assertThat(result.cover().orElseThrow().mimeType()).isEqualTo("image/png");
        assertThat(result.warnings()).singleElement().asString().contains("\"gone\"");
        assertThat(file.length).isLessThan(4096);
        GoldenFiles.assertMatches("id3/crafted-kitchen-sink.txt", Reads.dump(file));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void truncationAtEveryOffset(String name) {
        byte[] whole = sample(name);
        assertTimeoutPreemptively(GENEROUS, () -> {
            for (int length = 0; length <= whole.length; length++) {
                byte[] cut = Arrays.copyOf(whole, length);
                int at = length;
                assertThatCode(() -> readChecked(cut)).as("cut at %d", at).doesNotThrowAnyException();
            }
        });
    }

    /** Rounds per sample; raise with {@code -Did3.fuzz.rounds=200000} (and vary {@code -Did3.fuzz.seed}) locally. */
    private static final int FUZZ_ROUNDS = Integer.getInteger("id3.fuzz.rounds", 3000);
    private static final long FUZZ_SEED = Long.getLong("id3.fuzz.seed", 0);

    @ParameterizedTest
    @MethodSource("samples")
    void randomByteFlips(String name) {
        byte[] whole = sample(name);
        Random random = new Random(name.hashCode() ^ FUZZ_SEED);
        assertTimeoutPreemptively(GENEROUS.multipliedBy(Math.max(1, FUZZ_ROUNDS / 3000)), () -> {
            for (int round = 0; round < FUZZ_ROUNDS; round++) {
                byte[] mutated = mutate(whole, random);
                int r = round;
                assertThatCode(() -> {
                    readChecked(mutated);
                    Reads.dump(mutated);
                }).as("round %d", r).doesNotThrowAnyException();
            }
        });
    }

    /** Bit flips and random bytes mostly; sometimes a 32-bit field set to an extreme, or bytes cut out. */
    private static byte[] mutate(byte[] whole, Random random) {
        byte[] mutated = whole.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(mutated.length);
            mutated[at] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : mutated[at] ^ (1 << random.nextInt(8)));
        }
        if (random.nextInt(8) == 0 && mutated.length > 4) {
            int at = random.nextInt(mutated.length - 4);
            byte[] extreme = List.of(bytes(0x7F, 0x7F, 0x7F, 0x7F), bytes(0xFF, 0xFF, 0xFF, 0xFF), bytes(0, 0, 0, 0),
                    bytes(0x80, 0, 0, 0)).get(random.nextInt(4));
            System.arraycopy(extreme, 0, mutated, at, 4);
        }
        if (random.nextInt(8) == 0) {
            int from = random.nextInt(mutated.length);
            int to = Math.min(mutated.length, from + 1 + random.nextInt(16));
            mutated = concat(Arrays.copyOfRange(mutated, 0, from), Arrays.copyOfRange(mutated, to, mutated.length));
        }
        return mutated;
    }

    @Test
    void shortReadsGiveTheSameResult() throws IOException {
        byte[] file = KitchenSink.file();
        Id3Result expected = Id3Reader.read(new ArrayByteSource(file));
        Id3Result result = Id3Reader.read(new FaultyByteSource(file, 3, -1));
        assertThat(result.tags()).isEqualTo(expected.tags());
        assertThat(result.chapters()).isEqualTo(expected.chapters());
        assertThat(result.audioStart()).isEqualTo(expected.audioStart());
        assertThat(result.audioEnd()).isEqualTo(expected.audioEnd());
        assertThat(result.warnings()).isEqualTo(expected.warnings());
    }

    @Test
    void ioErrorsAnywhereSurfaceAsIoExceptionOnly() {
        byte[] file = KitchenSink.file();
        for (int failAt = 0; failAt < file.length; failAt += 5) {
            FaultyByteSource source = new FaultyByteSource(file, 64, failAt);
            try {
                Reads.assertSane(Id3Reader.read(source), file.length);
            } catch (IOException expected) {
                assertThat(expected).hasMessageContaining("simulated");
            }
        }
    }

    @Test
    void tagSizePastEndOfFileEndsAtEndOfFile() throws IOException {
        byte[] frames = frame(4, "TIT2", textBody(LATIN1, "Recovered"));
        byte[] file = concat(latin1("ID3"), bytes(4, 0, 0), syncsafe(0x0FFFFFFF), frames, audio(50));
        Id3Result result = readChecked(file);
        assertThat(result.audioStart()).isEqualTo(file.length);
        assertThat(result.audioEnd()).isEqualTo(file.length);
        assertThat(result.tags().first(TagKey.TITLE)).contains("Recovered");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("declares"));
    }

    @Test
    void frameSizePastTagEndKeepsWhatIsThere() throws IOException {
        byte[] truncatedFrame = concat(latin1("TIT2"), syncsafe(1000), bytes(0, 0), textBody(LATIN1, "Partial"));
        byte[] file = concat(tag(4, 0, frame(4, "TALB", textBody(LATIN1, "Album")), truncatedFrame), audio(2000));
        Id3Result result = readChecked(file);
        assertThat(result.tags().first(TagKey.ALBUM)).contains("Album");
        assertThat(result.tags().first(TagKey.TITLE)).contains("Partial");
        assertThat(result.warnings()).singleElement().asString().contains("declares 1000 bytes");
        assertThat(result.audioEnd()).isEqualTo(file.length);
    }

    @Test
    void emptyFile() throws IOException {
        Id3Result result = readChecked(new byte[0]);
        assertThat(result.audioStart()).isZero();
        assertThat(result.audioEnd()).isZero();
        assertThat(result.tags().isEmpty()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void zeroBytesAndTextHaveNoTags() throws IOException {
        for (byte[] file : List.of(new byte[4096], "Just some text.\nNot audio at all.\n".repeat(20)
                .getBytes(StandardCharsets.UTF_8), latin1("ID3"), latin1("TAG"), latin1("APETAGEX"))) {
            Id3Result result = readChecked(file);
            assertThat(result.audioStart()).isZero();
            assertThat(result.audioEnd()).isEqualTo(file.length);
            assertThat(result.tags().isEmpty()).isTrue();
            assertThat(result.cover()).isEmpty();
        }
    }

    @Test
    void tagConsistingOfZeroesOnly() throws IOException {
        byte[] file = concat(tag(3, 0, new byte[500]), audio(10));
        Id3Result result = readChecked(file);
        assertThat(result.audioStart()).isEqualTo(510);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void hugeSizesAndCountsInTinyFiles() throws IOException {
        List<byte[]> files = List.of(
                concat(tag(3, 0, concat(latin1("APIC"), TagBytes.be32(0xFFFFFFF0L), bytes(0, 0), bytes(0)))),
                concat(tag(3, 0x40, TagBytes.be32(0x7FFFFFFF), new byte[20])),
                concat(tag(4, 0x40, syncsafe(0x0FFFFFFF), new byte[20])),
                concat(tag(4, 0, frame(4, "CTOC", concat(latin1("t"), bytes(0, 3, 255), latin1("a"))))),
                concat(audio(100), TagBytes.apeBlock(0xFFFFFFFFL, 0xFFFFFFFFL, 0xFFFFFFFFL)),
                concat(audio(100), latin1("999999LYRICS200")),
                concat(audio(10), latin1("3DI"), bytes(4, 0, 0x10), syncsafe(0x0FFFFFFF)),
                concat(tag(4, 0, frame(4, "TIT2", 0x0009, concat(syncsafe(0x0FFFFFFF), bytes(0x78, 0x9C))))));
        for (byte[] file : files) {
            assertThatCode(() -> readChecked(file)).doesNotThrowAnyException();
        }
    }

    @Test
    void manyLeadingTagsAreCapped() throws IOException {
        byte[] empty = tag(4, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            out.writeBytes(empty);
        }
        Id3Result result = readChecked(concat(out.toByteArray(), audio(10)));
        assertThat(result.audioStart()).isEqualTo(TagScan.MAX_LEADING_TAGS * 10L);
        assertThat(result.warnings()).singleElement().asString().contains("more than 64");
    }

    @Test
    void floodOfTinyFramesStaysFastAndBounded() {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        byte[] artist = frame(4, "TPE1", textBody(LATIN1, "a", "b", "c", "d"));
        byte[] empty = frame(4, "TIT2", new byte[0]);
        for (int i = 0; i < 100_000; i++) {
            frames.writeBytes(i % 2 == 0 ? artist : empty);
        }
        byte[] file = concat(tag(4, 0, frames.toByteArray()), audio(10));
        Id3Result result = assertTimeoutPreemptively(GENEROUS, () -> readChecked(file));
        assertThat(result.tags().all(TagKey.ARTIST)).containsExactly("a", "b", "c", "d");
        assertThat(result.warnings()).hasSize(Diagnostics.MAX_WARNINGS + 1).last().asString().contains("omitted");
    }

    @Test
    void deeplyNestedTablesOfContentsAreCut() throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            frames.writeBytes(frame(4, "CTOC", TagBytes.ctocBody("t" + i, i == 0, true, List.of("t" + (i + 1), "c"))));
        }
        frames.writeBytes(frame(4, "CHAP", TagBytes.chapBody("c", 0, 1000)));
        Id3Result result = readChecked(concat(tag(4, 0, frames.toByteArray()), audio(10)));
        assertThat(result.chapters()).hasSize(1);
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("nest deeper"));
    }
}
