package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cyprus.testing.TestServer.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.Packets;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous streams, HLS and DASH from a real server, checked against ffprobe's own account of where every frame of
 * the source files lies, and decoded by ffmpeg over HTTP.
 */
class StreamingIT {
    private static final double PART_SECONDS = 15;

    @TempDir
    static Path work;

    static TestServer server;
    static Path library;
    static String parted;
    static String chaptered;
    static String mixed;
    static String lossless;

    @BeforeAll
    static void start() {
        library = work.resolve("books");
        for (int part = 1; part <= 3; part++) {
            AudioFixtures.mp3(library.resolve("Ann Author/Parted Book/0" + part + ".mp3"), PART_SECONDS, 44_100, 2, "64k",
                    Map.of("album", "Parted Book", "artist", "Ann Author", "track", part + "/3"));
        }
        AudioFixtures.m4b(library.resolve("Ann Author/Chaptered Book.m4b"), 40, 44_100, 2, Map.of("album", "Chaptered Book", "artist", "Ann Author"));
        AudioFixtures.mp3(library.resolve("Ann Author/Mixed Book/01.mp3"), 8, 44_100, 2, "64k", Map.of("album", "Mixed Book", "track", "1"));
        AudioFixtures.mp3(library.resolve("Ann Author/Mixed Book/02.mp3"), 8, 22_050, 1, "32k", Map.of("album", "Mixed Book", "track", "2"));
        AudioFixtures.flac(library.resolve("Ann Author/Lossless Book/01.flac"), 3, Map.of("album", "Lossless Book"));
        server = TestServer.startWithLibrary(work.resolve("data"), library);
        JsonBooks books = new JsonBooks();
        parted = books.id("Parted Book");
        chaptered = books.id("Chaptered Book");
        mixed = books.id("Mixed Book");
        lossless = books.id("Lossless Book");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The ids of the library's books by title. */
    private static final class JsonBooks {
        final com.fasterxml.jackson.databind.JsonNode items = json(server.get("/api/v1/libraries/1/books?limit=50")).get("items");

        String id(String title) {
            for (var item : items) {
                if (item.get("title").asText().equals(title)) {
                    return item.get("id").asText();
                }
            }
            throw new AssertionError("no book " + title + " in " + items);
        }
    }

    private static HttpResponse<byte[]> bytes(String path) {
        return server.sendBytes(HttpRequest.newBuilder(server.uri(path)));
    }

    private static String capability(String bookId) {
        return json(server.send(HttpRequest.newBuilder(server.uri("/api/v1/books/" + bookId + "/media-token"))
                .POST(HttpRequest.BodyPublishers.noBody()))).get("token").asText();
    }

    /** The bytes ffprobe says packets {@code from} onwards of {@code file} occupy, back to back. */
    private static byte[] packetBytes(Path file, Predicate<Packets.Packet> from) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean started = false;
        for (Packets.Packet p : Packets.of(file)) {
            started |= from.test(p);
            if (started) {
                out.write(all, (int) p.position(), p.sizeBytes());
            }
        }
        return out.toByteArray();
    }

