package io.capj.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apiserver.registry.ResourceDefinition;
import java.util.List;

/**
 * {@code APIGroupDiscoveryList}: every group, version and resource in one document, replacing the per-version
 * calls. {@code /api} holds the core group as a single unnamed item, {@code /apis} all other groups. Versions are
 * in preference order and resources sorted by name; status, scale and eviction appear as subresources of their resource.
 */
final class AggregatedDiscovery {
    private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

    private AggregatedDiscovery() {
    }

    static ObjectNode list(List<ApiIndex.Group> groups, DiscoveryFormat format) {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIGroupDiscoveryList").put("apiVersion", format.apiVersion());
        doc.putObject("metadata");
        ArrayNode items = doc.putArray("items");
        for (ApiIndex.Group g : groups) {
            ObjectNode item = items.addObject();
            item.putObject("metadata").put("name", g.name());
            ArrayNode versions = item.putArray("versions");
            for (ApiIndex.GroupVersion v : g.versions()) {
                ObjectNode version = versions.addObject();
                version.put("version", v.version());
                ArrayNode resources = version.putArray("resources");
                v.resources().forEach(d -> resources.add(resource(d)));
                version.put("freshness", "Current");
            }
        }
        return doc;
    }

    private static ObjectNode resource(ResourceDefinition d) {
        ObjectNode r = Json.object();
        r.put("resource", d.plural());
        r.set("responseKind", kind(d.group(), d.version(), d.kind()));
        r.put("scope", d.namespaced() ? "Namespaced" : "Cluster");
        r.put("singularResource", d.singular() == null ? "" : d.singular());
        LegacyDiscovery.strings(r, "verbs", d.verbs(), true);
        LegacyDiscovery.strings(r, "shortNames", d.shortNames(), false);
        LegacyDiscovery.strings(r, "categories", d.categories(), false);
        if (d.statusSubresource() || d.scale() != null || d.evictionSubresource()) {
            ArrayNode subresources = r.putArray("subresources");
            ObjectNode status = d.statusSubresource()
                    ? subresource("status", kind(d.group(), d.version(), d.kind()), SUBRESOURCE_VERBS) : null;
            ObjectNode scale = d.scale() != null
                    ? subresource("scale", kind("autoscaling", "v1", "Scale"), SUBRESOURCE_VERBS) : null;
            ObjectNode eviction = d.evictionSubresource()
                    ? subresource("eviction", kind("policy", "v1", "Eviction"), List.of("create")) : null;
            // Built-in kinds list subresources by name; the CRD discovery controller adds status before scale.
            for (ObjectNode s : d.builtin() ? new ObjectNode[] {eviction, scale, status}
                    : new ObjectNode[] {status, scale}) {
                if (s != null) {
                    subresources.add(s);
                }
            }
        }
        return r;
    }

    private static ObjectNode subresource(String name, ObjectNode responseKind, List<String> verbs) {
        ObjectNode s = Json.object();
        s.put("subresource", name);
        s.set("responseKind", responseKind);
        LegacyDiscovery.strings(s, "verbs", verbs, true);
        return s;
    }

    private static ObjectNode kind(String group, String version, String kind) {
        ObjectNode k = Json.object();
        k.put("group", group).put("version", version).put("kind", kind);
        return k;
    }
}
