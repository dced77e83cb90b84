package io.capj.api.controlplane.kubeadm.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.MachineSetView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A read-only typed view of a KubeadmControlPlane's JSON. The kubeadm configuration and Machine template
 * metadata are returned as JSON, since controllers copy them into KubeadmConfigs and Machines; maxSurge is
 * returned as written (int or percentage) and as the Machine count the controller uses. Absent fields read as
 * empty, false or zero. Object metadata (name, uid, annotations, deletion) is read with
 * {@link io.capj.apimachinery.ObjectMeta}.
 */
public record KubeadmControlPlaneView(JsonNode json) {
    /** The only rollout strategy. */
    public static final String ROLLING_UPDATE = "RollingUpdate";
    /** Upstream's {@code maxSurge} when unset. */
    public static final int DEFAULT_MAX_SURGE = 1;

    public static KubeadmControlPlaneView of(JsonNode json) {
        return new KubeadmControlPlaneView(json);
    }

    /** {@code spec.replicas}; empty only before defaulting. */
    public OptionalInt replicas() {
        return integer(json.at("/spec/replicas"));
    }

    /** {@code spec.version}, the desired Kubernetes version. */
    public String version() {
        return json.at("/spec/version").asText();
    }

    /** {@code spec.kubeadmConfigSpec} as JSON (missing when unset). */
    public JsonNode kubeadmConfigSpec() {
        return json.at("/spec/kubeadmConfigSpec");
    }

    /** Whether {@code clusterConfiguration.etcd.external} is set; with it, even replica counts are allowed. */
    public boolean externalEtcd() {
        return json.at("/spec/kubeadmConfigSpec/clusterConfiguration/etcd/external").size() > 0;
    }

    /** {@code spec.machineTemplate.metadata} (labels and annotations) as JSON. */
    public JsonNode machineTemplateMetadata() {
        return json.at("/spec/machineTemplate/metadata");
    }

    /** {@code spec.machineTemplate.spec.infrastructureRef}. */
    public Optional<ContractRef> infrastructureRef() {
        return ContractRef.from(json.at("/spec/machineTemplate/spec/infrastructureRef"));
    }

    /**
     * The infrastructure template's group kind as {@code Kind.group} ({@code Kind} alone without a group), the
     * form of Go's {@code GroupKind.String()} that the {@code cluster.x-k8s.io/cloned-from-groupkind} annotation
     * carries; empty when the reference is unset.
     */
    public String infrastructureTemplateGroupKind() {
        return infrastructureRef()
                .map(ref -> ref.apiGroup().isEmpty() ? ref.kind() : ref.kind() + "." + ref.apiGroup())
                .orElse("");
    }

    /** {@code spec.machineTemplate.spec.readinessGates} as JSON. */
    public JsonNode readinessGates() {
        return json.at("/spec/machineTemplate/spec/readinessGates");
    }

    /** {@code spec.machineTemplate.spec.taints} as JSON. */
    public JsonNode taints() {
        return json.at("/spec/machineTemplate/spec/taints");
    }

    public OptionalInt nodeDrainTimeoutSeconds() {
        return integer(json.at("/spec/machineTemplate/spec/deletion/nodeDrainTimeoutSeconds"));
    }

    public OptionalInt nodeVolumeDetachTimeoutSeconds() {
        return integer(json.at("/spec/machineTemplate/spec/deletion/nodeVolumeDetachTimeoutSeconds"));
    }

    public OptionalInt nodeDeletionTimeoutSeconds() {
        return integer(json.at("/spec/machineTemplate/spec/deletion/nodeDeletionTimeoutSeconds"));
    }

    /** {@code rollout.strategy.rollingUpdate.maxSurge} as written; missing if unset. */
    public JsonNode maxSurge() {
        return json.at("/spec/rollout/strategy/rollingUpdate/maxSurge");
    }

