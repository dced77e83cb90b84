package io.capj.apiserver.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * API request metrics in upstream's names ({@code apiserver_request_total},
 * {@code apiserver_request_duration_seconds}), labelled by verb, group, resource and code only, and
 * rendered in the Prometheus text format on {@code /metrics}. Long-running requests (watches) are
 * counted but not timed, as upstream's latency SLI excludes them.
 */
public final class RequestMetrics {
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private record Key(String verb, String group, String resource, int code) {
    }

    private record Series(String verb, String group, String resource) {
    }

    /** Cumulative histogram of one series: bucket counts, +Inf count and sum in microseconds. */
    private static final class Histogram {
        final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length + 1);
        final LongAdder sumMicros = new LongAdder();

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            buckets.incrementAndGet(i);
            sumMicros.add(nanos / 1000);
        }
    }

    private final Map<Key, LongAdder> totals = new ConcurrentHashMap<>();
    private final Map<Series, Histogram> durations = new ConcurrentHashMap<>();
    private final LongSupplier storeRevision;
    private final List<Supplier<String>> sources = new CopyOnWriteArrayList<>();

    public RequestMetrics(LongSupplier storeRevision) {
        this.storeRevision = storeRevision;
    }

    /** Records one finished request; {@code nanos} &lt; 0 for long-running requests. */
    public void record(String verb, String group, String resource, int code, long nanos) {
        String v = verb.toUpperCase(Locale.ROOT);
        totals.computeIfAbsent(new Key(v, group, resource, code), k -> new LongAdder()).increment();
        if (nanos >= 0) {
            durations.computeIfAbsent(new Series(v, group, resource), s -> new Histogram()).observe(nanos);
        }
    }

    /**
     * Appends {@code source}'s Prometheus text (for example the controllers' reconcile metrics) to every
     * {@code /metrics} scrape, so one endpoint serves the whole process.
     */
    public void addSource(Supplier<String> source) {
        sources.add(source);
    }

    /** The Prometheus text exposition. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("# HELP apiserver_request_total Counter of API requests by verb, group, resource and HTTP code.\n");
        b.append("# TYPE apiserver_request_total counter\n");
        totals.forEach((k, n) -> b.append("apiserver_request_total{verb=\"").append(k.verb()).append("\",group=\"")
                .append(k.group()).append("\",resource=\"").append(k.resource()).append("\",code=\"").append(k.code())
                .append("\"} ").append(n.sum()).append('\n'));
        b.append("# HELP apiserver_request_duration_seconds Latency of non-long-running API requests.\n");
        b.append("# TYPE apiserver_request_duration_seconds histogram\n");
        durations.forEach((s, h) -> renderHistogram(b, s, h));
        b.append("# HELP capj_store_revision The store's current revision.\n");
        b.append("# TYPE capj_store_revision gauge\n");
        b.append("capj_store_revision ").append(storeRevision.getAsLong()).append('\n');
        sources.forEach(source -> b.append(source.get()));
        return b.toString();
    }

    private static void renderHistogram(StringBuilder b, Series s, Histogram h) {
        String labels = "verb=\"" + s.verb() + "\",group=\"" + s.group() + "\",resource=\"" + s.resource() + "\"";
        long cumulative = 0;
        for (int i = 0; i <= BUCKETS.length; i++) {
            cumulative += h.buckets.get(i);
            String le = i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf";
            b.append("apiserver_request_duration_seconds_bucket{").append(labels).append(",le=\"").append(le)
                    .append("\"} ").append(cumulative).append('\n');
        }
        b.append("apiserver_request_duration_seconds_sum{").append(labels).append("} ")
                .append(h.sumMicros.sum() / 1e6).append('\n');
        b.append("apiserver_request_duration_seconds_count{").append(labels).append("} ").append(cumulative).append('\n');
    }
}
