package io.capj.apiserver.internal.controllers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apiserver.internal.registry.Registry;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.storage.KeyValue;
import io.capj.storage.Store;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Namespace lifecycle: a Terminating namespace has all its content deleted (finalizers honoured), then
 * its {@code kubernetes} spec finalizer removed, and then it goes away.
 */
public final class NamespaceController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NamespaceController.class);
    private static final String PREFIX = "/registry/namespaces/";

    private final StoredJson objects;
    private final Registry registry;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capj-namespace-controller");
        t.setDaemon(true);
        return t;
    });

    public NamespaceController(Store store, Registry registry, Clock clock) {
        this.objects = new StoredJson(store, registry, clock);
        this.registry = registry;
    }

    public void start() {
        loop.scheduleWithFixedDelay(this::syncAll, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void syncAll() {
        try {
            for (KeyValue kv : objects.store().list(PREFIX, null, 0, 0).items()) {
                ObjectNode ns = StoredJson.decode(kv);
                if (ObjectMeta.isDeleting(ns)) {
                    finalizeNamespace(kv.key(), ObjectMeta.name(ns));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("namespace sync failed", e);
        }
    }

    private void finalizeNamespace(String key, String namespace) {
        long remaining = 0;
        for (String prefix : namespacedPrefixes()) {
            String scope = prefix + namespace + "/";
            for (KeyValue kv : objects.store().list(scope, null, 0, 0).items()) {
                remaining++;
                objects.delete(kv.key(), false);
            }
        }
        if (remaining == 0) {
            objects.mutate(key, this::withoutSpecFinalizer);
        }
    }

    private ObjectNode withoutSpecFinalizer(ObjectNode ns) {
        if (!(ns.path("spec").path("finalizers") instanceof ArrayNode a) || a.isEmpty()) {
            return null;
        }
        for (int i = a.size() - 1; i >= 0; i--) {
            if (a.get(i).asText().equals("kubernetes")) {
                a.remove(i);
            }
        }
        return ns;
    }

    private Set<String> namespacedPrefixes() {
        Set<String> prefixes = new TreeSet<>();
        for (ResourceType t : registry.types()) {
            if (t.namespaced()) {
                prefixes.add(t.keyPrefix());
            }
        }
        return prefixes;
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
