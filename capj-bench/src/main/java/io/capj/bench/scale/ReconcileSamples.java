package io.capj.bench.scale;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Exact reconcile durations per controller, as {@code ReconcileMetrics} observers report them. */
final class ReconcileSamples {
    private final Map<String, LongSamples> samples = new ConcurrentHashMap<>();

    void add(String controller, String result, long nanos) {
        samples.computeIfAbsent(controller, c -> new LongSamples()).add(nanos);
    }

    void clear() {
        samples.clear();
    }

    Map<String, long[]> byController() {
        Map<String, long[]> copy = new TreeMap<>();
        samples.forEach((controller, s) -> copy.put(controller, s.toArray()));
        return copy;
    }
}