    /**
     * {@code rollout.strategy.rollingUpdate.maxSurge} as a Machine count: an int or numeric string as written,
     * else upstream's default of 1 (also for a percentage, which the webhook rejects).
     */
    public int maxSurgeCount() {
        JsonNode surge = maxSurge();
        if (surge.isIntegralNumber()) {
            return surge.asInt();
        }
        if (surge.isTextual()) {
            try {
                return Integer.parseInt(surge.asText().trim());
            } catch (NumberFormatException e) {
                return DEFAULT_MAX_SURGE;
            }
        }
        return DEFAULT_MAX_SURGE;
    }

    /** {@code rollout.before.certificatesExpiryDays}: roll out Machines whose certificates expire sooner. */
    public OptionalInt rolloutBeforeCertificatesExpiryDays() {
        return integer(json.at("/spec/rollout/before/certificatesExpiryDays"));
    }

    /**
     * {@code rollout.after}: Machines created before this time are rolled out once it passes. Empty when unset
     * or not an RFC 3339 time.
     */
    public Optional<Instant> rolloutAfter() {
        return text(json.at("/spec/rollout/after")).flatMap(KubeadmControlPlaneView::instant);
    }

    public OptionalInt remediationMaxRetry() {
        return integer(json.at("/spec/remediation/maxRetry"));
    }

    public OptionalInt remediationRetryPeriodSeconds() {
        return integer(json.at("/spec/remediation/retryPeriodSeconds"));
    }

    /** {@code remediation.minHealthyPeriodSeconds}, or upstream's default of one hour. */
    public int remediationMinHealthyPeriodSeconds() {
        return integer(json.at("/spec/remediation/minHealthyPeriodSeconds"))
                .orElse(KubeadmControlPlaneAnnotations.DefaultMinHealthyPeriodSeconds);
    }

    /** {@code machineNaming.template}, or upstream's {@code {{ .kubeadmControlPlane.name }}-{{ .random }}}. */
    public String machineNamingTemplate() {
        return text(json.at("/spec/machineNaming/template"))
                .orElse(KubeadmControlPlaneAnnotations.DefaultMachineNamingTemplate);
    }

    public Status status() {
        return new Status(json.path("status"));
    }

    /** {@code KubeadmControlPlaneStatus}. */
    public record Status(JsonNode json) {
        /** {@code initialization.controlPlaneInitialized}: the control plane accepts requests. */
        public boolean controlPlaneInitialized() {
            return json.at("/initialization/controlPlaneInitialized").asBoolean(false);
        }

        /** The label selector as a string, for the scale subresource. */
        public String selector() {
            return json.path("selector").asText();
        }

        /** replicas, readyReplicas, availableReplicas and upToDateReplicas, read as for MachineSets. */
        public MachineSetView.ReplicaStatus counters() {
            return new MachineSetView.ReplicaStatus(json);
        }

        /** The lowest Kubernetes version among the control-plane Machines. */
        public Optional<String> version() {
            return text(json.path("version"));
        }

        public long observedGeneration() {
            return json.path("observedGeneration").asLong();
        }

        /** {@code lastRemediation}, or empty if no Machine was remediated yet. */
        public Optional<LastRemediation> lastRemediation() {
            JsonNode last = json.path("lastRemediation");
            return last.isObject() ? Optional.of(new LastRemediation(last.path("machine").asText(),
                    last.path("time").asText(), last.path("retryCount").asInt(0))) : Optional.empty();
        }

        public List<Condition> conditions() {
            return Condition.all(json);
        }

        public Optional<Condition> condition(String type) {
            return Condition.find(json, type);
        }

        /** Whether the CertificatesAvailable condition is True (false when absent): Machines may join. */
        public boolean certificatesAvailable() {
            return condition(KubeadmControlPlaneConditions.KubeadmControlPlaneCertificatesAvailableCondition)
                    .map(Condition::isTrue).orElse(false);
        }
    }

    /** The last remediated Machine, when (RFC 3339) and how many retries its sequence has seen. */
    public record LastRemediation(String machine, String time, int retryCount) {
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<Instant> instant(String rfc3339) {
        try {
            return Optional.of(OffsetDateTime.parse(rfc3339).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static OptionalInt integer(JsonNode node) {
        return node.isIntegralNumber() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }
}
