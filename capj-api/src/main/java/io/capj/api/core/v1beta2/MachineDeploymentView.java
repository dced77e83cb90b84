package io.capj.api.core.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A read-only typed view of a MachineDeployment's JSON. Int-or-string fields (maxSurge, maxUnavailable,
 * maxInFlight) are returned as JSON so callers apply upstream's rounding themselves. Absent fields read as
 * empty, false or zero.
 */
public record MachineDeploymentView(JsonNode json) {
    /** The rollout strategy upstream uses when none is set. */
    public static final String ROLLING_UPDATE = "RollingUpdate";
    /** Replace Machines only as users delete them. */
    public static final String ON_DELETE = "OnDelete";

    public static MachineDeploymentView of(JsonNode json) {
        return new MachineDeploymentView(json);
    }

    public String clusterName() {
        return json.at("/spec/clusterName").asText();
    }

    public OptionalInt replicas() {
        return MachineView.integer(json.at("/spec/replicas"));
    }

    public boolean paused() {
        return json.at("/spec/paused").asBoolean(false);
    }

    public JsonNode selector() {
        return json.at("/spec/selector");
    }

    public JsonNode templateMetadata() {
        return json.at("/spec/template/metadata");
    }

    public MachineView.Spec template() {
        return new MachineView.Spec(json.at("/spec/template/spec"));
    }

    /** RollingUpdate or OnDelete. */
    public String strategyType() {
        return MachineView.text(json.at("/spec/rollout/strategy/type")).orElse(ROLLING_UPDATE);
    }

    /** {@code rollout.strategy.rollingUpdate.maxSurge} as written (int or percentage); missing if unset. */
    public JsonNode maxSurge() {
        return json.at("/spec/rollout/strategy/rollingUpdate/maxSurge");
    }

    /** {@code rollout.strategy.rollingUpdate.maxUnavailable} as written; missing if unset. */
    public JsonNode maxUnavailable() {
        return json.at("/spec/rollout/strategy/rollingUpdate/maxUnavailable");
    }

    /** {@code rollout.after}: Machines created before this time are rolled out once it passes. */
    public Optional<String> rolloutAfter() {
        return MachineView.text(json.at("/spec/rollout/after"));
    }

    /** {@code remediation.maxInFlight} as written; missing if unset. */
    public JsonNode remediationMaxInFlight() {
        return json.at("/spec/remediation/maxInFlight");
    }

    public String deletionOrder() {
        return MachineView.text(json.at("/spec/deletion/order")).orElse(MachineSetView.DEFAULT_DELETION_ORDER);
    }

    public MachineSetView.ReplicaStatus status() {
        return new MachineSetView.ReplicaStatus(json.path("status"));
    }
}
