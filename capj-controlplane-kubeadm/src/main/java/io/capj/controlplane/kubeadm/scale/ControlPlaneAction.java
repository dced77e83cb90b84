package io.capj.controlplane.kubeadm.scale;

import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The one Machine operation a KCP pass performs, as decided by {@link ControlPlaneOperation}. */
public sealed interface ControlPlaneAction {

    /**
     * Create one Machine in {@code failureDomain} (empty: none); {@code initialize} is true for the first
     * Machine, which runs kubeadm init rather than join.
     */
    record ScaleUp(Optional<String> failureDomain, boolean initialize) implements ControlPlaneAction {
    }

    /**
     * Delete {@code machine} (after moving etcd leadership away from it); {@code rollout} is true when this is a
     * rollout step rather than a plain scale down.
     */
    record ScaleDown(ControlPlaneMachine machine, boolean rollout) implements ControlPlaneAction {
    }

    /** Nothing may happen yet; {@code messages} say why (preflight's condition lines), retry after the delay. */
    record Wait(List<String> messages, Duration requeueAfter, PreflightResult preflight) implements ControlPlaneAction {
    }

    /** The control plane has the desired number of up-to-date Machines. */
    record None() implements ControlPlaneAction {
    }
}
