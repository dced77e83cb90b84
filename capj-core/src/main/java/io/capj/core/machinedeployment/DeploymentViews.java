package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.MachineDeploymentView;

/** Turns a MachineDeployment's JSON into the {@link DeploymentView} the rollout math works on. */
final class DeploymentViews {

    private DeploymentViews() {
    }

    /** The rollout view of {@code md}; a missing {@code spec.replicas} (never after defaulting) reads as 0. */
    static DeploymentView of(JsonNode md) {
        MachineDeploymentView view = MachineDeploymentView.of(md);
        RolloutStrategy strategy = MachineDeploymentView.ON_DELETE.equals(view.strategyType())
                ? RolloutStrategy.onDelete()
                : RolloutStrategy.rollingUpdate(intOrPercent(view.maxSurge()), intOrPercent(view.maxUnavailable()));
        return new DeploymentView(MachineSetJson.name(md), view.replicas().orElse(0), strategy,
                view.status().replicas());
    }

    /** An int-or-string bound; null (the strategy's default) when unset. */
    static IntOrPercent intOrPercent(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isNumber() ? IntOrPercent.of(value.asInt()) : IntOrPercent.of(value.asText());
    }
}
