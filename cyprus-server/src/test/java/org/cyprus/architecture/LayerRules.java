package org.cyprus.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The dependency directions of Cyprus: domain packages never reach into adapters or infrastructure, the
 * media engine uses {@code java.base} only, and nothing but the JVM calls {@code Main}.
 */
public final class LayerRules {
    /** Packages holding domain logic: they may not see HTTP, SQL, the wiring or the CLI. */
    static final List<String> DOMAIN = List.of(
            "org.cyprus.media", "org.cyprus.library", "org.cyprus.progress", "org.cyprus.sync", "org.cyprus.stream",
            "org.cyprus.auth", "org.cyprus.system", "org.cyprus.config");

    /** What a domain package must not refer to. */
    static final List<String> FORBIDDEN_FOR_DOMAIN = List.of(
            "org.cyprus.api.", "org.cyprus.store.", "org.cyprus.app.", "org.cyprus.cli.",
            "io.javalin.", "org.eclipse.jetty.", "jakarta.servlet.", "java.sql.", "javax.sql.", "com.zaxxer.", "org.flywaydb.");

    /** What the persistence layer must not refer to. */
    static final List<String> FORBIDDEN_FOR_STORE = List.of("org.cyprus.api.", "org.cyprus.app.", "org.cyprus.cli.", "io.javalin.");

    /** What the HTTP layer must not refer to. */
    static final List<String> FORBIDDEN_FOR_API = List.of("org.cyprus.store.", "org.cyprus.app.", "org.cyprus.cli.", "java.sql.");

    static final String MAIN = "org.cyprus.Main";

    private LayerRules() {
    }

    /** Classes other than {@code Main} itself that refer to {@code Main}; tests included. */
    public static List<String> mainCallers(Map<String, Set<String>> classes) {
        List<String> violations = new ArrayList<>();
        classes.forEach((cls, refs) -> {
            if (refs.contains(MAIN) && !cls.equals(MAIN) && !cls.startsWith(MAIN + "$")) {
                violations.add(cls + " refers to " + MAIN + ", the entry point nothing else may call");
            }
        });
        return violations;
    }

    /**
     * Every layering violation among production {@code classes} (class to the classes it refers to), as readable
     * lines; integration tests may reach across layers and are not given to this check.
     */
    public static List<String> violations(Map<String, Set<String>> classes) {
        List<String> violations = new ArrayList<>(mainCallers(classes));
        classes.forEach((cls, refs) -> {
            for (String ref : refs) {
                if (inAny(cls, DOMAIN) && startsWithAny(ref, FORBIDDEN_FOR_DOMAIN)) {
                    violations.add("domain class " + cls + " refers to " + ref);
                }
                if (cls.startsWith("org.cyprus.store.") && startsWithAny(ref, FORBIDDEN_FOR_STORE)) {
                    violations.add("store class " + cls + " refers to " + ref);
                }
                if (cls.startsWith("org.cyprus.api.") && startsWithAny(ref, FORBIDDEN_FOR_API)) {
                    violations.add("api class " + cls + " refers to " + ref);
                }
            }
        });
        return violations;
    }

    /** Every class the media engine refers to that is neither its own nor in {@code java.base}. */
    public static List<String> mediaViolations(Map<String, Set<String>> mediaClasses) {
        Set<String> javaBase = ModuleLayer.boot().findModule("java.base").orElseThrow().getPackages();
        Predicate<String> allowed = ref -> ref.startsWith("org.cyprus.media.") || javaBase.contains(packageOf(ref));
        List<String> violations = new ArrayList<>();
        mediaClasses.forEach((cls, refs) -> refs.stream().filter(allowed.negate())
                .forEach(ref -> violations.add("media class " + cls + " refers to " + ref + ", which is outside java.base")));
        return violations;
    }

    private static boolean inAny(String cls, List<String> packages) {
        return packages.stream().anyMatch(p -> cls.startsWith(p + "."));
    }

    private static boolean startsWithAny(String ref, List<String> prefixes) {
        return prefixes.stream().anyMatch(ref::startsWith);
    }

    private static String packageOf(String cls) {
        int dot = cls.lastIndexOf('.');
        return dot < 0 ? "" : cls.substring(0, dot);
    }
}
