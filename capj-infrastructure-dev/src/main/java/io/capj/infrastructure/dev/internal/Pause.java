package io.capj.infrastructure.dev.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.runtime.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;

/**
 * The pause rule of the provider contract: an object is paused when its Cluster has {@code spec.paused} or
 * the paused annotation, or when the object itself carries the paused annotation. Reported as the
 * {@code Paused} condition.
 */
public final class Pause {
    private Pause() {
    }

    /** Why {@code object} (of {@code kind}) is paused, if it is. */
    public static Optional<String> reason(JsonNode cluster, JsonNode object, String kind) {
        if (cluster != null && ClusterView.of(cluster).spec().paused()) {
            return Optional.of("Cluster spec.paused is set to true");
        }
        if (cluster != null && cluster.at("/metadata/annotations").has(CoreAnnotations.PausedAnnotation)) {
            return Optional.of("Cluster has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        if (object.at("/metadata/annotations").has(CoreAnnotations.PausedAnnotation)) {
            return Optional.of(kind + " has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        return Optional.empty();
    }

    /** Sets the Paused condition from {@code reason}. */
    public static void setCondition(List<Condition> conditions, Optional<String> reason, long generation) {
        Conditions.set(conditions, reason.isPresent()
                ? Conditions.of(CommonConditions.PausedCondition, Conditions.TRUE, CommonConditions.PausedReason,
                        reason.get())
                : Conditions.of(CommonConditions.PausedCondition, Conditions.FALSE, CommonConditions.NotPausedReason,
                        ""), generation);
    }
}
