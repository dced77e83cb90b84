package io.capj.core.machinedeployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The MachineSet writes of each MachineDeployment that the cache has not shown yet (upstream defers the next
 * reconcile until the cache is up to date, for the same reason): planning from a cache that misses a MachineSet
 * just created would create a second one, and planning from a stale {@code spec.replicas} could exceed
 * maxSurge. A create is seen once the name is cached, an update once the cached resourceVersion differs from
 * the one written over, a delete once the name is gone or marked deleted. Entries expire, so a write that
 * someone else undid before the cache saw it cannot block a deployment forever.
 */
final class MachineSetExpectations {
    private static final Duration EXPIRY = Duration.ofSeconds(30);

    private record Expectation(Kind kind, String previousVersion, Instant at) {
    }

    private enum Kind { CREATED, UPDATED, DELETED }

    private final Map<String, Map<String, Expectation>> pending = new ConcurrentHashMap<>();

    void created(String deployment, String machineSet) {
        put(deployment, machineSet, new Expectation(Kind.CREATED, "", Instant.now()));
    }

    void updated(String deployment, String machineSet, String previousResourceVersion) {
        put(deployment, machineSet, new Expectation(Kind.UPDATED, previousResourceVersion, Instant.now()));
    }

    void deleted(String deployment, String machineSet) {
        put(deployment, machineSet, new Expectation(Kind.DELETED, "", Instant.now()));
    }

    /** Drops what the cache (read through {@code lookup}) has caught up with; true when nothing is pending. */
    boolean satisfied(String deployment, Function<String, Optional<GenericKubernetesResource>> lookup) {
        Map<String, Expectation> byName = pending.get(deployment);
        if (byName == null) {
            return true;
        }
        Instant now = Instant.now();
        byName.entrySet().removeIf(e -> seen(e.getValue(), lookup.apply(e.getKey()))
                || e.getValue().at().plus(EXPIRY).isBefore(now));
        if (byName.isEmpty()) {
            pending.remove(deployment);
            return true;
        }
        return false;
    }

    void forget(String deployment) {
        pending.remove(deployment);
    }

    private void put(String deployment, String machineSet, Expectation expectation) {
        pending.computeIfAbsent(deployment, k -> new ConcurrentHashMap<>()).put(machineSet, expectation);
    }

    private static boolean seen(Expectation expectation, Optional<GenericKubernetesResource> cached) {
        return switch (expectation.kind()) {
            case CREATED -> cached.isPresent();
            case UPDATED -> cached.isEmpty()
                    || !expectation.previousVersion().equals(cached.get().getMetadata().getResourceVersion());
            case DELETED -> cached.isEmpty() || cached.get().getMetadata().getDeletionTimestamp() != null;
        };
    }
}
