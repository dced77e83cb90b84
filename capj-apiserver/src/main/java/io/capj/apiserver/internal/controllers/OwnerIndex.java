package io.capj.apiserver.internal.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.ObjectMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who owns whom, by uid, over every stored object: the garbage collector's view of the object graph.
 * Not thread-safe; the collector's single thread owns it.
 */
final class OwnerIndex {
    /** One owner reference of a dependent, with the owner's type as the reference names it. */
    record OwnerRef(String uid, boolean blocksOwnerDeletion, String apiVersion, String kind) {
    }

    private final Map<String, String> keyByUid = new HashMap<>();
    private final Map<String, String> uidByKey = new HashMap<>();
    private final Map<String, List<OwnerRef>> ownersByKey = new HashMap<>();
    private final Map<String, Set<String>> dependentsByOwner = new HashMap<>();

    void put(String key, ObjectNode object) {
        remove(key);
        String uid = ObjectMeta.uid(object);
        keyByUid.put(uid, key);
        uidByKey.put(key, uid);
        List<OwnerRef> owners = new ArrayList<>();
        for (JsonNode ref : ObjectMeta.ownerReferences(object)) {
            String ownerUid = ref.path("uid").asText();
            owners.add(new OwnerRef(ownerUid, ref.path("blockOwnerDeletion").asBoolean(false),
                    ref.path("apiVersion").asText(""), ref.path("kind").asText("")));
            dependentsByOwner.computeIfAbsent(ownerUid, u -> new HashSet<>()).add(key);
        }
        if (!owners.isEmpty()) {
            ownersByKey.put(key, owners);
        }
    }

    void clear() {
        keyByUid.clear();
        uidByKey.clear();
        ownersByKey.clear();
        dependentsByOwner.clear();
    }

    void remove(String key) {
        String uid = uidByKey.remove(key);
        if (uid != null && key.equals(keyByUid.get(uid))) {
            keyByUid.remove(uid);
        }
        List<OwnerRef> owners = ownersByKey.remove(key);
        if (owners != null) {
            for (OwnerRef o : owners) {
                Set<String> deps = dependentsByOwner.get(o.uid());
                if (deps != null) {
                    deps.remove(key);
                    if (deps.isEmpty()) {
                        dependentsByOwner.remove(o.uid());
                    }
                }
            }
        }
    }

    boolean exists(String uid) {
        return keyByUid.containsKey(uid);
    }

    String keyOf(String uid) {
        return keyByUid.get(uid);
    }

    String uidOf(String key) {
        return uidByKey.get(key);
    }

    List<String> dependents(String ownerUid) {
        return new ArrayList<>(dependentsByOwner.getOrDefault(ownerUid, Set.of()));
    }

    List<OwnerRef> owners(String key) {
        return ownersByKey.getOrDefault(key, List.of());
    }

    /** Keys of objects with at least one owner, for the startup sweep. */
    List<String> keysWithOwners() {
        return new ArrayList<>(ownersByKey.keySet());
    }

    /** True if a live dependent of {@code ownerUid} blocks the owner's foreground deletion. */
    boolean hasBlockingDependents(String ownerUid) {
        for (String dep : dependentsByOwner.getOrDefault(ownerUid, Set.of())) {
            for (OwnerRef ref : ownersByKey.getOrDefault(dep, List.of())) {
                if (ref.uid().equals(ownerUid) && ref.blocksOwnerDeletion()) {
                    return true;
                }
            }
        }
        return false;
    }
}
