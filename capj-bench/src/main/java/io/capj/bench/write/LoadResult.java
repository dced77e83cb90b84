package io.capj.bench.write;

import java.util.List;

/**
 * What one load run did. The {@code measured*} figures and {@code latency} cover the measured window only
 * ({@link LoadWindow}); {@code totalCreated} and {@code totalErrors} cover everything the clients sent,
 * warmup included, and are what the store and the watcher must account for.
 *
 * @param clients         concurrent clients
 * @param windowSeconds   length of the measured window
 * @param measuredCreates creates answered 201 in the window
 * @param measuredErrors  creates answered otherwise, or failed, in the window
 * @param latency         request latency of the measured successful creates
 * @param totalCreated    all creates answered 201
 * @param totalErrors     all failed creates
 * @param firstFailures   the first few failures, verbatim
 * @param usage           process CPU and GC over the measured window
 */
public record LoadResult(int clients, double windowSeconds, long measuredCreates, long measuredErrors,
                         LatencyHistogram latency, long totalCreated, long totalErrors, List<String> firstFailures,
                         ProcessCounters.Usage usage) {

    public double createsPerSecond() {
        return windowSeconds <= 0 ? 0 : measuredCreates / windowSeconds;
    }
}
