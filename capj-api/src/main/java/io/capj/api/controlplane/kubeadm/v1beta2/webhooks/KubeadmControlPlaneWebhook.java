package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.bootstrap.kubeadm.v1beta2.webhooks.KubeadmConfigSpecRules;
import io.capj.api.core.v1beta2.webhooks.SemanticVersions;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.ArrayList;
import java.util.List;

/**
 * KubeadmControlPlane's webhook. Defaults: one replica, a {@code v} before the version, and the RollingUpdate
 * strategy with maxSurge 1 (the only strategy, so its type is always set). Validation on create and update:
 * positive replicas, odd unless etcd is external, the Machine template's infrastructure reference, taints and
 * metadata, a semantic version, {@link ControlPlaneSpecRules}, {@link ClusterConfigurationRules} and
 * {@link KubeadmConfigSpecRules} on {@code kubeadmConfigSpec}. On update also {@link MutableFields},
 * {@link VersionUpgrades} and {@link CoreDnsMigrations}. Scale requests reach this webhook as updates, which
 * covers upstream's scale validator.
 */
public final class KubeadmControlPlaneWebhook implements AdmissionHook {
    static final String KCS = "spec.kubeadmConfigSpec";
    static final String CLUSTER_CONFIGURATION = KCS + ".clusterConfiguration";
    private final boolean ignitionFormat;

    /** @param ignitionFormat whether the KubeadmBootstrapFormatIgnition feature gate is on (upstream: off) */
    public KubeadmControlPlaneWebhook(boolean ignitionFormat) {
        this.ignitionFormat = ignitionFormat;
    }

    @Override
    public void applyDefaults(ObjectNode kcp, JsonNode old) {
        if (!(kcp.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        if (!spec.hasNonNull("replicas")) {
            spec.put("replicas", 1);
        }
        String version = spec.path("version").asText();
        if (!version.startsWith("v")) {
            spec.put("version", "v" + version);
        }
        ObjectNode strategy = child(child(spec, "rollout"), "strategy");
        strategy.put("type", ControlPlaneSpecRules.ROLLING_UPDATE);
        ObjectNode rollingUpdate = child(strategy, "rollingUpdate");
        if (!rollingUpdate.hasNonNull("maxSurge")) {
            rollingUpdate.put("maxSurge", 1);
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode kcp) {
        JsonNode spec = kcp.path("spec");
        List<FieldError> errs = validateSpec(spec);
        errs.addAll(ClusterConfigurationRules.validate(null, clusterConfiguration(kcp), CLUSTER_CONFIGURATION));
        errs.addAll(KubeadmConfigSpecRules.validate(spec.path("kubeadmConfigSpec"), KCS, true, ignitionFormat));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode kcp, JsonNode old) {
        JsonNode spec = kcp.path("spec");
        List<FieldError> errs = validateSpec(spec);
        errs.addAll(MutableFields.validate(old, kcp));
        errs.addAll(VersionUpgrades.validate(old.at("/spec/version").asText(), spec.path("version").asText()));
        errs.addAll(ClusterConfigurationRules.validate(clusterConfiguration(old), clusterConfiguration(kcp),
                CLUSTER_CONFIGURATION));
        errs.addAll(CoreDnsMigrations.validate(old, kcp));
        errs.addAll(KubeadmConfigSpecRules.validate(spec.path("kubeadmConfigSpec"), KCS, true, ignitionFormat));
        return errs;
    }

    /** Upstream's {@code validateKubeadmControlPlaneSpec}. */
    private static List<FieldError> validateSpec(JsonNode spec) {
        List<FieldError> errs = new ArrayList<>(replicas(spec));
        errs.addAll(infrastructureRef(spec.at("/machineTemplate/spec/infrastructureRef")));
        errs.addAll(ControlPlaneSpecRules.machineTemplate(spec, "spec"));
        errs.addAll(SemanticVersions.validate("spec.version", spec.path("version").asText(),
                "must be a valid semantic version"));
        Integer replicas = spec.path("replicas").isIntegralNumber() ? spec.path("replicas").asInt() : null;
        errs.addAll(ControlPlaneSpecRules.rolloutAndCertificateValidity(spec, replicas, "spec"));
        errs.addAll(ControlPlaneSpecRules.naming(spec, "spec"));
        return errs;
    }

    private static List<FieldError> replicas(JsonNode spec) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode replicas = spec.path("replicas");
        if (!replicas.isIntegralNumber()) {
            errs.add(FieldError.required("spec.replicas", "is required"));
            return errs;
        }
        if (replicas.asInt() <= 0) {
            errs.add(FieldError.forbidden("spec.replicas", "cannot be less than or equal to 0"));
        }
        boolean externalEtcd = spec.at("/kubeadmConfigSpec/clusterConfiguration/etcd/external").size() > 0;
        if (!externalEtcd && replicas.asInt() % 2 == 0) {
            errs.add(FieldError.forbidden("spec.replicas", "cannot be an even number when etcd is stacked"));
        }
        return errs;
    }

    /** The schema requires these; upstream checks them again, on its own (shorter) paths. */
    private static List<FieldError> infrastructureRef(JsonNode ref) {
        List<FieldError> errs = new ArrayList<>();
        for (String field : List.of("apiGroup", "kind", "name")) {
            if (ref.path(field).asText().isEmpty()) {
                errs.add(FieldError.invalid("spec.machineTemplate.infrastructure." + field, "", "cannot be empty"));
            }
        }
        return errs;
    }

    private static JsonNode clusterConfiguration(JsonNode kcp) {
        return kcp.at("/spec/kubeadmConfigSpec/clusterConfiguration");
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode c ? c : parent.putObject(name);
    }
}
