package org.cyprus.auth;

import java.util.Locale;

/** A readable name and a kind for a device that did not name itself, from its User-Agent. */
final class DeviceNames {
    private DeviceNames() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unnamed device";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("firefox") ? "Firefox" : ua.contains("edg/") ? "Edge" : ua.contains("chrome")
                || ua.contains("chromium") ? "Chrome" : ua.contains("safari") ? "Safari" : null;
        String os = ua.contains("android") ? "Android" : ua.contains("iphone") ? "iPhone" : ua.contains("ipad") ? "iPad"
                : ua.contains("windows") ? "Windows" : ua.contains("mac os") ? "macOS" : ua.contains("linux") ? "Linux" : null;
        if (browser != null) {
            return browser + (os != null ? " on " + os : "");
        }
        String first = userAgent.strip().split("[\\s/]", 2)[0];
        return first.length() > 40 ? first.substring(0, 40) : first;
    }

    static String kind(String userAgent) {
        if (userAgent == null) {
            return "other";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("android") || ua.contains("iphone") || ua.contains("ipad") || ua.contains("mobile")) {
            return "mobile";
        }
        if (ua.contains("mozilla")) {
            return "web";
        }
        return "other";
    }
}
