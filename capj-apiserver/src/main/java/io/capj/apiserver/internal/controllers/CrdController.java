package io.capj.apiserver.internal.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.Times;
import io.capj.apiserver.internal.registry.CrdTypes;
import io.capj.apiserver.internal.registry.Registry;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apimachinery.admission.AdmissionHooks;
import io.capj.storage.KeyValue;
import io.capj.storage.Store;
import io.capj.storage.Watch;
import io.capj.storage.WatchEvent;
import io.capj.storage.WatchListener;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves what CustomResourceDefinitions declare: registers their versions (at startup, on every change,
 * and synchronously from the write path via {@link #register}), keeps their status conditions
 * (NamesAccepted, Established), acceptedNames and storedVersions, and on deletion removes every custom
 * resource before letting the CRD go.
 */
public final class CrdController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrdController.class);
    private static final String PREFIX = "/registry/apiextensions.k8s.io/customresourcedefinitions/";
    private static final String CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

    private final StoredJson objects;
    private final Registry registry;
    private final Clock clock;
    private final AdmissionHooks hooks;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capj-crd-controller");
        t.setDaemon(true);
        return t;
    });
    private volatile Watch watch;

    public CrdController(Store store, Registry registry, Clock clock, AdmissionHooks hooks) {
        this.objects = new StoredJson(store, registry, clock);
        this.registry = registry;
        this.clock = clock;
        this.hooks = hooks;
    }

    /**
     * Registers every stored CRD before the server takes requests, then follows changes; lists and watches
     * afresh whenever the watch ends (e.g. it fell behind compaction).
     */
    public void start() {
        if (watch != null) {
            watch.close();
        }
        Store.ListPage all = objects.store().list(PREFIX, null, 0, 0);
        java.util.Set<String> stored = new java.util.HashSet<>();
        for (KeyValue kv : all.items()) {
            ObjectNode crd = StoredJson.decode(kv);
            stored.add(ObjectMeta.name(crd));
            register(crd);
            loop.execute(() -> sync(kv.key()));
        }
        for (String served : registry.crdNames()) {
            if (!stored.contains(served)) {
                registry.replaceCrd(served, List.of()); // deleted while we were not watching
            }
        }
        watch = objects.store().watch(PREFIX, all.revision(), new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events) {
                for (WatchEvent e : events) {
                    String key = e.kv().key();
                    if (e.type() == WatchEvent.Type.DELETE) {
                        registry.replaceCrd(ObjectMeta.name(StoredJson.decode(e.kv())), List.of());
                    } else {
                        loop.execute(() -> sync(key));
                    }
                }
            }

            @Override
            public void onClosed(Throwable error) {
                if (!loop.isShutdown()) {
                    LOG.info("CustomResourceDefinition watch ended, relisting error={}", String.valueOf(error));
                    loop.execute(CrdController.this::start);
                }
            }
        });
    }

    /** Serves the CRD's versions now (a CRD that fails to compile keeps serving what it served before). */
    public void register(JsonNode crd) {
        if (ObjectMeta.isDeleting(crd)) {
            return;
        }
        try {
            registry.replaceCrd(ObjectMeta.name(crd), CrdTypes.from(crd, hooks));
        } catch (RuntimeException e) {
            LOG.warn("cannot serve CustomResourceDefinition name={}", ObjectMeta.name(crd), e);
        }
    }

    private void sync(String key) {
        try {
            KeyValue kv = objects.store().get(key);
            if (kv == null) {
                return;
            }
            ObjectNode crd = StoredJson.decode(kv);
            if (ObjectMeta.isDeleting(crd)) {
                cleanup(key, crd);
                return;
            }
            register(crd);
            objects.mutate(key, this::withStatus);
        } catch (RuntimeException e) {
            LOG.warn("CustomResourceDefinition sync failed key={}", key, e);
        }
    }

    /** Deletes the CRD's custom resources; once none is left, releases the CRD. */
    private void cleanup(String key, ObjectNode crd) {
        List<ResourceType> types = registry.crdTypes(ObjectMeta.name(crd));
        String prefix = types.isEmpty() ? null : types.get(0).keyPrefix();
        long remaining = 0;
        if (prefix != null) {
            for (KeyValue kv : objects.store().list(prefix, null, 0, 0).items()) {
                remaining++;
                objects.delete(kv.key(), false);
            }
        }
        if (remaining == 0) {
            registry.replaceCrd(ObjectMeta.name(crd), List.of());
            objects.removeFinalizer(key, CLEANUP_FINALIZER);
        } else {
            loop.schedule(() -> sync(key), 200, TimeUnit.MILLISECONDS);
        }
    }

    private ObjectNode withStatus(ObjectNode crd) {
        ObjectNode desired = crd.deepCopy();
        ObjectNode status = desired.withObjectProperty("status");
        status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
        status.set("storedVersions", storedVersions(crd));
        ArrayNode conditions = status.putArray("conditions");
        condition(conditions, crd, "NamesAccepted", "NoConflicts", "no conflicts found");
        condition(conditions, crd, "Established", "InitialNamesAccepted", "the initial names have been accepted");
        return desired.equals(crd) ? null : desired;
    }

    private ArrayNode storedVersions(ObjectNode crd) {
        Set<String> versions = new LinkedHashSet<>();
        crd.path("status").path("storedVersions").forEach(v -> versions.add(v.asText()));
        crd.path("spec").path("versions").forEach(v -> {
            if (v.path("storage").asBoolean(false)) {
                versions.add(v.path("name").asText());
            }
        });
        ArrayNode out = io.capj.apimachinery.Json.MAPPER.createArrayNode();
        versions.forEach(out::add);
        return out;
    }

    /** Keeps an existing condition's transition time so repeated syncs change nothing. */
    private void condition(ArrayNode conditions, ObjectNode crd, String type, String reason, String message) {
        String since = Times.format(clock.instant());
        for (JsonNode c : crd.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type) && c.path("status").asText().equals("True")) {
                since = c.path("lastTransitionTime").asText(since);
            }
        }
        conditions.addObject().put("type", type).put("status", "True").put("lastTransitionTime", since)
                .put("reason", reason).put("message", message);
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        loop.shutdownNow();
    }
}
