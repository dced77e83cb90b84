package io.capj.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Reconcile metrics under controller-runtime's stable names, labelled by controller (and result) only so the
 * cardinality stays fixed however many objects exist, rendered in the Prometheus text format:
 * {@code controller_runtime_reconcile_total{controller,result}}, {@code controller_runtime_reconcile_errors_total},
 * {@code controller_runtime_reconcile_time_seconds}, {@code controller_runtime_active_workers} and
 * {@code workqueue_depth{name}}. One instance is shared by all controllers of a {@link Manager}.
 */
public final class ReconcileMetrics {
    /** Result labels, as controller-runtime names them. */
    public static final String SUCCESS = "success";
    public static final String ERROR = "error";
    public static final String REQUEUE = "requeue";
    public static final String REQUEUE_AFTER = "requeue_after";

    private static final double[] BUCKETS =
            {0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
                1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60};

    private record Outcome(String controller, String result) {
    }

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

    private final Map<Outcome, LongAdder> totals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, Histogram> durations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> activeWorkers = new ConcurrentHashMap<>();
    private final Map<String, IntSupplier> queueDepths = new ConcurrentHashMap<>();
    private final List<ReconcileObserver> observers = new CopyOnWriteArrayList<>();

    /** Sees every finished reconcile with its exact duration, for benchmarks that want exact percentiles. */
    @FunctionalInterface
    public interface ReconcileObserver {
        void reconciled(String controller, String result, long nanos);
    }

    /** Adds an observer of every finished reconcile; it runs on the worker thread, so it must be quick. */
    public void addObserver(ReconcileObserver observer) {
        observers.add(observer);
    }

    /** Records one finished reconcile of {@code controller} with one of the result labels above. */
    public void recordReconcile(String controller, String result, long nanos) {
        totals.computeIfAbsent(new Outcome(controller, result), o -> new LongAdder()).increment();
        if (ERROR.equals(result)) {
            errors.computeIfAbsent(controller, c -> new LongAdder()).increment();
        }
        durations.computeIfAbsent(controller, c -> new Histogram()).observe(nanos);
        for (ReconcileObserver observer : observers) {
            observer.reconciled(controller, result, nanos);
        }
    }

    /** Adds {@code delta} (+1 when a worker starts a reconcile, -1 when it ends) to the active workers. */
    public void addActiveWorkers(String controller, int delta) {
        activeWorkers.computeIfAbsent(controller, c -> new LongAdder()).add(delta);
    }

    /** Registers the live depth of a controller's queue, read at render time. */
    public void registerQueue(String name, IntSupplier depth) {
        queueDepths.put(name, depth);
    }

    /** Total reconciles of {@code controller} that ended with {@code result}. */
    public long reconcileTotal(String controller, String result) {
        LongAdder n = totals.get(new Outcome(controller, result));
        return n == null ? 0 : n.sum();
    }

    /** Total failed reconciles of {@code controller} (retried and terminal). */
    public long reconcileErrors(String controller) {
        LongAdder n = errors.get(controller);
        return n == null ? 0 : n.sum();
    }

    /** The Prometheus text exposition of every series. */
    public String render() {
        StringBuilder b = new StringBuilder();
        header(b, "controller_runtime_reconcile_total", "counter", "Total number of reconciliations per controller.");
        totals.forEach((o, n) -> b.append("controller_runtime_reconcile_total{controller=\"").append(o.controller())
                .append("\",result=\"").append(o.result()).append("\"} ").append(n.sum()).append('\n'));
        header(b, "controller_runtime_reconcile_errors_total", "counter", "Total number of reconciliation errors.");
        errors.forEach((c, n) -> sample(b, "controller_runtime_reconcile_errors_total", "controller", c, n.sum()));
        header(b, "controller_runtime_reconcile_time_seconds", "histogram", "Length of time per reconciliation.");
        durations.forEach((c, h) -> renderHistogram(b, c, h));
        header(b, "controller_runtime_active_workers", "gauge", "Number of currently used workers per controller.");
        activeWorkers.forEach((c, n) -> sample(b, "controller_runtime_active_workers", "controller", c, n.sum()));
        header(b, "workqueue_depth", "gauge", "Current depth of the workqueue.");
        queueDepths.forEach((q, d) -> sample(b, "workqueue_depth", "name", q, d.getAsInt()));
        return b.toString();
    }

    private static void header(StringBuilder b, String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder b, String name, String label, String value, long n) {
        b.append(name).append('{').append(label).append("=\"").append(value).append("\"} ").append(n).append('\n');
    }

    private static void renderHistogram(StringBuilder b, String controller, Histogram h) {
        String name = "controller_runtime_reconcile_time_seconds";
        String labels = "controller=\"" + controller + "\"";
        long cumulative = 0;
        for (int i = 0; i <= BUCKETS.length; i++) {
            cumulative += h.buckets.get(i);
            String le = i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf";
            b.append(name).append("_bucket{").append(labels).append(",le=\"").append(le).append("\"} ")
                    .append(cumulative).append('\n');
        }
        b.append(name).append("_sum{").append(labels).append("} ").append(h.sumMicros.sum() / 1e6).append('\n');
        b.append(name).append("_count{").append(labels).append("} ").append(cumulative).append('\n');
    }
}
