package io.capj.core.machinedeployment;

import io.capj.api.core.v1beta2.CoreAnnotations;
import java.util.Collection;
import java.util.List;

/**
 * Upstream's {@code mdutil} arithmetic for one MachineDeployment: resolved maxSurge and maxUnavailable, replica
 * sums over MachineSets, how far the new MachineSet may grow, and saturation.
 */
public final class RolloutMath {

    private RolloutMath() {
    }

    /** maxSurge for the deployment; 0 unless RollingUpdate. */
    public static int maxSurge(DeploymentView md) {
        if (!md.strategy().isRollingUpdate()) {
            return 0;
        }
        return fenceposts(md).maxSurge();
    }

    /** maxUnavailable for the deployment; 0 unless RollingUpdate with replicas, and never above replicas. */
    public static int maxUnavailable(DeploymentView md) {
        if (!md.strategy().isRollingUpdate() || md.replicas() == 0) {
            return 0;
        }
        return Math.min(fenceposts(md).maxUnavailable(), md.replicas());
    }

    /** The resolved bounds of a RollingUpdate deployment. */
    public static Fenceposts fenceposts(DeploymentView md) {
        return Fenceposts.resolve(md.strategy().maxSurge(), md.strategy().maxUnavailable(), md.replicas());
    }

    /** Sum of {@code spec.replicas}. */
    public static int replicas(Collection<MachineSetView> sets) {
        return sets.stream().mapToInt(MachineSetView::replicas).sum();
    }

    /** Sum of {@code status.availableReplicas}. */
    public static int availableReplicas(Collection<MachineSetView> sets) {
        return sets.stream().mapToInt(MachineSetView::availableReplicas).sum();
    }

    /**
     * The replicas the new MachineSet should have next, as upstream's {@code NewMSNewReplicas}: RollingUpdate
     * grows it up to {@code replicas + maxSurge} machines in total, OnDelete up to {@code replicas}; never
     * beyond the deployment's replicas.
     */
    public static int newMachineSetReplicas(DeploymentView md, List<MachineSetView> all, int newReplicas) {
        int current = all.stream().mapToInt(MachineSetView::surgeCount).sum();
        int maxTotal = md.replicas() + (md.strategy().isRollingUpdate() ? maxSurge(md) : 0);
        if (current >= maxTotal) {
            return newReplicas;
        }
        int scaleUp = Math.min(maxTotal - current, md.replicas() - newReplicas);
        return newReplicas + Math.max(scaleUp, 0);
    }

    /**
     * True when the new MachineSet alone serves the deployment: its replicas, desired-replicas annotation and
     * available replicas all equal the deployment's replicas.
     */
    public static boolean isSaturated(DeploymentView md, MachineSetView ms) {
        if (ms == null) {
            return false;
        }
        String desired = ms.annotations().get(CoreAnnotations.DesiredReplicasAnnotation);
        return ms.replicas() == md.replicas() && String.valueOf(md.replicas()).equals(desired)
                && ms.availableReplicas() == md.replicas();
    }
}
