package io.capj.apiserver.internal.controllers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.Times;
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
    private final Clock clock;

    StoredJson(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Store store() {
        return store;
    }

    static ObjectNode decode(KeyValue kv) {
        return (ObjectNode) Json.parse(kv.value());
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
                if (ObjectMeta.isDeleting(next) && ObjectMeta.finalizers(next).isEmpty() && !holdsDeletion(next)) {
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
                if (isNamespace(key)) {
                    o.withObjectProperty("status").put("phase", "Terminating");
                }
            }
            return o;
        });
    }

    private static boolean isNamespace(String key) {
        return key.startsWith("/registry/namespaces/");
    }

    private static boolean holdsDeletion(ObjectNode o) {
        return "Namespace".equals(o.path("kind").asText()) && o.path("apiVersion").asText().equals("v1")
                && o.path("spec").path("finalizers").size() > 0;
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
