package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.Chromium;
import org.cyprus.testing.Packets;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real players in headless Chromium against a real server: the {@code <audio>} element on direct files, Chromium's
 * own HLS, hls.js and dash.js. Each must start playing, seek, and go on playing after the seek — across the boundary
 * between two files of a multi-file book where there is one.
 */
class BrowserPlaybackIT {
    private static final String PAGE = """
            <!doctype html><html><body><audio id="a"></audio>
            <script src="/__test/hls.js/dist/hls.min.js"></script>
            <script src="/__test/dashjs/dist/modern/umd/dash.all.min.js"></script>
            <script>
            window.errors = [];
            const a = document.getElementById('a');
            a.muted = true;
            a.addEventListener('error', () => errors.push('media error ' + (a.error ? a.error.code + ' ' + a.error.message : '')));
            window.load = ([mode, url]) => {
              if (mode === 'native') {
                a.src = url;
              } else if (mode === 'hlsjs') {
                const hls = new Hls();
                hls.on(Hls.Events.ERROR, (e, d) => { if (d.fatal) errors.push('hls.js ' + d.details); });
                hls.loadSource(url);
                hls.attachMedia(a);
              } else {
                const player = dashjs.MediaPlayer().create();
                player.on('error', e => errors.push('dash.js ' + JSON.stringify(e.error)));
                player.initialize(a, url, false);
              }
              const timeout = new Promise(resolve => setTimeout(() => resolve('did not start within 15 s'), 15000));
              return Promise.race([a.play().then(() => 'playing', e => { errors.push('play: ' + e.message); return 'refused'; }), timeout]);
            };
            </script></body></html>
            """;

    @TempDir
    static Path work;

    static TestServer server;
    static Chromium chromium;
    static String parted;
    static String chaptered;
    static double firstPartSeconds;

    @BeforeAll
    static void start() {
        Path library = work.resolve("books");
        for (int part = 1; part <= 2; part++) {
            AudioFixtures.mp3(library.resolve("Ann Author/Parted Book/0" + part + ".mp3"), 12, 44_100, 2, "64k",
                    Map.of("album", "Parted Book", "artist", "Ann Author", "track", part + "/2"));
        }
        AudioFixtures.m4b(library.resolve("Ann Author/Chaptered Book.m4b"), 40, 44_100, 2, Map.of("album", "Chaptered Book"));
        firstPartSeconds = Packets.of(library.resolve("Ann Author/Parted Book/01.mp3")).stream()
                .mapToDouble(Packets.Packet::durationSeconds).sum();
        server = TestServer.startWithLibrary(work.resolve("data"), library);
        for (JsonNode book : json(server.get("/api/v1/libraries/1/books")).get("items")) {
            if (book.get("title").asText().equals("Parted Book")) {
                parted = book.get("id").asText();
            } else {
                chaptered = book.get("id").asText();
            }
        }
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        server.close();
    }

    private static String fileUrl(String bookId, int index) {
        return "/api/v1/files/" + json(server.get("/api/v1/books/" + bookId)).get("files").get(index).get("id").asText();
    }

    /** Loads {@code url} into the page's player in {@code mode}, plays, seeks to {@code seekTo}, and checks it plays on. */
    private static void playsAndSeeks(String mode, String url, double seekTo, double mustReach) {
        Page page = chromium.open(server, server.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD), PAGE);
        try {
            assertThat(page.evaluate("load", List.of(mode, url))).as(mode + " " + url + " " + errors(page)).isEqualTo("playing");
            waitFor(page, "() => document.getElementById('a').currentTime > 0.5", mode + " starts");
            page.evaluate("t => { document.getElementById('a').currentTime = t; }", seekTo);
            waitFor(page, "() => { const a = document.getElementById('a'); return !a.seeking && a.currentTime > " + mustReach + "; }",
                    mode + " plays on after seeking to " + seekTo);
            assertThat(errors(page)).as(mode + " " + url).isEmpty();
        } finally {
            page.context().close();
        }
    }

    private static void waitFor(Page page, String condition, String what) {
        try {
            page.waitForFunction(condition, null, new Page.WaitForFunctionOptions().setTimeout(20_000));
        } catch (RuntimeException e) {
            throw new AssertionError(what + " — currentTime " + page.evaluate("document.getElementById('a').currentTime")
                    + ", errors " + errors(page), e);
        }
    }

    private static List<?> errors(Page page) {
        return (List<?>) page.evaluate("errors");
    }

    @Test
    void theAudioElementPlaysAndSeeksDirectFiles() {
        playsAndSeeks("native", fileUrl(chaptered, 0), 30, 31);
        playsAndSeeks("native", fileUrl(parted, 1), 8, 9);
    }

    @Test
    void chromiumsOwnHlsPlaysAcrossThePartBoundary() {
        playsAndSeeks("native", "/api/v1/books/" + parted + "/hls/master.m3u8", firstPartSeconds - 0.7, firstPartSeconds + 0.8);
        playsAndSeeks("native", "/api/v1/books/" + chaptered + "/hls/master.m3u8", 25, 26);
    }

    @Test
    void hlsJsPlaysTheSamePlaylists() {
        playsAndSeeks("hlsjs", "/api/v1/books/" + parted + "/hls/master.m3u8", firstPartSeconds - 0.7, firstPartSeconds + 0.8);
        playsAndSeeks("hlsjs", "/api/v1/books/" + chaptered + "/hls/master.m3u8", 25, 26);
    }

    @Test
    void dashJsPlaysTheManifest() {
        playsAndSeeks("dashjs", "/api/v1/books/" + chaptered + "/dash/manifest.mpd", 25, 26);
    }
}
