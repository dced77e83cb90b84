package io.capj.bench.write;

import io.capj.bench.write.LoadWindow.Admission;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;

/**
 * One closed-loop client: creates objects back to back (the next create is sent when the previous one is
 * answered, no think time) until the {@link LoadWindow} says stop, timing each request with
 * {@link System#nanoTime()} from just before {@code send} to the complete response. Only 201 is a success.
 * Everything it records is its own (histogram, counters) and read by the load only after it ended.
 */
final class CreateClient implements Runnable {
    private final int id;
    private final PlaneClient client;
    private final String collectionPath;
    private final CreateBodies bodies;
    private final CountDownLatch startGate;
    private final FailureSamples failures;
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile LoadWindow window;
    private long sequence;
    private long measuredCreates;
    private long measuredErrors;
    private long totalCreated;
    private long totalErrors;
    private long lastMeasuredCompletion;

    CreateClient(int id, PlaneClient client, String collectionPath, CreateBodies bodies, CountDownLatch startGate,
                 FailureSamples failures) {
        this.id = id;
        this.client = client;
        this.collectionPath = collectionPath;
        this.bodies = bodies;
        this.startGate = startGate;
        this.failures = failures;
    }

    /** Set before the start gate opens. */
    void window(LoadWindow window) {
        this.window = window;
    }

    @Override
    public void run() {
        try {
            startGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LoadWindow w = window;
        while (!Thread.currentThread().isInterrupted()) {
            Admission admission = w.admit(System.nanoTime());
            if (admission == Admission.STOP) {
                return;
            }
            createOne(w, admission);
        }
    }

    private void createOne(LoadWindow w, Admission admission) {
        HttpRequest request = client.post(collectionPath, bodies.body(CreateBodies.name(id, sequence++)));
        String failure = null;
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = client.http().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                failure = "HTTP " + response.statusCode() + ": " + PlaneClient.abbreviate(response.body());
            }
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        long ended = System.nanoTime();
        account(w.measured(admission, ended), failure, ended - began, ended);
    }

    private void account(boolean measured, String failure, long nanos, long ended) {
        if (failure == null) {
            totalCreated++;
        } else {
            totalErrors++;
            failures.offer("client " + id + ": " + failure);
        }
        if (!measured) {
            return;
        }
        lastMeasuredCompletion = Math.max(lastMeasuredCompletion, ended);
        if (failure == null) {
            measuredCreates++;
            latency.record(nanos);
        } else {
            measuredErrors++;
        }
    }

    LatencyHistogram latency() {
        return latency;
    }

    long measuredCreates() {
        return measuredCreates;
    }

    long measuredErrors() {
        return measuredErrors;
    }

    long totalCreated() {
        return totalCreated;
    }

    long totalErrors() {
        return totalErrors;
    }

    long lastMeasuredCompletion() {
        return lastMeasuredCompletion;
    }
}
