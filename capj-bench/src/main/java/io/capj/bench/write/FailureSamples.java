package io.capj.bench.write;

import java.util.ArrayList;
import java.util.List;

/**
 * The first few failed creates, kept verbatim (status and the start of the body, or the exception) so a
 * run with errors says why; later ones are only counted by their client. Thread-safe.
 */
public final class FailureSamples {
    private final int limit;
    private final List<String> samples = new ArrayList<>();

    public FailureSamples(int limit) {
        this.limit = limit;
    }

    /** Keeps {@code description} when fewer than the limit are kept. */
    public synchronized void offer(String description) {
        if (samples.size() < limit) {
            samples.add(description);
        }
    }

    public synchronized List<String> samples() {
        return List.copyOf(samples);
    }
}
