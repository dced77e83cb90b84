package io.capj.core;

import io.capj.api.core.v1beta2.ClusterConditions;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.runtime.EventFilter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which Cluster updates concern the objects below it (Machines, MachineSets, bootstrap configs, infrastructure
 * machines), as upstream's Cluster predicates decide: its spec (generation), pausing, deletion, and the
 * infrastructure-provisioned and control-plane-initialized milestones. A Cluster writes its status on every
 * change of its workers; without this filter each such write would wake every object of the Cluster.
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
        ClusterView view = ClusterView.of(Trees.of(cluster));
        Map<String, String> annotations = cluster.getMetadata().getAnnotations();
        boolean pausedAnnotation = annotations != null && annotations.containsKey(CoreAnnotations.PausedAnnotation);
        String initializedCondition = view.status().condition(ClusterConditions.ClusterControlPlaneInitializedCondition)
                .map(Condition::status).orElse("");
        return List.of(Objects.requireNonNullElse(cluster.getMetadata().getGeneration(), 0L), pausedAnnotation,
                Objects.requireNonNullElse(cluster.getMetadata().getDeletionTimestamp(), ""),
                view.status().infrastructureProvisioned(), view.status().controlPlaneInitialized(),
                initializedCondition);
    }
}
