package io.capj.apiserver.internal.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apiserver.internal.registry.Registry;
import io.capj.storage.KeyValue;
import io.capj.storage.Store;
import io.capj.storage.Watch;
import io.capj.storage.WatchEvent;
import io.capj.storage.WatchListener;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's garbage collector for ownerReferences, over every stored object: dependents whose owners
 * are all gone are deleted (Background); an owner deleting with {@code foregroundDeletion} first deletes
 * its dependents and keeps its finalizer until no blocking dependent is left; an owner deleting with
 * {@code orphan} first removes itself from its dependents' ownerReferences.
 */
public final class GarbageCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);
    private static final String ORPHAN = "orphan";
    private static final String FOREGROUND = "foregroundDeletion";

    private final StoredJson objects;
    private final Registry registry;
    private final OwnerIndex index = new OwnerIndex();
    private final LinkedBlockingQueue<Item> events = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;
    private Watch watch;
    private int generation;

    /** A batch from the watch of {@code generation}, or (events null) a request to list and watch afresh. */
    private record Item(int generation, List<WatchEvent> events) {
    }

    public GarbageCollector(Store store, Registry registry, java.time.Clock clock) {
        this.objects = new StoredJson(store, registry, clock);
        this.registry = registry;
        this.worker = new Thread(this::run, "capj-garbage-collector");
        this.worker.setDaemon(true);
    }

    public void start() {
        worker.start();
        events.add(new Item(0, null));
    }

    private void run() {
        while (running) {
            try {
                Item item = events.poll(1, TimeUnit.SECONDS);
                if (item == null || item.generation() != generation) {
                    continue;
                }
                if (item.events() == null) {
                    resync();
                } else {
                    item.events().forEach(this::observe);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("garbage collection step failed", e);
            }
        }
    }

    /**
     * Rebuilds the owner index from a fresh list and follows changes from its revision, then collects what
     * changed unseen. Runs at start and whenever the watch ends (e.g. it fell behind compaction); batches of
     * an earlier watch still queued are dropped by their generation.
     */
    private void resync() {
        if (watch != null) {
            watch.close();
        }
        int current = ++generation;
        index.clear();
        Store store = objects.store();
        Store.ListPage all = store.list("/registry/", null, 0, 0);
        for (KeyValue kv : all.items()) {
            index.put(kv.key(), StoredJson.decodeMetadata(kv));
        }
        watch = store.watch("/registry/", all.revision(), new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> batch) {
                events.add(new Item(current, batch));
            }

            @Override
            public void onClosed(Throwable error) {
                if (running) {
                    LOG.info("garbage collector watch ended, relisting error={}", String.valueOf(error));
                    events.add(new Item(current, null));
                }
            }
        });
        sweepOrphans();
    }

    private void observe(WatchEvent e) {
        String key = e.kv().key();
        if (e.type() == WatchEvent.Type.DELETE) {
            String uid = index.uidOf(key);
            List<OwnerIndex.OwnerRef> owners = index.owners(key);
            index.remove(key);
            if (uid != null) {
                ownerGone(uid);
            }
            owners.forEach(o -> recheckOwner(o.uid()));
            return;
        }
        ObjectNode object = StoredJson.decodeMetadata(e.kv());
        index.put(key, object);
        if (ObjectMeta.isDeleting(object)) {
            ownerDeleting(key, object);
        }
        if (!index.owners(key).isEmpty()) {
            collectIfOrphaned(key);
        }
    }

    /** At start, dependents whose owners vanished while the server was down. */
    private void sweepOrphans() {
        for (String key : index.keysWithOwners()) {
            collectIfOrphaned(key);
        }
    }

    private void ownerGone(String ownerUid) {
        for (String dep : index.dependents(ownerUid)) {
            collectIfOrphaned(dep);
        }
    }

    /**
     * Deletes a dependent whose owners are all absent; drops references to absent owners otherwise. As upstream,
     * whose collector cannot map an owner of a type the server does not serve, a dependent with such an absent
     * owner (a Pod of a DaemonSet in a workload cluster without apps/v1) is left alone.
     */
    private void collectIfOrphaned(String key) {
        List<OwnerIndex.OwnerRef> owners = index.owners(key);
        if (owners.stream().anyMatch(o -> !index.exists(o.uid()) && !served(o))) {
            return;
        }
        long live = owners.stream().filter(o -> index.exists(o.uid())).count();
        if (live == 0) {
            objects.delete(key, false);
        } else if (live < owners.size()) {
            objects.mutate(key, o -> withoutOwners(o, owners.stream().map(OwnerIndex.OwnerRef::uid)
                    .filter(u -> !index.exists(u)).toList()));
        }
    }

    private boolean served(OwnerIndex.OwnerRef owner) {
        int slash = owner.apiVersion().indexOf('/');
        String group = slash < 0 ? "" : owner.apiVersion().substring(0, slash);
        String version = owner.apiVersion().substring(slash + 1);
        return registry.lookupKind(group, version, owner.kind()) != null;
    }

    /** A dependent went away: an owner waiting in foreground deletion may now finish. */
    private void recheckOwner(String ownerUid) {
        String ownerKey = index.keyOf(ownerUid);
        KeyValue kv = ownerKey == null ? null : objects.store().get(ownerKey);
        if (kv != null) {
            ObjectNode owner = StoredJson.decode(kv);
            if (ObjectMeta.isDeleting(owner)) {
                ownerDeleting(ownerKey, owner);
            }
        }
    }

    private void ownerDeleting(String key, ObjectNode owner) {
        List<String> finalizers = ObjectMeta.finalizers(owner);
        String uid = ObjectMeta.uid(owner);
        if (finalizers.contains(ORPHAN)) {
            for (String dep : index.dependents(uid)) {
                objects.mutate(dep, o -> withoutOwners(o, List.of(uid)));
            }
            objects.removeFinalizer(key, ORPHAN);
        } else if (finalizers.contains(FOREGROUND)) {
            for (String dep : index.dependents(uid)) {
                objects.delete(dep, true);
            }
            if (!index.hasBlockingDependents(uid)) {
                objects.removeFinalizer(key, FOREGROUND);
            }
        }
    }

    private static ObjectNode withoutOwners(ObjectNode object, List<String> uids) {
        JsonNode refs = object.path("metadata").path("ownerReferences");
        if (!(refs instanceof ArrayNode array)) {
            return null;
        }
        boolean changed = false;
        for (int i = array.size() - 1; i >= 0; i--) {
            if (uids.contains(array.get(i).path("uid").asText())) {
                array.remove(i);
                changed = true;
            }
        }
        if (array.isEmpty()) {
            ObjectMeta.of(object).remove("ownerReferences");
        }
        return changed ? object : null;
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        if (watch != null) {
            watch.close();
        }
    }
}
