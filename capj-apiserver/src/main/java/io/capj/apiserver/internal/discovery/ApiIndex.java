package io.capj.apiserver.internal.discovery;

import io.capj.apiserver.registry.ResourceDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The served resources of a snapshot arranged as discovery presents them: groups in priority order, each with its
 * versions in preference order, each with its resources sorted by plural name. The core group ({@code ""}) is kept
 * apart because it is served under {@code /api}.
 */
final class ApiIndex {

    /** One served group-version and its resources. */
    record GroupVersion(String group, String version, List<ResourceDefinition> resources) {
        /** {@code v1} for the core group, {@code group/version} otherwise. */
        String groupVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    /** One group; {@code versions.get(0)} is the preferred version. */
    record Group(String name, List<GroupVersion> versions) {
    }

    private final Group core;
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, ResourceDefinition> storage = new HashMap<>();

    ApiIndex(Collection<ResourceDefinition> definitions) {
        Map<String, Map<String, Map<String, ResourceDefinition>>> byGroup = new TreeMap<>(VersionPriority.GROUPS);
        for (ResourceDefinition d : definitions) {
            byGroup.computeIfAbsent(d.group(), g -> new TreeMap<>(VersionPriority.VERSIONS))
                    .computeIfAbsent(d.version(), v -> new TreeMap<>())
                    .putIfAbsent(d.plural(), d);
            if (d.storageVersion()) {
                storage.putIfAbsent(d.group() + "/" + d.plural(), d);
            }
        }
        Group coreGroup = null;
        for (var g : byGroup.entrySet()) {
            List<GroupVersion> versions = new ArrayList<>();
            g.getValue().forEach((v, resources) ->
                    versions.add(new GroupVersion(g.getKey(), v, List.copyOf(resources.values()))));
            Group group = new Group(g.getKey(), List.copyOf(versions));
            if (g.getKey().isEmpty()) {
                coreGroup = group;
            } else {
                groups.add(group);
            }
        }
        this.core = coreGroup;
    }

    /** The core group, if any core resource is served. */
    Optional<Group> core() {
        return Optional.ofNullable(core);
    }

    /** The named groups, in discovery order. */
    List<Group> groups() {
        return groups;
    }

    Optional<Group> group(String name) {
        if (name.isEmpty()) {
            return core();
        }
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    Optional<GroupVersion> groupVersion(String group, String version) {
        return group(group).flatMap(g -> g.versions().stream().filter(v -> v.version().equals(version)).findFirst());
    }

    /** Every served group-version, core first. */
    List<GroupVersion> allGroupVersions() {
        List<GroupVersion> all = new ArrayList<>();
        core().ifPresent(c -> all.addAll(c.versions()));
        groups.forEach(g -> all.addAll(g.versions()));
        return all;
    }

    /** The hash of the version this resource is stored in (the same for all its served versions). */
    String storageVersionHash(ResourceDefinition d) {
        ResourceDefinition stored = storage.getOrDefault(d.group() + "/" + d.plural(), d);
        return StorageVersionHash.of(stored.group(), stored.version(), stored.kind());
    }
}
