package io.capj.apiserver.internal.registry;

import io.capj.apiserver.registry.ResourceDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The served resources: built-in kinds, registered once, and the versions of every established
 * CustomResourceDefinition, replaced whenever the CRD changes. Readers get immutable snapshots, so a
 * request sees one consistent set even while a CRD is being applied.
 */
public final class Registry {
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** An immutable view: resource types by group/version/resource and by CRD name. */
    private record Snapshot(Map<String, ResourceType> byPath, Map<String, List<ResourceType>> byCrd) {
    }

    private static String path(String group, String version, String resource) {
        return group + "/" + version + "/" + resource;
    }

    /** The type served at {@code group/version/resource}, or null. */
    public ResourceType lookup(String group, String version, String resource) {
        return snapshot.byPath.get(path(group, version, resource));
    }

    /** The type of {@code kind} in {@code group/version}, or null. */
    public ResourceType lookupKind(String group, String version, String kind) {
        for (ResourceType t : snapshot.byPath.values()) {
            ResourceDefinition d = t.definition();
            if (d.group().equals(group) && d.version().equals(version) && d.kind().equals(kind)) {
                return t;
            }
        }
        return null;
    }

    /** Every served resource version. */
    public Collection<ResourceType> types() {
        return snapshot.byPath.values();
    }

    public List<ResourceDefinition> definitions() {
        return snapshot.byPath.values().stream().map(ResourceType::definition).toList();
    }

    /** Serves built-in types (never removed). */
    public synchronized void registerBuiltins(List<ResourceType> types) {
        Map<String, ResourceType> byPath = new HashMap<>(snapshot.byPath);
        types.forEach(t -> byPath.put(key(t), t));
        publish(new Snapshot(Map.copyOf(byPath), snapshot.byCrd));
    }

    /** Serves exactly {@code types} for CRD {@code crdName}, replacing what it served before (empty removes it). */
    public synchronized void replaceCrd(String crdName, List<ResourceType> types) {
        Map<String, ResourceType> byPath = new HashMap<>(snapshot.byPath);
        Map<String, List<ResourceType>> byCrd = new HashMap<>(snapshot.byCrd);
        for (ResourceType old : byCrd.getOrDefault(crdName, List.of())) {
            byPath.remove(key(old));
        }
        if (types.isEmpty()) {
            byCrd.remove(crdName);
        } else {
            byCrd.put(crdName, List.copyOf(types));
            types.forEach(t -> byPath.put(key(t), t));
        }
        publish(new Snapshot(Map.copyOf(byPath), Map.copyOf(byCrd)));
    }

    /** The rules of whatever is stored under {@code key}, or {@link KindRules#NONE} for an unserved kind. */
    public KindRules rulesOfKey(String key) {
        ResourceType best = null;
        for (ResourceType t : snapshot.byPath.values()) {
            if (key.startsWith(t.keyPrefix()) && (best == null || t.keyPrefix().length() > best.keyPrefix().length())) {
                best = t;
            }
        }
        return best == null ? KindRules.NONE : best.rules();
    }

    /** The names of the CRDs served now. */
    public java.util.Set<String> crdNames() {
        return snapshot.byCrd.keySet();
    }

    /** The types a CRD serves now. */
    public List<ResourceType> crdTypes(String crdName) {
        return snapshot.byCrd.getOrDefault(crdName, List.of());
    }

    /** Called after every change (discovery and OpenAPI caches rebuild). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** All served versions sharing the storage of {@code type} (the same group and resource). */
    public List<ResourceType> versionsOf(ResourceType type) {
        List<ResourceType> out = new ArrayList<>();
        for (ResourceType t : snapshot.byPath.values()) {
            if (t.keyPrefix().equals(type.keyPrefix())) {
                out.add(t);
            }
        }
        return out;
    }

    private static String key(ResourceType t) {
        ResourceDefinition d = t.definition();
        return path(d.group(), d.version(), d.plural());
    }

    private void publish(Snapshot next) {
        snapshot = next;
        listeners.forEach(Runnable::run);
    }
}
