package org.cyprus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cyprus.testing.CyprusProcess;
import org.cyprus.testing.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cyprus probe --json}: the documented JSON shape per file, and the exit status. */
class ProbeCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void printsOneJsonObjectPerFileAndFailsWhenAnyFileFails() throws Exception {
        Path m4b = RepositoryRoot.sampleLibrary().resolve("Jane Austen/Pride and Prejudice/Pride and Prejudice.m4b");
        Path mp3 = RepositoryRoot.sampleLibrary().resolve("Lewis Carroll/Alice's Adventures in Wonderland/Part 2.mp3");
        Path readme = RepositoryRoot.path().resolve("README.md");
        try (CyprusProcess probe = CyprusProcess.start(work, "probe", "--json", m4b.toString(), mp3.toString(), readme.toString())) {
            assertThat(probe.waitFor(Duration.ofSeconds(30))).isEqualTo(1);
            List<JsonNode> lines = probe.output().lines().filter(l -> l.startsWith("{")).map(l -> {
                try {
                    return JSON.readTree(l);
                } catch (Exception e) {
                    throw new AssertionError(l, e);
                }
            }).toList();
            assertThat(lines).hasSize(3);

            JsonNode book = lines.get(0);
            assertThat(book.get("path").asText()).isEqualTo(m4b.toString());
            assertThat(book.get("format").asText()).isEqualTo("mp4");
            assertThat(book.get("codec").asText()).isEqualTo("aac");
            assertThat(book.get("sampleRateHz").asInt()).isEqualTo(22050);
            assertThat(book.get("channels").asInt()).isEqualTo(1);
            assertThat(book.get("durationSeconds").asDouble()).isCloseTo(34.745, within(0.01));
            assertThat(book.get("gaplessDurationSeconds").asDouble()).isLessThan(book.get("durationSeconds").asDouble());
            assertThat(book.get("tags").get("title").asText()).isEqualTo("Pride and Prejudice");
            assertThat(book.get("tags").get("year").asText()).isEqualTo("1813");
            assertThat(book.get("chapters")).hasSize(3);
            assertThat(book.get("chapters").get(1).get("title").asText()).isEqualTo("Chapter 2");
            assertThat(book.get("chapters").get(1).get("startSeconds").asDouble()).isCloseTo(8.867, within(0.001));
            assertThat(book.get("cover").get("mimeType").asText()).isEqualTo("image/jpeg");
            assertThat(book.get("cover").get("sizeBytes").asInt()).isPositive();
            assertThat(book.get("warnings").isArray()).isTrue();

            JsonNode part = lines.get(1);
            assertThat(part.get("format").asText()).isEqualTo("mp3");
            assertThat(part.get("tags").get("track").asInt()).isEqualTo(2);
            assertThat(part.get("tags").get("trackTotal").asInt()).isEqualTo(3);
            assertThat(part.get("tags").get("album").asText()).isEqualTo("Alice's Adventures in Wonderland");
            assertThat(part.get("cover").isNull()).isTrue();

            JsonNode text = lines.get(2);
            assertThat(text.get("error").get("code").asText()).isEqualTo("unrecognized_format");
            assertThat(text.has("format")).isFalse();
        }
        try (CyprusProcess ok = CyprusProcess.start(work, "probe", "--json", m4b.toString())) {
            assertThat(ok.waitFor(Duration.ofSeconds(30))).isZero();
        }
    }
}