    @Test
    void aContinuousMp3StreamStartsAtTheFrameHoldingTheTimeAndJoinsThePartsFrameByFrame() throws IOException {
        Path first = library.resolve("Ann Author/Parted Book/01.mp3");
        Path second = library.resolve("Ann Author/Parted Book/02.mp3");
        double firstPartSeconds = Packets.of(first).stream().mapToDouble(Packets.Packet::durationSeconds).sum();
        double start = firstPartSeconds + 5.0;

        HttpResponse<byte[]> response = bytes("/api/v1/books/" + parted + "/stream?start=" + start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        Packets.Packet frame = Packets.of(second).stream().filter(p -> p.contains(5.0)).findFirst().orElseThrow();
        double announced = Double.parseDouble(response.headers().firstValue("Cyprus-Start-Seconds").orElseThrow());
        assertThat(announced).isCloseTo(firstPartSeconds + frame.ptsSeconds(), within(0.002)).isLessThanOrEqualTo(start);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(packetBytes(second, p -> p.contains(5.0)));
        expected.write(packetBytes(library.resolve("Ann Author/Parted Book/03.mp3"), p -> true));
        assertThat(response.body()).as("exactly the audio frames from there on: no tags, no Info frames")
                .isEqualTo(expected.toByteArray());
    }

    @Test
    void aContinuousAacStreamIsAdtsBuiltFromTheSampleTable() throws IOException {
        HttpResponse<byte[]> response = bytes("/api/v1/books/" + chaptered + "/stream?start=12.3");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/aac");
        double announced = Double.parseDouble(response.headers().firstValue("Cyprus-Start-Seconds").orElseThrow());
        assertThat(announced).isBetween(12.3 - 1024 / 44_100.0, 12.3);
        Path adts = work.resolve("from-12.3.aac");
        Files.write(adts, response.body());
        assertThat(decodeLog(adts.toString())).isBlank();
        // Access unit k of the sample table starts at k × 1024 samples; ffprobe lists the same units in the same order
        // (its times are shifted by the edit list's priming, so units are matched by position, not by time).
        int k = (int) Math.round(announced * 44_100 / 1024.0);
        List<Packets.Packet> source = Packets.of(library.resolve("Ann Author/Chaptered Book.m4b"));
        List<Packets.Packet> streamed = Packets.of(adts);
        assertThat(streamed).hasSize(source.size() - k);
        for (int i = 0; i < streamed.size(); i++) {
            assertThat(streamed.get(i).sizeBytes()).as("access unit %d with its 7-byte ADTS header", k + i)
                    .isEqualTo(source.get(k + i).sizeBytes() + 7);
        }
    }

    @Test
    void booksThatCannotBeJoinedOrCutAreRefusedClearly() {
        HttpResponse<String> joined = server.get("/api/v1/books/" + mixed + "/stream");
        assertThat(joined.statusCode()).isEqualTo(409);
        assertThat(json(joined).at("/error/message").asText()).contains("HLS").contains("/hls/master.m3u8");

        HttpResponse<String> flac = server.get("/api/v1/books/" + lossless + "/hls/master.m3u8");
        assertThat(flac.statusCode()).isEqualTo(409);
        assertThat(json(flac).at("/error/code").asText()).isEqualTo("conflict");

        for (String bad : List.of("start=-1", "start=abc", "start=1e3", "start=" + (3 * PART_SECONDS + 1))) {
            HttpResponse<String> response = server.get("/api/v1/books/" + parted + "/stream?" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(response).at("/error/code").asText()).as(bad).isEqualTo("bad_request");
        }
        assertThat(server.get("/api/v1/books/nope/stream").statusCode()).isEqualTo(404);
    }

    /** What ffmpeg prints at level error while decoding {@code input} to nothing: empty when all is well. */
    private static String decodeLog(String input) {
        List<String> command = List.of("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-i", input, "-f", "null", "-");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(out).isZero();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void ffmpegDecodesHlsAndDashOfMp3AndM4bBooksToTheirFullLength() {
        for (String book : List.of(parted, chaptered)) {
            String t = capability(book);
            double duration = json(server.get("/api/v1/books/" + book)).get("durationSeconds").asDouble();
            for (String manifest : List.of("/hls/master.m3u8", "/dash/manifest.mpd")) {
                String url = server.uri("/api/v1/books/" + book + manifest + "?t=" + t).toString();
                assertThat(decodeLog(url)).as(book + manifest).isBlank();
                // ffmpeg's DASH reader keeps only whole seconds of mediaPresentationDuration, so ask for the packets' span.
                List<Packets.Packet> packets = Packets.of(url);
                double span = packets.getLast().ptsSeconds() + packets.getLast().durationSeconds() - packets.getFirst().ptsSeconds();
                assertThat(span).as(book + manifest).isCloseTo(duration, within(0.1));
                if (manifest.endsWith(".m3u8")) {
                    assertThat(Packets.duration(url)).as(book + manifest).isCloseTo(duration, within(0.1));
                }
            }
        }
    }

    /** The URIs of a playlist (its non-comment lines), resolved against it. */
    private static List<URI> uris(URI playlist, String body) {
        return body.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(playlist::resolve).toList();
    }

    @Test
    void everySegmentStartsWhereThePlaylistSaysAndItsUrlIsForever() throws IOException {
        for (String book : List.of(parted, chaptered)) {
            URI master = server.uri("/api/v1/books/" + book + "/hls/master.m3u8");
            HttpResponse<String> masterResponse = server.send(HttpRequest.newBuilder(master));
            assertThat(masterResponse.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/vnd.apple.mpegurl"));
            assertThat(masterResponse.body()).contains("#EXT-X-STREAM-INF:BANDWIDTH=").contains(book.equals(parted) ? "mp4a.40.34" : "mp4a.40.2");
            URI media = uris(master, masterResponse.body()).getFirst();
            String playlist = server.send(HttpRequest.newBuilder(media)).body();
            assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-PLAYLIST-TYPE:VOD").endsWith("#EXT-X-ENDLIST\n");
            int target = Integer.parseInt(playlist.lines().filter(l -> l.startsWith("#EXT-X-TARGETDURATION:")).findFirst().orElseThrow().substring(22));
            byte[] init = playlist.contains("#EXT-X-MAP") ? bytes(media.resolve(mapUri(playlist)).getPath() + query(mapUri(playlist))).body() : new byte[0];
            double expectedStart = 0;
            List<String> lines = playlist.lines().toList();
            int segments = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("#EXTINF:")) {
                    continue;
                }
                double extinf = Double.parseDouble(lines.get(i).substring(8, lines.get(i).indexOf(',')));
                assertThat(Math.round(extinf)).as("EXTINF within the target duration (RFC 8216 §4.3.3.1)").isLessThanOrEqualTo(target);
                assertThat(extinf).isBetween(1.0, 10.0);
                URI segment = media.resolve(lines.get(i + 1));
                HttpResponse<byte[]> response = bytes(segment.getPath());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=31536000, immutable");
                Path file = work.resolve("segment-" + book + "-" + segments + (init.length > 0 ? ".mp4" : ".ts"));
                try (var out = Files.newOutputStream(file)) {
                    out.write(init);
                    out.write(response.body());
                }
                List<Packets.Packet> packets = Packets.of(file);
                // EXTINF values are rounded to the millisecond, so their running sum may drift by half a millisecond each.
                assertThat(packets.getFirst().ptsSeconds()).as("segment %d of %s", segments, book)
                        .isCloseTo(expectedStart, within(0.001 + 0.0005 * segments));
                double covered = packets.getLast().ptsSeconds() + packets.getLast().durationSeconds() - packets.getFirst().ptsSeconds();
                // ffprobe gives the very last AAC frame a full frame's duration even where the sample table cuts it short.
                boolean last = i + 2 >= lines.size() || !lines.get(i + 2).startsWith("#EXTINF");
                assertThat(covered).as("segment %d of %s lasts its EXTINF", segments, book).isCloseTo(extinf, within(last ? 0.024 : 0.002));
                expectedStart += extinf;
                segments++;
            }
            double duration = json(server.get("/api/v1/books/" + book)).get("durationSeconds").asDouble();
            assertThat(expectedStart).isCloseTo(duration, within(0.05));
            assertThat(segments).isGreaterThanOrEqualTo(5);
        }
    }

    private static String mapUri(String playlist) {
        String line = playlist.lines().filter(l -> l.startsWith("#EXT-X-MAP:URI=\"")).findFirst().orElseThrow();
        return line.substring(16, line.indexOf('"', 16));
    }

    private static String query(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? "" : uri.substring(q);
    }

    @Test
    void aFormatChangeBetweenPartsIsADiscontinuity() {
        URI master = server.uri("/api/v1/books/" + mixed + "/hls/master.m3u8");
        URI media = uris(master, server.send(HttpRequest.newBuilder(master)).body()).getFirst();
        String playlist = server.send(HttpRequest.newBuilder(media)).body();
        assertThat(playlist.lines().filter(l -> l.equals("#EXT-X-DISCONTINUITY")).count()).isEqualTo(1);
        // Demuxed (ffmpeg's decoder cannot change sample rate mid-stream on its own): one timeline, no gap, no overlap.
        String url = server.uri("/api/v1/books/" + mixed + "/hls/master.m3u8?t=" + capability(mixed)).toString();
        List<Packets.Packet> packets = Packets.of(url);
        for (int i = 1; i < packets.size(); i++) {
            Packets.Packet before = packets.get(i - 1);
            assertThat(packets.get(i).ptsSeconds()).as("packet %d", i).isCloseTo(before.ptsSeconds() + before.durationSeconds(), within(0.0001));
        }
        double duration = json(server.get("/api/v1/books/" + mixed)).get("durationSeconds").asDouble();
        assertThat(packets.getLast().ptsSeconds() + packets.getLast().durationSeconds()).isCloseTo(duration, within(0.01));
        String mpd = server.get("/api/v1/books/" + mixed + "/dash/manifest.mpd").body();
        assertThat(mpd.split("<Period ", -1)).hasSize(3);
        assertThat(mpd).contains("codecs=\"mp4a.6B\"").contains("codecs=\"mp4a.69\"");
    }

    @Test
    void capabilitiesTravelIntoEveryUriAndStaleVersionsAreGone() {
        String t = capability(chaptered);
        URI master = server.uri("/api/v1/books/" + chaptered + "/hls/master.m3u8?t=" + t);
        String masterBody = server.anonymous(HttpRequest.newBuilder(master)).body();
        List<URI> children = uris(master, masterBody);
        assertThat(children).allSatisfy(u -> assertThat(u.getQuery()).isEqualTo("t=" + t));
        String media = server.anonymous(HttpRequest.newBuilder(children.getFirst())).body();
        assertThat(uris(children.getFirst(), media)).isNotEmpty().allSatisfy(u -> assertThat(u.getQuery()).isEqualTo("t=" + t));
        assertThat(mapUri(media)).endsWith("?t=" + t);
        assertThat(server.anonymous(HttpRequest.newBuilder(uris(children.getFirst(), media).getFirst())).statusCode()).isEqualTo(200);

        String bearerMaster = server.get("/api/v1/books/" + chaptered + "/hls/master.m3u8").body();
        assertThat(bearerMaster).doesNotContain("?t=");
        String mpd = server.anonymous(HttpRequest.newBuilder(server.uri("/api/v1/books/" + chaptered + "/dash/manifest.mpd?t=" + t))).body();
        assertThat(mpd).contains("seg-$Number$.m4s?t=" + t);

        String other = children.getFirst().getPath().replaceFirst("/media/[^/]+/", "/media/0000000000000000/");
        HttpResponse<String> stale = server.get(other);
        assertThat(stale.statusCode()).isEqualTo(410);
        assertThat(json(stale).at("/error/message").asText()).contains("again");
        String base = children.getFirst().getPath().replace("hls.m3u8", "");
        for (String missing : List.of("seg-99999.m4s", "init-7.mp4", "seg-x.ts", "seg-1.mp3", "hls.m3u9")) {
            assertThat(server.get(base + missing).statusCode()).as(missing).isIn(400, 404);
        }
    }

    @Test
    void segmentsOfAnMp3BookComeInBothPackings() throws IOException {
        URI master = server.uri("/api/v1/books/" + parted + "/hls/master.m3u8");
        URI media = uris(master, server.send(HttpRequest.newBuilder(master)).body()).getFirst();
        String base = media.getPath().replace("hls.m3u8", "");
        HttpResponse<byte[]> ts = bytes(base + "seg-2.ts");
        HttpResponse<byte[]> fmp4 = bytes(base + "seg-2.m4s");
        assertThat(ts.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(ts.body()[0]).as("MPEG-TS sync byte").isEqualTo((byte) 0x47);
        assertThat(ts.body().length % 188).isZero();
        assertThat(fmp4.headers().firstValue("Content-Type")).hasValue("video/iso.segment");
        Path joined = work.resolve("mp3-in-mp4.mp4");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes(base + "init-0.mp4").body());
        out.write(fmp4.body());
        Files.write(joined, out.toByteArray());
        Path tsFile = Files.write(work.resolve("mp3.ts"), ts.body());
        List<Packets.Packet> fromMp4 = Packets.of(joined);
        List<Packets.Packet> fromTs = Packets.of(tsFile);
        assertThat(fromMp4).hasSameSizeAs(fromTs);
        assertThat(fromMp4.getFirst().ptsSeconds()).isCloseTo(fromTs.getFirst().ptsSeconds(), within(0.001));
        assertThat(new ArrayList<>(fromMp4.stream().map(Packets.Packet::sizeBytes).toList()))
                .isEqualTo(fromTs.stream().map(Packets.Packet::sizeBytes).toList());
    }
}
