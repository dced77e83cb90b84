package io.capj.core.machinedeployment;

import java.util.Objects;

/**
 * What rollout math needs from a MachineDeployment: desired {@code spec.replicas}, the strategy, and
 * {@code status.replicas} (used by proportional scaling when a MachineSet has no max-replicas annotation).
 */
public record DeploymentView(String name, int replicas, RolloutStrategy strategy, int statusReplicas) {

    public DeploymentView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
    }

    public DeploymentView withReplicas(int value) {
        return new DeploymentView(name, value, strategy, statusReplicas);
    }
}
