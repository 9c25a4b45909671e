package org.cyprus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.AudioFixtures.ChapterSpec;
import org.cyprus.testing.Chromium;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app in headless Chromium against a real server with a generated library: first-run setup and sign-in,
 * search, playback and every player control, two devices of one listener following each other, a book across two
 * files, offline play of a downloaded book, uploads, and screenshots of the main screens at phone and desktop sizes.
 * Every page's console errors and uncaught exceptions fail the test that opened it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppIT {
    @TempDir
    static Path work;

    static TestServer server;
    static Chromium chromium;
    static String origin;
    static final List<String> consoleErrors = new ArrayList<>();
    static final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void start() {
        Path library = work.resolve("books");
        Path cover = AudioFixtures.jpeg(work.resolve("cover.jpg"), "teal");
        AudioFixtures.m4b(library.resolve("Ann Author/Chaptered Book.m4b"), 90,
                Map.of("album", "Chaptered Book", "title", "Chaptered Book", "artist", "Ann Author", "genre", "Adventure",
                        "comment", "A book with three chapters, made for the web app's tests."),
                List.of(new ChapterSpec("Opening", 0, 30), new ChapterSpec("Middle", 30, 60), new ChapterSpec("Ending", 60, 90)), cover);
        for (int part = 1; part <= 2; part++) {
            AudioFixtures.mp3(library.resolve("Ann Author/Parted Book/0" + part + ".mp3"), 8, 44_100, 2, "64k",
                    Map.of("album", "Parted Book", "artist", "Ann Author", "track", part + "/2"));
        }
        AudioFixtures.m4b(library.resolve("Bob Writer/Offline Book.m4b"), 40,
                Map.of("album", "Offline Book", "title", "Offline Book", "artist", "Bob Writer"),
                List.of(new ChapterSpec("One", 0, 20), new ChapterSpec("Two", 20, 40)), null);
        server = TestServer.start(TestServer.config(work.resolve("data"), library, false, Map.of()));
        origin = "http://127.0.0.1:" + server.port();
        chromium = Chromium.launch();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        consoleErrors.clear();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void setUpSignInSearchPlaySeekChangeChapterSpeedSleepAndBookmark() {
        BrowserContext context = phoneOrDesktop(false);
        Page page = open(context);
        page.clock().install();
        page.navigate(origin + "/");
        page.getByLabel("Username").fill(TestServer.ADMIN);
        page.getByLabel("Password").fill(TestServer.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create and sign in")).click();
        page.getByRole(AriaRole.NAVIGATION).waitFor();
        server.signInAsAdmin();
        server.awaitScans(1, 0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Library").setExact(true)).click();
        page.getByLabel("Search the library").pressSequentially("chapt", new Locator.PressSequentiallyOptions().setDelay(40));
        page.waitForURL("**/library?q=chapt");
        Locator results = page.locator(".grid .card-title");
        results.first().waitFor();
        page.waitForFunction("() => [...document.querySelectorAll('.grid .card-title')].map(e => e.textContent).join('|') === 'Chaptered Book'");
        assertThat(results.allTextContents()).containsExactly("Chaptered Book");

        results.first().click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Chaptered Book")).waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play")).click();
        waitFor(page, "() => [...document.querySelectorAll('audio')].some(a => !a.paused && a.currentTime > 1)", "playback advances");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the player")).click();
        page.getByLabel("Position in the book").fill("20");
        waitFor(page, "() => [...document.querySelectorAll('audio')].some(a => !a.paused && a.currentTime >= 20 && a.currentTime < 28)", "seek to 0:20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next chapter")).click();
        page.waitForFunction("() => document.querySelector('[data-testid=chapter-title]').textContent === 'Middle'");
        waitFor(page, "() => [...document.querySelectorAll('audio')].some(a => !a.paused && a.currentTime >= 30)", "plays from chapter 2");

        page.getByLabel("Playback speed").fill("1.5");
        assertThat(page.getByTestId("speed").textContent()).isEqualTo("1.50×");
        waitFor(page, "() => [...document.querySelectorAll('audio')].every(a => a.playbackRate === 1.5)", "speed 1.5 on the audio");

        page.getByLabel("Sleep timer").selectOption("1");
        page.getByTestId("sleep").waitFor();
        page.clock().fastForward(50_000);
        waitFor(page, "() => [...document.querySelectorAll('audio')].some(a => !a.paused && a.volume < 1)", "fades before sleeping");
        page.clock().fastForward(11_000);
        waitFor(page, "() => [...document.querySelectorAll('audio')].every(a => a.paused)", "asleep after a minute");
        assertThat(page.getByTestId("sleep").count()).isZero();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chaptered Book")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add bookmark")).click();
        page.locator(".bookmarks li").first().waitFor();
        assertThat(page.locator(".bookmarks li button").first().textContent()).startsWith("Bookmark at 0:3");
        JsonNode marks = json(server.get("/api/v1/me/bookmarks"));
        assertThat(marks.size()).isEqualTo(1);
        assertThat(marks.get(0).get("positionSec").asDouble()).isBetween(30.0, 45.0);
        assertNoConsoleErrors(context);
    }

    @Test
    @Order(2)
    void twoDevicesFollowEachOtherPauseEachOtherAndOfferToResume() throws Exception {
        String book = bookId("Chaptered Book");
        BrowserContext a = phoneOrDesktop(false);
        BrowserContext b = phoneOrDesktop(false);
        // B's WebSocket passes through here: the position pushes it receives are kept, to replay one late.
        List<String> pushesToB = new CopyOnWriteArrayList<>();
        AtomicReference<WebSocketRoute> bSocket = new AtomicReference<>();
        b.routeWebSocket(Pattern.compile(".*/api/v1/ws$"), ws -> {
            WebSocketRoute server = ws.connectToServer();
            server.onMessage(frame -> {
                if (frame.text() != null && frame.text().startsWith("{\"type\":\"position\"")) {
                    pushesToB.add(frame.text());
                }
                if (frame.text() != null) {
                    ws.send(frame.text());
                } else {
                    ws.send(frame.binary());
                }
            });
            bSocket.set(ws); // what the page sends still goes to the server unchanged: no handler is set on its side
        });
        Page pageA = signIn(a);
        Page pageB = signIn(b);

        pageB.navigate(origin + "/books/" + book);
        pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play").setExact(true)).or(
                pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume at"))).first().click();
        dismissPrompt(pageB);
        waitFor(pageB, "() => [...document.querySelectorAll('audio')].some(a => !a.paused && a.currentTime > 0.5)", "B plays");
        pageB.locator(".mini").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause")).click();
        double bAt = (double) pageB.evaluate("() => Math.max(...[...document.querySelectorAll('audio')].map(a => a.currentTime))");

        pageA.navigate(origin + "/books/" + book);
        pageA.locator(".book .actions button.primary").click();
        dismissPrompt(pageA);
        waitFor(pageA, "() => [...document.querySelectorAll('audio')].some(a => !a.paused && a.currentTime > 0)", "A plays");
        pageA.locator(".mini a").click();
        pageA.getByLabel("Position in the book").fill("70");
        pageB.waitForFunction("() => /^1:1\\d|^1:0\\d/.test(document.querySelector('[data-testid=mini-position]').textContent)", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        // A push overtaken by a later one (two moves pushed at once from two threads) arrives last: it moves nothing.
        assertThat(pushesToB).isNotEmpty();
        ObjectNode stale = (ObjectNode) new ObjectMapper().readTree(pushesToB.getLast());
        ObjectNode staleBook = (ObjectNode) stale.get("book");
        staleBook.put("version", staleBook.get("version").asLong() - 1).put("positionSec", 5);
        bSocket.get().send(stale.toString());
        sleep(1500);
        assertThat(pageB.locator("[data-testid=mini-position]").textContent()).matches("^1:[01]\\d.*");

        pageB.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Devices")).click();
        Locator pause = pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause").setExact(true)).first();
        pause.waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        pause.click();
        waitFor(pageA, "() => [...document.querySelectorAll('audio')].every(a => a.paused)", "A paused from B");

        pageB.navigate(origin + "/books/" + book);
        pageB.locator(".book .actions button.primary").click();
        Locator prompt = pageB.getByRole(AriaRole.ALERTDIALOG);
        prompt.waitFor();
        assertThat(prompt.textContent()).contains("Continue from 1:1");
        assertThat(bAt).isLessThan(60);
        prompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue from")).click();
        waitFor(pageB, "() => [...document.querySelectorAll('audio')].some(a => a.currentTime >= 69)", "B continues where A stopped");
        assertNoConsoleErrors(a);
        assertNoConsoleErrors(b);
    }

    @Test
    @Order(3)
    void aBookInTwoFilesPlaysAcrossThePartBoundary() {
        String book = bookId("Parted Book");
        double firstPart = json(server.get("/api/v1/books/" + book)).at("/files/0/durationSeconds").asDouble();
        BrowserContext context = phoneOrDesktop(false);
        Page page = signIn(context);
        page.navigate(origin + "/books/" + book);
        page.locator(".book .actions button.primary").click();
        dismissPrompt(page);
        waitFor(page, "() => [...document.querySelectorAll('audio')].some(a => !a.paused && a.currentTime > 0)", "plays");
        page.locator(".mini a").click();
        page.getByLabel("Position in the book").fill(Long.toString(Math.round(firstPart - 3)));
        waitFor(page, "() => { const a = document.querySelector('audio[data-handover-gap-ms]'); return a && !a.paused && a.currentTime > 1; }",
                "the second file plays on after the first");
        Object gapMs = page.evaluate("() => Number(document.querySelector('audio[data-handover-gap-ms]').dataset.handoverGapMs)");
        System.out.println("part handover gap: " + gapMs + " ms");
        assertThat(((Number) gapMs).doubleValue()).isLessThan(250);
        assertNoConsoleErrors(context);
    }

    @Test
    @Order(4)
    void aDownloadedBookPlaysOfflineAndItsListeningReachesTheServerOnReconnecting() {
        String book = bookId("Offline Book");
        BrowserContext context = phoneOrDesktop(false);
        Page page = signIn(context);
        page.waitForFunction("() => navigator.serviceWorker.controller !== null", null, new Page.WaitForFunctionOptions().setTimeout(15_000));
        page.navigate(origin + "/books/" + book);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download")).click();
        page.getByTestId("downloaded").waitFor(new Locator.WaitForOptions().setTimeout(20_000));

        context.setOffline(true);
        page.navigate(origin + "/");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Offline").setExact(true)).waitFor();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Offline Book")).click();
        page.locator(".book .actions button.primary").click();
        waitFor(page, "() => [...document.querySelectorAll('audio')].some(a => !a.paused && a.currentTime > 3)", "plays offline");
        page.locator(".mini").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause")).click();
        double at = ((Number) page.evaluate("() => Math.max(...[...document.querySelectorAll('audio')].map(a => a.currentTime))")).doubleValue();
        assertThat(json(server.get("/api/v1/me/progress/" + book)).at("/book/positionSec").asDouble()).isZero();

        context.setOffline(false);
        long deadline = System.currentTimeMillis() + 15_000;
        double onServer = 0;
        while (System.currentTimeMillis() < deadline && onServer < at - 1) {
            onServer = json(server.get("/api/v1/me/progress/" + book)).at("/book/positionSec").asDouble();
            sleep(200);
        }
        assertThat(onServer).as("offline listening reached the server").isGreaterThan(at - 1).isLessThanOrEqualTo(at + 1);
        consoleErrors.removeIf(e -> e.contains("net::ERR_INTERNET_DISCONNECTED") || e.contains("WebSocket connection"));
        assertNoConsoleErrors(context);
    }

    @Test
    @Order(5)
    void theAdministratorUploadsABookAndSeesItAfterTheScan() throws Exception {
        Path upload = AudioFixtures.mp3(work.resolve("upload/Uploaded Tale.mp3"), 3, Map.of("album", "Uploaded Tale", "artist", "Cy Uploader"));
        BrowserContext context = phoneOrDesktop(false);
        Page page = signIn(context);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin")).click();
        page.locator(".library-panel input[type=file]").first().setInputFiles(upload);
        page.getByTestId("upload-result").waitFor();
        assertThat(page.getByTestId("upload-result").textContent()).startsWith("Uploaded to");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Library").setExact(true)).click();
        page.getByLabel("Search the library").fill("uploaded");
        page.waitForFunction("() => [...document.querySelectorAll('.grid .card-title')].some(e => e.textContent === 'Uploaded Tale')", null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        assertNoConsoleErrors(context);
        assertThat(Files.exists(upload)).isTrue();
    }

    @Test
    @Order(6)
    void screenshotsOfHomeLibraryBookAndPlayerAtPhoneAndDesktopSizes() throws Exception {
        Path folder = Files.createDirectories(Path.of("target/screenshots"));
        String book = bookId("Chaptered Book");
        for (boolean phone : List.of(true, false)) {
            BrowserContext context = phoneOrDesktop(phone);
            Page page = signIn(context);
            String size = phone ? "390x844" : "1440x900";
            page.locator(".card img").first().waitFor();
            page.waitForLoadState();
            page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("home-" + size + ".png")).setFullPage(true));
            page.navigate(origin + "/library");
            page.locator(".grid .card img").first().waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("library-" + size + ".png")));
            page.navigate(origin + "/books/" + book);
            page.locator(".book-head img").waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("book-" + size + ".png")).setFullPage(true));
            page.locator(".book .actions button.primary").click();
            dismissPrompt(page);
            page.locator(".mini a").click();
            page.getByLabel("Playback speed").waitFor();
            assertThat(page.locator(".mini").count()).as("the full player does not repeat itself in a mini player").isZero();
            page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("player-" + size + ".png")).setFullPage(true));
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling at " + size).isTrue();
            assertNoConsoleErrors(context);
        }
        try (var files = Files.list(folder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void pagesAndAssetsAreServedWithTheirCachingRules() {
        HttpResponse<String> page = server.anonymous(HttpRequest.newBuilder(server.uri("/library?q=x")).header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        String script = page.body().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        HttpResponse<String> asset = server.anonymous(HttpRequest.newBuilder(server.uri(script)));
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(asset.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        String etag = asset.headers().firstValue("ETag").orElseThrow();
        assertThat(server.anonymous(HttpRequest.newBuilder(server.uri(script)).header("If-None-Match", etag)).statusCode()).isEqualTo(304);
        HttpResponse<String> worker = server.anonymous(HttpRequest.newBuilder(server.uri("/sw.js")));
        assertThat(worker.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(server.anonymous(HttpRequest.newBuilder(server.uri("/manifest.webmanifest"))).headers().firstValue("Content-Type"))
                .hasValue("application/manifest+json");
        HttpResponse<String> api = server.anonymous(HttpRequest.newBuilder(server.uri("/api/v1/nothing-here")).header("Accept", "text/html"));
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"not_found\"");
        assertThat(server.anonymous(HttpRequest.newBuilder(server.uri("/books/x/y"))).statusCode()).as("not asking for HTML").isEqualTo(404);
    }

    @Test
    @Order(8)
    void onASmallPhoneTargetsAreTouchSizedCoversDoNotShiftTheLayoutAndKeysAndLockScreenControlThePlayer() {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(360, 740).setDeviceScaleFactor(2)
                .setIsMobile(true).setHasTouch(true);
        BrowserContext context = chromium.newContext(options);
        contexts.add(context);
        // Layout shifts (the Layout Instability API) added up from the first paint.
        context.addInitScript("window.__cls = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) "
                + "{ if (!e.hadRecentInput) window.__cls += e.value; } }).observe({ type: 'layout-shift', buffered: true });");
        Page page = signIn(context);
        page.navigate(origin + "/library");
        page.locator(".grid .card img").first().waitFor();
        page.waitForFunction("() => [...document.images].every(i => i.complete)");
        assertThat(((Number) page.evaluate("() => window.__cls")).doubleValue()).as("layout shift while the library and its covers load").isLessThan(0.1);
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling at 360 px").isTrue();

        page.navigate(origin + "/books/" + bookId("Chaptered Book"));
        page.locator(".book .actions button.primary").click();
        dismissPrompt(page);
        waitFor(page, "() => [...document.querySelectorAll('audio')].some(a => !a.paused && a.currentTime > 0.5)", "plays");
        page.locator(".mini a").click();
        page.getByLabel("Playback speed").waitFor();
        String small = (String) page.evaluate("() => [...document.querySelectorAll('button, select, nav a, .mini a')]"
                + ".filter(e => e.offsetParent !== null).filter(e => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; })"
                + ".map(e => (e.getAttribute('aria-label') || e.textContent).trim() + ' ' + Math.round(e.getBoundingClientRect().width) + 'x' "
                + "+ Math.round(e.getBoundingClientRect().height)).join(', ')");
        assertThat(small).as("controls smaller than 44 × 44 px").isEmpty();
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("the player at 360 px").isTrue();

        page.waitForFunction("() => navigator.mediaSession.metadata && navigator.mediaSession.playbackState === 'playing'");
        assertThat(page.evaluate("() => navigator.mediaSession.metadata.album")).isEqualTo("Chaptered Book");
        assertThat(page.evaluate("() => navigator.mediaSession.metadata.title"))
                .as("the chapter is the lock screen's track title").isEqualTo(page.getByTestId("chapter-title").textContent());

        page.getByLabel("Position in the book").fill("20");
        waitFor(page, "() => [...document.querySelectorAll('audio')].some(a => a.currentTime >= 20 && a.currentTime < 28)", "at 0:20");
        page.evaluate("() => document.activeElement.blur()"); // shortcuts are not taken from a focused form control
        page.locator("body").press("k");
        waitFor(page, "() => [...document.querySelectorAll('audio')].every(a => a.paused)", "k pauses");
        waitFor(page, "() => navigator.mediaSession.playbackState === 'paused'", "the lock screen shows it paused");
        double before = position(page);
        page.locator("body").press("l");
        waitFor(page, "() => Math.max(...[...document.querySelectorAll('audio')].map(a => a.currentTime)) >= " + (before + 29), "l skips forward");
        double ahead = position(page);
        page.locator("body").press("j");
        waitFor(page, "() => Math.max(...[...document.querySelectorAll('audio')].map(a => a.currentTime)) <= " + (ahead - 14), "j skips back");
        page.locator("body").press(" ");
        waitFor(page, "() => [...document.querySelectorAll('audio')].some(a => !a.paused)", "space plays again");
        assertNoConsoleErrors(context);
    }

    private static double position(Page page) {
        return ((Number) page.evaluate("() => Math.max(...[...document.querySelectorAll('audio')].map(a => a.currentTime))")).doubleValue();
    }

    // --- browser steps shared by the tests ---

    private static BrowserContext phoneOrDesktop(boolean phone) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(phone ? 390 : 1440, phone ? 844 : 900);
        if (phone) {
            options.setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
        }
        BrowserContext context = chromium.newContext(options);
        contexts.add(context);
        return context;
    }

    private static Page open(BrowserContext context) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text() + " @ " + m.location());
            }
        });
        page.onPageError(e -> consoleErrors.add("uncaught: " + e));
        return page;
    }

    private static Page signIn(BrowserContext context) {
        Page page = open(context);
        page.navigate(origin + "/");
        page.getByLabel("Username").fill(TestServer.ADMIN);
        page.getByLabel("Password").fill(TestServer.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(AriaRole.NAVIGATION).waitFor();
        return page;
    }

    /** Closes the resume prompt if a previous test left this book elsewhere. */
    private static void dismissPrompt(Page page) {
        Locator prompt = page.getByRole(AriaRole.ALERTDIALOG);
        try {
            prompt.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(1500));
            prompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stay at")).click();
        } catch (com.microsoft.playwright.TimeoutError absent) {
            // No other device was ahead.
        }
    }

    private static void waitFor(Page page, String condition, String what) {
        try {
            page.waitForFunction(condition, null, new Page.WaitForFunctionOptions().setTimeout(15_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("timed out waiting for: " + what + "; console errors: " + consoleErrors, e);
        }
    }

    private static String bookId(String title) {
        for (JsonNode b : json(server.get("/api/v1/libraries/1/books?limit=50")).get("items")) {
            if (b.get("title").asText().equals(title)) {
                return b.get("id").asText();
            }
        }
        throw new AssertionError("no book " + title);
    }

    private static void assertNoConsoleErrors(BrowserContext context) {
        try {
            assertThat(consoleErrors).as("console errors").isEmpty();
        } finally {
            consoleErrors.clear();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
