package io.capj.bench.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The write benchmark's settings, parsed from {@code --flag value} arguments. Either a measured
 * {@code duration} or a measured {@code count} of creates (then {@code count > 0}) bounds each run; the
 * warmup always precedes it and is never measured.
 *
 * @param clients     concurrent clients, one run per entry
 * @param duration    measured wall-clock window per run (ignored when {@code count > 0})
 * @param count       measured creates per run; 0 means "use duration"
 * @param warmup      unmeasured load before the window
 * @param store       the server's store
 * @param out         the JSON report
 * @param httpClients whether each client thread has its own HTTP/2 connection or all share one
 * @param rawDuration target wall time of the raw SQLite baseline per run
 * @param bodyBytes   size of each create's JSON body
 * @param workDir     where the server's data directory and the raw baseline's scratch file go
 */
public record WriteBenchOptions(List<Integer> clients, Duration duration, long count, Duration warmup,
                                StoreKind store, Path out, HttpClientMode httpClients, Duration rawDuration,
                                int bodyBytes, Path workDir) {

    public static final String USAGE = """
            usage: WriteBenchmark [--clients 64 | 1,16,64] [--duration 20s | --count N] [--warmup 5s]
                                  [--store sqlite|memory] [--out target/bench/write.json]
                                  [--http-clients per-client|shared] [--raw-duration 5s]
                                  [--body-bytes 2048] [--work-dir DIR]""";

    /** The store the server under test runs on. */
    public enum StoreKind {
        SQLITE, MEMORY;

        /** The server's store URL for a data directory. */
        public String url(Path dataDir) {
            return this == MEMORY ? "memory://" : "sqlite://" + dataDir.toAbsolutePath().resolve("state.db");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How client threads map onto {@link java.net.http.HttpClient}s (and so onto TLS connections). */
    public enum HttpClientMode {
        /** One HttpClient, one HTTP/2 connection, per client thread: N independent clients. */
        PER_CLIENT,
        /** One HttpClient for all threads: N streams multiplexed on one HTTP/2 connection. */
        SHARED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The defaults: 64 clients, 20 s measured after 5 s warmup, durable SQLite. */
    public static WriteBenchOptions defaults() {
        return new WriteBenchOptions(List.of(64), Duration.ofSeconds(20), 0, Duration.ofSeconds(5),
                StoreKind.SQLITE, Path.of("target/bench/write.json"), HttpClientMode.PER_CLIENT,
                Duration.ofSeconds(5), 2048, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Parses {@code args} over {@link #defaults()}; throws {@link IllegalArgumentException} with the reason. */
    public static WriteBenchOptions parse(String... args) {
        WriteBenchOptions o = defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            o = o.with(flag, args[++i]);
        }
        return o;
    }

    private WriteBenchOptions with(String flag, String v) {
        return switch (flag) {
            case "--clients" -> new WriteBenchOptions(parseClients(v), duration, count, warmup, store, out,
                    httpClients, rawDuration, bodyBytes, workDir);
            case "--duration" -> new WriteBenchOptions(clients, parseDuration(v), 0, warmup, store, out,
                    httpClients, rawDuration, bodyBytes, workDir);
            case "--count" -> new WriteBenchOptions(clients, duration, positive(flag, Long.parseLong(v)), warmup,
                    store, out, httpClients, rawDuration, bodyBytes, workDir);
            case "--warmup" -> new WriteBenchOptions(clients, duration, count, parseDuration(v), store, out,
                    httpClients, rawDuration, bodyBytes, workDir);
            case "--store" -> new WriteBenchOptions(clients, duration, count, warmup, parseEnum(StoreKind.class, v),
                    out, httpClients, rawDuration, bodyBytes, workDir);
            case "--out" -> new WriteBenchOptions(clients, duration, count, warmup, store, Path.of(v),
                    httpClients, rawDuration, bodyBytes, workDir);
            case "--http-clients" -> new WriteBenchOptions(clients, duration, count, warmup, store, out,
                    parseEnum(HttpClientMode.class, v), rawDuration, bodyBytes, workDir);
            case "--raw-duration" -> new WriteBenchOptions(clients, duration, count, warmup, store, out,
                    httpClients, parseDuration(v), bodyBytes, workDir);
            case "--body-bytes" -> new WriteBenchOptions(clients, duration, count, warmup, store, out,
                    httpClients, rawDuration, (int) positive(flag, Integer.parseInt(v)), workDir);
            case "--work-dir" -> new WriteBenchOptions(clients, duration, count, warmup, store, out,
                    httpClients, rawDuration, bodyBytes, Path.of(v));
            default -> throw new IllegalArgumentException("unknown flag " + flag);
        };
    }

    /** {@code "64"} or {@code "1,16,64"}. */
    static List<Integer> parseClients(String value) {
        List<Integer> result = new ArrayList<>();
        for (String part : value.split(",")) {
            result.add((int) positive("--clients", Integer.parseInt(part.trim())));
        }
        return List.copyOf(result);
    }

    /** {@code 500ms}, {@code 20s}, {@code 2m}, or a bare number of seconds. */
    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static long positive(String flag, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
        }
        return value;
    }
}
