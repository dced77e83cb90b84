package io.capj.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How objects point at their Cluster: an ownerReference to the Cluster (matched by group, kind and name, as
 * upstream's {@code IsOwnedByObject}) and the {@code cluster.x-k8s.io/cluster-name} label. Also the request
 * mappers that turn a change of such an object into a reconcile of its Cluster.
 */
final class ClusterOwnership {
    static final String CLUSTER_KIND = "Cluster";

    private ClusterOwnership() {
    }

    /** Whether {@code object} has an ownerReference to the Cluster named {@code clusterName}. */
    static boolean isOwnedBy(JsonNode object, String clusterName) {
        return ObjectMeta.ownerReferences(object).stream().anyMatch(ref -> refersToCluster(ref, clusterName));
    }

    /** Whether no ownerReference of {@code object} is a controller reference. */
    static boolean hasNoController(JsonNode object) {
        return ObjectMeta.ownerReferences(object).stream().noneMatch(ref -> ref.path("controller").asBoolean(false));
    }

    /**
     * The ownerReferences {@code object} should carry: its own, with the reference to {@code cluster} added
     * or replaced (a controller reference when the Cluster has a topology, as upstream).
     */
    static ArrayNode ownerReferencesWith(JsonNode object, JsonNode cluster, boolean controller) {
        ArrayNode refs = Json.NODES.arrayNode();
        ObjectNode desired = Json.object().put("apiVersion", CoreGroup.API_VERSION).put("kind", CLUSTER_KIND)
                .put("name", ObjectMeta.name(cluster)).put("uid", ObjectMeta.uid(cluster)).put("controller", controller);
        boolean replaced = false;
        for (JsonNode ref : ObjectMeta.ownerReferences(object)) {
            if (refersToCluster(ref, ObjectMeta.name(cluster))) {
                refs.add(desired);
                replaced = true;
            } else {
                refs.add(ref);
            }
        }
        if (!replaced) {
            refs.add(desired);
        }
        return refs;
    }

    /** Whether {@code object} already has exactly the reference {@link #ownerReferencesWith} would write. */
    static boolean hasExactOwnerReference(JsonNode object, JsonNode cluster, boolean controller) {
        return ObjectMeta.ownerReferences(object).stream().anyMatch(ref ->
                CoreGroup.API_VERSION.equals(ref.path("apiVersion").asText())
                        && CLUSTER_KIND.equals(ref.path("kind").asText())
                        && ObjectMeta.name(cluster).equals(ref.path("name").asText())
                        && ObjectMeta.uid(cluster).equals(ref.path("uid").asText())
                        && ref.path("controller").asBoolean(false) == controller);
    }

    static boolean hasClusterNameLabel(JsonNode object, String clusterName) {
        return clusterName.equals(ObjectMeta.labels(object).get(CoreLabels.ClusterNameLabel));
    }

    /** The Cluster named by an object's cluster-name label. */
    static List<Request> byClusterNameLabel(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String cluster = labels == null ? null : labels.get(CoreLabels.ClusterNameLabel);
        return cluster == null || cluster.isEmpty() ? List.of()
                : List.of(new Request(object.getMetadata().getNamespace(), cluster));
    }

    /** The Clusters a provider object points at, by ownerReference or by cluster-name label. */
    static Set<Request> byOwnerOrLabel(HasMetadata object) {
        Set<Request> requests = new LinkedHashSet<>(byClusterNameLabel(object));
        List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
        if (refs != null) {
            for (OwnerReference ref : refs) {
                if (CLUSTER_KIND.equals(ref.getKind()) && CoreGroup.NAME.equals(group(ref.getApiVersion()))) {
                    requests.add(new Request(object.getMetadata().getNamespace(), ref.getName()));
                }
            }
        }
        return requests;
    }

    private static boolean refersToCluster(JsonNode ref, String clusterName) {
        return CLUSTER_KIND.equals(ref.path("kind").asText())
                && CoreGroup.NAME.equals(group(ref.path("apiVersion").asText()))
                && Objects.equals(clusterName, ref.path("name").asText());
    }

    private static String group(String apiVersion) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
