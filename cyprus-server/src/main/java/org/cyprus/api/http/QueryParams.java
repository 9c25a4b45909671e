package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** Reading query and path parameters with precise 400s for malformed values. */
final class QueryParams {
    private QueryParams() {
    }

    static Optional<String> text(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            throw ApiException.badRequest("Query parameter '" + name + "' is longer than " + maxLength + " characters.");
        }
        return Optional.of(value.strip());
    }

    static Optional<Long> id(Context ctx, String name) {
        return text(ctx, name, 20).map(v -> parseId(name, v));
    }

    static int integer(Context ctx, String name, int min, int max, int fallback) {
        return text(ctx, name, 12).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw ApiException.badRequest("Query parameter '" + name + "' must be a whole number from " + min + " to " + max + ".");
        }).orElse(fallback);
    }

    /** A decimal number such as {@code 11525.5} (no exponent, no sign), within {@code [min, max]}. */
    static double decimal(Context ctx, String name, double min, double max, double fallback) {
        return text(ctx, name, 24).map(v -> {
            if (v.matches("\\d{1,12}(\\.\\d{1,20})?")) {
                double n = Double.parseDouble(v);
                if (n >= min && n <= max) {
                    return n;
                }
            }
            throw ApiException.badRequest("Query parameter '" + name + "' must be a number of seconds from " + min + " to " + max + ".");
        }).orElse(fallback);
    }

    static <E extends Enum<E>> Optional<E> choice(Context ctx, String name, Class<E> type) {
        return text(ctx, name, 32).map(v -> {
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                StringBuilder allowed = new StringBuilder();
                for (E constant : type.getEnumConstants()) {
                    allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
                }
                throw ApiException.badRequest("Query parameter '" + name + "' must be one of: " + allowed + ".");
            }
        });
    }

    static long pathId(Context ctx, String name) {
        return parseId(name, ctx.pathParam(name));
    }

    private static long parseId(String name, String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("'" + name + "' must be a positive whole number, not '" + value + "'.");
    }
}
