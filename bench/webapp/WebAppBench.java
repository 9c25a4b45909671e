import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Cold loads of the web app's home page in headless Chromium with the network and CPU of a mid-range phone (CDP:
 * 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4x; HTTP cache disabled): first contentful paint,
 * and the time until the home screen's content is shown. Usage: java -cp PLAYWRIGHT WebAppBench.java ORIGIN USER PASSWORD RUNS
 */
public class WebAppBench {
    public static void main(String[] args) {
        String origin = args[0];
        int runs = Integer.parseInt(args[3]);
        List<Double> fcp = new ArrayList<>();
        List<Double> home = new ArrayList<>();
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(java.nio.file.Path.of(System.getenv().getOrDefault("CYPRUS_CHROMIUM", "/usr/bin/chromium")))
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            for (int i = 0; i < runs + 1; i++) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                        .setDeviceScaleFactor(2).setIsMobile(true).setServiceWorkers(com.microsoft.playwright.options.ServiceWorkerPolicy.BLOCK));
                var login = context.request().post(origin + "/api/v1/auth/login", RequestOptions.create()
                        .setHeader("Content-Type", "application/json")
                        .setData(Map.of("username", args[1], "password", args[2], "useCookie", true)));
                if (login.status() != 200) {
                    throw new IllegalStateException("sign-in answered " + login.status());
                }
                Page page = context.newPage();
                // The app asks the server who is signed in only when this browser has signed in before.
                page.addInitScript("localStorage.setItem('cyprus.user', JSON.stringify({id: 1, username: 'bench', role: 'admin'}))");
                CDPSession cdp = context.newCDPSession(page);
                cdp.send("Network.enable");
                cdp.send("Network.setCacheDisabled", json(Map.of("cacheDisabled", true)));
                cdp.send("Network.emulateNetworkConditions", json(Map.of("offline", false, "latency", 150,
                        "downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8)));
                cdp.send("Emulation.setCPUThrottlingRate", json(Map.of("rate", 4)));
                page.navigate(origin + "/");
                page.waitForSelector(".shelf, .home p");
                double paint = ((Number) page.evaluate("() => performance.getEntriesByName('first-contentful-paint')[0].startTime")).doubleValue();
                double shown = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                if (i > 0) { // the first load warms the server (JIT, caches), not the browser
                    fcp.add(paint);
                    home.add(shown);
                }
                context.close();
            }
        }
        System.out.printf("first contentful paint: median %.0f ms, max %.0f ms%n", median(fcp), Collections.max(fcp));
        System.out.printf("home screen with its shelves shown: median %.0f ms, max %.0f ms%n", median(home), Collections.max(home));
    }

    static JsonObject json(Map<String, Object> values) {
        JsonObject o = new JsonObject();
        values.forEach((k, v) -> {
            if (v instanceof Boolean b) o.addProperty(k, b);
            else o.addProperty(k, (Number) v);
        });
        return o;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
