package io.capj.core;

import io.capj.api.core.v1beta2.ClusterConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.runtime.EventFilter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which Cluster updates concern the objects below it (Machines, MachineSets, bootstrap configs, infrastructure
 * machines), as upstream's Cluster predicates decide: its spec (generation), pausing, deletion, and the
 * infrastructure-provisioned and control-plane-initialized milestones. A Cluster writes its status on every
 * change of its workers; without this filter each such write would wake every object of the Cluster. The
 * facts are read straight from the informer's object, since this runs for every event of every Cluster.
 */
public final class ClusterChanges {
    private ClusterChanges() {
    }

    /** Passes creates, deletes, and the updates that change what descendants read from their Cluster. */
    public static EventFilter thatConcernDescendants() {
        return new EventFilter() {
            @Override
            public boolean update(HasMetadata oldObject, HasMetadata newObject) {
                return !facts(oldObject).equals(facts(newObject));
            }
        };
    }

    private static List<Object> facts(HasMetadata cluster) {
        Map<String, String> annotations = cluster.getMetadata().getAnnotations();
        boolean pausedAnnotation = annotations != null && annotations.containsKey(CoreAnnotations.PausedAnnotation);
        return Arrays.asList(cluster.getMetadata().getGeneration(), pausedAnnotation,
                cluster.getMetadata().getDeletionTimestamp(),
                field(cluster, "status", "initialization", "infrastructureProvisioned"),
                field(cluster, "status", "initialization", "controlPlaneInitialized"),
                initializedCondition(cluster));
    }

    private static Object initializedCondition(HasMetadata cluster) {
        Object conditions = field(cluster, "status", "conditions");
        if (conditions instanceof List<?> list) {
            for (Object condition : list) {
                if (condition instanceof Map<?, ?> c
                        && ClusterConditions.ClusterControlPlaneInitializedCondition.equals(c.get("type"))) {
                    return c.get("status");
                }
            }
        }
        return null;
    }

    /** A field of a generic object's body (what core's informers hold), null when absent. */
    static Object field(HasMetadata object, Object... path) {
        return object instanceof GenericKubernetesResource generic ? generic.get(path) : null;
    }
}
