package io.capj.controlplane.kubeadm.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link Preflight} (upstream's {@code PreflightCheckResults} plus the errors it logs and the
 * requeue delay). {@link #conditionMessages()} are the bullet lines upstream appends to the ScalingUp/ScalingDown
 * condition messages ("... is blocked because:").
 */
public record PreflightResult(Optional<String> pendingTopologyVersion, boolean hasDeletingMachine,
                              boolean certificateMissing, boolean controlPlaneComponentsNotHealthy,
                              boolean etcdClusterNotHealthy, List<String> errors, Duration requeueAfter) {

    /** Requeue after a failed check (upstream {@code preflightFailedRequeueAfter}). */
    public static final Duration FAILED_REQUEUE = Duration.ofSeconds(15);
    /** Requeue while a Machine is deleting (upstream {@code deleteRequeueAfter}). */
    public static final Duration DELETE_REQUEUE = Duration.ofSeconds(30);

    public static PreflightResult pass() {
        return new PreflightResult(Optional.empty(), false, false, false, false, List.of(), Duration.ZERO);
    }

    public boolean passed() {
        return requeueAfter.isZero();
    }

    /** Upstream {@code getPreflightMessages}, in its order. */
    public List<String> conditionMessages() {
        List<String> messages = new ArrayList<>();
        pendingTopologyVersion.ifPresent(v -> messages.add("* waiting for a version upgrade to " + v + " to be propagated"));
        if (hasDeletingMachine) {
            messages.add("* waiting for a control plane Machine to complete deletion");
        }
        if (certificateMissing) {
            messages.add("* cluster certificates are missing or unknown");
        }
        if (controlPlaneComponentsNotHealthy) {
            messages.add("* waiting for control plane components to become healthy");
        }
        if (etcdClusterNotHealthy) {
            messages.add("* waiting for etcd cluster to become healthy");
        }
        return messages;
    }
}
