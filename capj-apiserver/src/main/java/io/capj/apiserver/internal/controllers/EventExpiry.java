package io.capj.apiserver.internal.controllers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.ObjectMeta;
import io.capj.storage.KeyValue;
import io.capj.storage.RevisionConflictException;
import io.capj.storage.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes core Events older than the event TTL (upstream's {@code --event-ttl}, one hour by default). */
public final class EventExpiry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventExpiry.class);
    private static final String PREFIX = "/registry/events/";

    private final Store store;
    private final Clock clock;
    private final Duration ttl;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capj-event-expiry");
        t.setDaemon(true);
        return t;
    });

    public EventExpiry(Store store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    public void start() {
        loop.scheduleWithFixedDelay(this::expire, 10, 60, TimeUnit.SECONDS);
    }

    void expire() {
        try {
            Instant cutoff = clock.instant().minus(ttl);
            for (KeyValue kv : store.list(PREFIX, null, 0, 0).items()) {
                ObjectNode event = StoredJson.decode(kv);
                String last = event.path("lastTimestamp").asText(ObjectMeta.text(event, "creationTimestamp"));
                if (!last.isEmpty() && Instant.parse(last).isBefore(cutoff)) {
                    deleteQuietly(kv);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("event expiry failed", e);
        }
    }

    private void deleteQuietly(KeyValue kv) {
        try {
            store.delete(kv.key(), kv.modRevision());
        } catch (RevisionConflictException e) {
            // updated meanwhile: it gets a new chance at the next sweep
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
