package org.cyprus.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The system's Chromium, headless, driven by Playwright: pages opened at a Cyprus server's origin, where a test page
 * and the web players (hls.js, dash.js, installed from npm by the build) are served by the test itself.
 */
public final class Chromium implements AutoCloseable {
    /** Where the test's own files appear, at the server's origin. */
    public static final String TEST_PATH = "/__test/";

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches Chromium ({@code CYPRUS_CHROMIUM}, else {@code /usr/bin/chromium}). */
    public static Chromium launch() {
        Path executable = Path.of(System.getenv().getOrDefault("CYPRUS_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Chromium is not installed at " + executable + " (./cyprus test installs it)");
        }
        Playwright playwright = Playwright.create();
        // Without the background-networking switches Chromium keeps calling home, which a closed network refuses.
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required")));
        return new Chromium(playwright, browser);
    }

    /**
     * A page in a fresh context at {@code server}'s origin, signed in with {@code accessToken} as the web client's
     * cookie (or anonymous when null), showing {@code html} at {@link #TEST_PATH}{@code page.html}.
     */
    public Page open(TestServer server, String accessToken, String html) {
        String origin = "http://127.0.0.1:" + server.port();
        BrowserContext context = browser.newContext();
        if (accessToken != null) {
            context.addCookies(List.of(new Cookie("cyprus_access", accessToken).setUrl(origin)));
        }
        Page page = context.newPage();
        page.route(origin + TEST_PATH + "**", route -> serve(route, origin, html));
        page.navigate(origin + TEST_PATH + "page.html");
        return page;
    }

    /** A fresh context (its own cookies, storage and service workers), for tests that drive the web app itself. */
    public BrowserContext newContext(Browser.NewContextOptions options) {
        return browser.newContext(options);
    }

    private static void serve(Route route, String origin, String html) {
        String path = route.request().url().substring((origin + TEST_PATH).length());
        if (path.equals("page.html")) {
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html").setBody(html));
            return;
        }
        Path players = Path.of(System.getProperty("cyprus.players", "cyprus-server/target/players/node_modules")).toAbsolutePath();
        Path file = players.resolve(path).normalize();
        if (!file.startsWith(players) || !Files.isRegularFile(file)) {
            route.fulfill(new Route.FulfillOptions().setStatus(404));
            return;
        }
        try {
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/javascript").setBodyBytes(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
