package io.capj.core.machinedeployment;

import io.capj.api.core.v1beta2.CoreAnnotations;
import java.util.OptionalInt;

/**
 * The {@code desired-replicas} and {@code max-replicas} annotations a MachineDeployment stamps on its
 * MachineSets: the deployment's replicas and replicas plus maxSurge at the time. Proportional scaling reads
 * max-replicas back to know what size a MachineSet was scaled against.
 */
public final class ReplicasAnnotations {

    private ReplicasAnnotations() {
    }

    /** The desired-replicas value for {@code md}. */
    public static int desiredReplicas(DeploymentView md) {
        return md.replicas();
    }

    /** The max-replicas value for {@code md}: replicas plus maxSurge. */
    public static int maxReplicas(DeploymentView md) {
        return md.replicas() + RolloutMath.maxSurge(md);
    }

    /** True when either annotation on {@code ms} differs from what {@code md} wants. */
    public static boolean needUpdate(MachineSetView ms, DeploymentView md) {
        return !String.valueOf(desiredReplicas(md)).equals(ms.annotations().get(CoreAnnotations.DesiredReplicasAnnotation))
                || !String.valueOf(maxReplicas(md)).equals(ms.annotations().get(CoreAnnotations.MaxReplicasAnnotation));
    }

    /** {@code ms} with both annotations set for {@code md}. */
    public static MachineSetView apply(MachineSetView ms, DeploymentView md) {
        return ms.withAnnotation(CoreAnnotations.DesiredReplicasAnnotation, String.valueOf(desiredReplicas(md)))
                .withAnnotation(CoreAnnotations.MaxReplicasAnnotation, String.valueOf(maxReplicas(md)));
    }

    /** The max-replicas annotation of {@code ms}, empty when absent or not a number. */
    public static OptionalInt maxReplicasOf(MachineSetView ms) {
        String value = ms.annotations().get(CoreAnnotations.MaxReplicasAnnotation);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
