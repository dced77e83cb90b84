package io.capj.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apiserver.registry.ResourceDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pre-aggregation discovery documents: {@code APIVersions}, {@code APIGroupList}, {@code APIGroup} and
 * {@code APIResourceList}. Like upstream, the core group's documents carry no {@code apiVersion} (kept for
 * release-1.1 compatibility) while the others say {@code v1}. Resource entries are sorted by name, so
 * subresources follow their resource.
 */
final class LegacyDiscovery {
    private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

    private LegacyDiscovery() {
    }

    static ObjectNode apiVersions(ApiIndex index, String serverAddress) {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIVersions");
        ArrayNode versions = doc.putArray("versions");
        index.core().ifPresent(core -> core.versions().forEach(v -> versions.add(v.version())));
        doc.putArray("serverAddressByClientCIDRs").addObject()
                .put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
        return doc;
    }

    static ObjectNode groupList(ApiIndex index) {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        index.groups().forEach(g -> groups.add(groupBody(Json.object(), g)));
        return doc;
    }

    static ObjectNode group(ApiIndex.Group group) {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIGroup").put("apiVersion", "v1");
        return groupBody(doc, group);
    }

    private static ObjectNode groupBody(ObjectNode doc, ApiIndex.Group group) {
        doc.put("name", group.name());
        ArrayNode versions = doc.putArray("versions");
        group.versions().forEach(v -> versions.add(versionRef(v)));
        doc.set("preferredVersion", versionRef(group.versions().get(0)));
        return doc;
    }

    private static ObjectNode versionRef(ApiIndex.GroupVersion v) {
        ObjectNode ref = Json.object();
        ref.put("groupVersion", v.groupVersion()).put("version", v.version());
        return ref;
    }

    static ObjectNode resourceList(ApiIndex index, ApiIndex.GroupVersion gv) {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIResourceList");
        if (!gv.group().isEmpty()) {
            doc.put("apiVersion", "v1");
        }
        doc.put("groupVersion", gv.groupVersion());
        List<ObjectNode> entries = new ArrayList<>();
        for (ResourceDefinition d : gv.resources()) {
            entries.add(resource(index, d));
            if (d.statusSubresource()) {
                entries.add(subresource(d, "status", null, null, SUBRESOURCE_VERBS));
            }
            if (d.scale() != null) {
                entries.add(subresource(d, "scale", "autoscaling", "Scale", SUBRESOURCE_VERBS));
            }
            if (d.evictionSubresource()) {
                entries.add(subresource(d, "eviction", "policy", "Eviction", List.of("create")));
            }
        }
        entries.sort(Comparator.comparing(e -> e.path("name").asText()));
        doc.putArray("resources").addAll(entries);
        return doc;
    }

    private static ObjectNode resource(ApiIndex index, ResourceDefinition d) {
        ObjectNode r = Json.object();
        r.put("name", d.plural()).put("singularName", d.singular() == null ? "" : d.singular());
        r.put("namespaced", d.namespaced()).put("kind", d.kind());
        strings(r, "verbs", d.verbs(), true);
        strings(r, "shortNames", d.shortNames(), false);
        strings(r, "categories", d.categories(), false);
        r.put("storageVersionHash", index.storageVersionHash(d));
        return r;
    }

    /**
     * A subresource entry; scale and eviction name their own group, version and kind (autoscaling/v1 Scale,
     * policy/v1 Eviction), status the resource's kind ({@code otherGroup} null).
     */
    private static ObjectNode subresource(ResourceDefinition d, String name, String otherGroup, String otherKind,
                                          List<String> verbs) {
        ObjectNode r = Json.object();
        r.put("name", d.plural() + "/" + name).put("singularName", "").put("namespaced", d.namespaced());
        if (otherGroup != null) {
            r.put("group", otherGroup).put("version", "v1").put("kind", otherKind);
        } else {
            r.put("kind", d.kind());
        }
        strings(r, "verbs", verbs, true);
        return r;
    }

    /** Upstream omits empty {@code shortNames}/{@code categories} but always sends {@code verbs}. */
    static void strings(ObjectNode target, String field, List<String> values, boolean always) {
        if (values != null && !values.isEmpty()) {
            values.forEach(target.putArray(field)::add);
        } else if (always) {
            target.putArray(field);
        }
    }
}
