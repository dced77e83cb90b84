package io.capj.controlplane.kubeadm.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.capj.controlplane.kubeadm.KubeadmControlPlaneNames;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A read-only view of a v1beta2 KubeadmControlPlane's JSON with the defaults its webhook applies (replicas 1,
 * maxSurge 1, minHealthyPeriodSeconds 3600). Field paths follow upstream's {@code KubeadmControlPlaneSpec}.
 */
public record KubeadmControlPlaneView(JsonNode json) {

    public static KubeadmControlPlaneView of(JsonNode json) {
        return new KubeadmControlPlaneView(json);
    }

    public String name() {
        return json.at("/metadata/name").asText();
    }

    public String uid() {
        return json.at("/metadata/uid").asText();
    }

    public boolean hasAnnotation(String key) {
        return json.at("/metadata/annotations").has(key);
    }

    public Optional<String> annotation(String key) {
        JsonNode v = json.at("/metadata/annotations").get(key);
        return v == null || !v.isTextual() ? Optional.empty() : Optional.of(v.asText());
    }

    public boolean deleting() {
        return ControlPlaneMachine.instant(json.at("/metadata/deletionTimestamp")).isPresent();
    }

    /** {@code spec.replicas}, defaulted to 1. */
    public int replicas() {
        JsonNode r = json.at("/spec/replicas");
        return r.isIntegralNumber() ? r.asInt() : 1;
    }

    public String version() {
        return json.at("/spec/version").asText("");
    }

    /** {@code spec.machineTemplate.spec.infrastructureRef} {apiGroup, kind, name}. */
    public JsonNode infrastructureRef() {
        return json.at("/spec/machineTemplate/spec/infrastructureRef");
    }

    /** The infrastructure template's group kind as {@code Kind.group} (Go's {@code GroupKind.String()}). */
    public String infrastructureTemplateGroupKind() {
        String kind = infrastructureRef().path("kind").asText("");
        String group = infrastructureRef().path("apiGroup").asText("");
        return group.isEmpty() ? kind : kind + "." + group;
    }

    public String infrastructureTemplateName() {
        return infrastructureRef().path("name").asText("");
    }

    /** {@code spec.kubeadmConfigSpec}; a missing node when unset. */
    public JsonNode kubeadmConfigSpec() {
        JsonNode spec = json.at("/spec/kubeadmConfigSpec");
        return spec.isObject() ? spec : MissingNode.getInstance();
    }

    /** Upstream {@code IsEtcdManaged}: etcd is stacked unless {@code clusterConfiguration.etcd.external} is set. */
    public boolean etcdManaged() {
        JsonNode external = json.at("/spec/kubeadmConfigSpec/clusterConfiguration/etcd/external");
        return !(external.isObject() && !external.isEmpty());
    }

    /** {@code spec.rollout.after}. */
    public Optional<Instant> rolloutAfter() {
        return ControlPlaneMachine.instant(json.at("/spec/rollout/after"));
    }

    /** {@code spec.rollout.before.certificatesExpiryDays}; 0 when unset (it is otherwise at least 7). */
    public int certificatesExpiryDays() {
        return json.at("/spec/rollout/before/certificatesExpiryDays").asInt(0);
    }

    /** {@code spec.rollout.strategy.rollingUpdate.maxSurge}, validated to 0 or 1, defaulted to 1. */
    public int maxSurge() {
        JsonNode surge = json.at("/spec/rollout/strategy/rollingUpdate/maxSurge");
        if (surge.isIntegralNumber()) {
            return surge.asInt();
        }
        if (surge.isTextual()) {
            try {
                return Integer.parseInt(surge.asText().trim());
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }

    public OptionalInt maxRetry() {
        JsonNode v = json.at("/spec/remediation/maxRetry");
        return v.isIntegralNumber() ? OptionalInt.of(v.asInt()) : OptionalInt.empty();
    }

    /** {@code spec.remediation.retryPeriodSeconds}, 0 when unset. */
    public int retryPeriodSeconds() {
        return json.at("/spec/remediation/retryPeriodSeconds").asInt(0);
    }

    /** {@code spec.remediation.minHealthyPeriodSeconds}, defaulted to one hour. */
    public int minHealthyPeriodSeconds() {
        JsonNode v = json.at("/spec/remediation/minHealthyPeriodSeconds");
        return v.isIntegralNumber() ? v.asInt() : KubeadmControlPlaneNames.DefaultMinHealthyPeriodSeconds;
    }

    /** {@code status.initialization.controlPlaneInitialized}. */
    public boolean initialized() {
        return json.at("/status/initialization/controlPlaneInitialized").asBoolean(false);
    }

    /** Whether the KCP's CertificatesAvailable condition is True. */
    public boolean certificatesAvailable() {
        for (JsonNode c : json.at("/status/conditions")) {
            if (KubeadmControlPlaneNames.CertificatesAvailableCondition.equals(c.path("type").asText())) {
                return "True".equals(c.path("status").asText());
            }
        }
        return false;
    }
}
