package io.capj.apiserver.internal.controllers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.Times;
import io.capj.apiserver.internal.registry.Registry;
import io.capj.storage.KeyValue;
import io.capj.storage.RevisionConflictException;
import io.capj.storage.Store;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * The server's own controllers (garbage collector, namespace lifecycle, CRD cleanup, event TTL) edit
 * stored objects directly as JSON, below the API and its admission, with compare-and-swap retries.
 * They apply the same deletion rule as the API: a deleting object without finalizers is removed.
 */
final class StoredJson {
    private static final int ATTEMPTS = 10;

    private final Store store;
    private final Registry registry;
    private final Clock clock;

    StoredJson(Store store, Registry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    Store store() {
        return store;
    }

    static ObjectNode decode(KeyValue kv) {
        return (ObjectNode) Json.parse(kv.value());
    }

    /**
     * Only the object's {@code metadata} (as {@code {"metadata":{...}}}), read with a streaming parser that
     * skips everything else: the garbage collector looks at every write and needs nothing more.
     */
    static ObjectNode decodeMetadata(KeyValue kv) {
        ObjectNode out = Json.object();
        try (com.fasterxml.jackson.core.JsonParser p = Json.MAPPER.createParser(kv.value())) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("metadata")) {
                    out.set("metadata", p.readValueAsTree());
                    return out;
                }
                p.skipChildren();
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("stored object " + kv.key() + " is not JSON", e);
        }
    }

    /**
     * Applies {@code change} to the stored object at {@code key} until it sticks; {@code change} returns
     * null to leave the object alone. Returns false if the key is gone.
     */
    boolean mutate(String key, UnaryOperator<ObjectNode> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            KeyValue kv = store.get(key);
            if (kv == null) {
                return false;
            }
            ObjectNode next = change.apply(decode(kv));
            if (next == null) {
                return true;
            }
            try {
                if (ObjectMeta.isDeleting(next) && ObjectMeta.finalizers(next).isEmpty()
                        && !registry.rulesOfKey(key).holdsDeletion(next)) {
                    store.delete(key, kv.modRevision());
                } else {
                    store.update(key, kv.modRevision(), Json.bytes(next));
                }
                return true;
            } catch (RevisionConflictException e) {
                // someone else wrote first: read again and reapply
            }
        }
        return false;
    }

    /** Starts deleting the object at {@code key} as a Background (or Foreground) delete would. */
    void delete(String key, boolean foreground) {
        mutate(key, o -> {
            if (ObjectMeta.isDeleting(o) && !foreground) {
                return null;
            }
            java.util.List<String> finalizers = new java.util.ArrayList<>(ObjectMeta.finalizers(o));
            if (foreground && !finalizers.contains("foregroundDeletion")) {
                finalizers.add("foregroundDeletion");
                ObjectMeta.setFinalizers(o, finalizers);
            }
            if (!ObjectMeta.isDeleting(o)) {
                ObjectMeta.of(o).put("deletionTimestamp", Times.format(clock.instant()));
                ObjectMeta.of(o).put("deletionGracePeriodSeconds", 0);
                registry.rulesOfKey(key).onDeletionStarted(o);
            }
            return o;
        });
    }

    /** Removes one metadata finalizer. */
    void removeFinalizer(String key, String finalizer) {
        mutate(key, o -> {
            java.util.List<String> finalizers = new java.util.ArrayList<>(ObjectMeta.finalizers(o));
            if (!finalizers.remove(finalizer)) {
                return null;
            }
            ObjectMeta.setFinalizers(o, finalizers);
            return o;
        });
    }
}
