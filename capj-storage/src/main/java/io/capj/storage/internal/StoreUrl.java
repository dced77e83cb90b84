package io.capj.storage.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A parsed store URL: {@code memory://} or {@code sqlite://PATH} ({@code sqlite:///abs/path.db} and
 * {@code sqlite://relative/path.db} both work), each optionally followed by
 * {@code ?retain=N&compactIntervalSeconds=S}.
 *
 * <p>Parsed by hand rather than with {@link java.net.URI}: a relative SQLite path would otherwise be read
 * as a host name.
 *
 * @param sqliteFile the database file, or null for a memory store
 */
public record StoreUrl(String url, Path sqliteFile, StoreOptions options) {
    public static final String ACCEPTED_FORMS =
            "memory:// or sqlite://PATH (relative, or absolute as sqlite:///abs/path.db),"
                    + " optionally followed by ?retain=N&compactIntervalSeconds=S";

    private static final String MEMORY = "memory://";
    private static final String SQLITE = "sqlite://";

    public boolean isMemory() {
        return sqliteFile == null;
    }

    public static StoreUrl parse(String url) {
        if (url == null) {
            throw invalid(null, "no store URL given");
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        StoreOptions options = parseQuery(url, query < 0 ? "" : url.substring(query + 1));
        if (base.equals(MEMORY)) {
            return new StoreUrl(url, null, options);
        }
        if (base.startsWith(MEMORY)) {
            throw invalid(url, "a memory store takes no path");
        }
        if (base.startsWith(SQLITE)) {
            String path = base.substring(SQLITE.length());
            if (path.isEmpty() || path.endsWith("/")) {
                throw invalid(url, "missing database file path");
            }
            return new StoreUrl(url, Path.of(path), options);
        }
        throw invalid(url, "unknown scheme");
    }

    private static StoreOptions parseQuery(String url, String query) {
        StoreOptions options = StoreOptions.defaults();
        if (query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (name) {
                case "retain" -> options = options.withRetainRevisions(parseNonNegative(url, name, value));
                case "compactIntervalSeconds" -> options = options.withCompactInterval(
                        Duration.ofSeconds(parseNonNegative(url, name, value)));
                default -> throw invalid(url,
                        "unknown parameter '" + name + "' (known: retain, compactIntervalSeconds)");
            }
        }
        return options;
    }

    private static long parseNonNegative(String url, String name, String value) {
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the URL
        }
        throw invalid(url, "parameter '" + name + "' must be a non-negative integer, got '" + value + "'");
    }

    private static IllegalArgumentException invalid(String url, String problem) {
        return new IllegalArgumentException(
                "invalid store URL '" + url + "': " + problem + "; expected " + ACCEPTED_FORMS);
    }
}
