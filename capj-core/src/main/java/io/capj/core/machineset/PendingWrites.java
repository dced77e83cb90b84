package io.capj.core.machineset;

import io.capj.core.CoreKinds;
import io.capj.runtime.Cache;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Machine writes a MachineSet made that the shared cache has not shown yet, as upstream's
 * {@code DeferNextReconcileUntilCacheUpToDate}: without it a pass right after a scale-up could read a cache
 * missing the new Machines and create them again. A write is seen once the cache holds the Machine at (at
 * least) the written resourceVersion, or, for a deletion, once the Machine is gone or deleting. Writes not seen
 * within {@link #PATIENCE} are forgotten, so a lost event cannot block a set forever.
 */
final class PendingWrites {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private record Write(String machine, long resourceVersion, boolean deletion, Instant at) {
    }

    private final Map<Request, List<Write>> pending = new ConcurrentHashMap<>();

    /** Records that {@code machine} was created or updated to {@code resourceVersion}. */
    void written(Request machineSet, String machine, String resourceVersion) {
        add(machineSet, new Write(machine, parse(resourceVersion), false, Instant.now()));
    }

    /** Records that {@code machine} was deleted. */
    void deleted(Request machineSet, String machine) {
        add(machineSet, new Write(machine, 0, true, Instant.now()));
    }

    /** Whether the cache shows every write made for {@code machineSet}; forgets the ones it shows. */
    boolean seen(Request machineSet, Cache cache) {
        List<Write> writes = pending.get(machineSet);
        if (writes == null) {
            return true;
        }
        synchronized (writes) {
            writes.removeIf(w -> isSeen(machineSet.namespace(), w, cache)
                    || w.at().plus(PATIENCE).isBefore(Instant.now()));
            if (writes.isEmpty()) {
                pending.remove(machineSet, writes);
                return true;
            }
            return false;
        }
    }

    /** Drops everything recorded for {@code machineSet} (it is gone). */
    void forget(Request machineSet) {
        pending.remove(machineSet);
    }

    private void add(Request machineSet, Write write) {
        List<Write> writes = pending.computeIfAbsent(machineSet, k -> new ArrayList<>());
        synchronized (writes) {
            writes.add(write);
        }
    }

    private static boolean isSeen(String namespace, Write write, Cache cache) {
        Optional<GenericKubernetesResource> cached = cache.get(CoreKinds.MACHINE, namespace, write.machine());
        if (write.deletion()) {
            return cached.isEmpty() || cached.get().getMetadata().getDeletionTimestamp() != null;
        }
        return cached.isPresent() && parse(cached.get().getMetadata().getResourceVersion()) >= write.resourceVersion();
    }

    private static long parse(String resourceVersion) {
        try {
            return Long.parseLong(resourceVersion);
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
