package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.bootstrap.kubeadm.v1beta2.webhooks.KubeadmConfigSpecRules;
import io.capj.api.core.v1beta2.webhooks.MetadataRules;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * KubeadmControlPlaneTemplate's validating webhook (no defaults). Create: {@link ControlPlaneSpecRules},
 * {@link ClusterConfigurationRules} and {@link KubeadmConfigSpecRules} on {@code spec.template.spec}, and
 * valid {@code spec.template.metadata}. Update: {@code spec.template.spec} is immutable, once both sides have
 * the defaults older Cluster API versions wrote ({@link PreviousDefaults}) and a strategy left unset where the
 * old default (RollingUpdate, maxSurge 1) was stored counts as unchanged.
 */
public final class KubeadmControlPlaneTemplateWebhook implements AdmissionHook {
    static final String SPEC = "spec.template.spec";
    private final boolean ignitionFormat;

    /** @param ignitionFormat whether the KubeadmBootstrapFormatIgnition feature gate is on (upstream: off) */
    public KubeadmControlPlaneTemplateWebhook(boolean ignitionFormat) {
        this.ignitionFormat = ignitionFormat;
    }

    @Override
    public List<FieldError> validateCreate(JsonNode template) {
        JsonNode spec = template.at("/spec/template/spec");
        List<FieldError> errs = new ArrayList<>(ControlPlaneSpecRules.rolloutAndCertificateValidity(spec, null, SPEC));
        errs.addAll(ControlPlaneSpecRules.naming(spec, SPEC));
        errs.addAll(ControlPlaneSpecRules.machineTemplate(spec, SPEC));
        errs.addAll(ClusterConfigurationRules.validate(null, spec.at("/kubeadmConfigSpec/clusterConfiguration"),
                SPEC + ".kubeadmConfigSpec.clusterConfiguration"));
        errs.addAll(KubeadmConfigSpecRules.validate(spec.path("kubeadmConfigSpec"), SPEC + ".kubeadmConfigSpec",
                true, ignitionFormat));
        errs.addAll(MetadataRules.validate("spec.template.metadata", template.at("/spec/template/metadata")));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode template, JsonNode old) {
        ObjectNode before = specOf(old);
        ObjectNode after = specOf(template);
        PreviousDefaults.apply(before);
        PreviousDefaults.apply(after);
        JsonNode oldStrategy = before.at("/rollout/strategy");
        if (after.at("/rollout/strategy").isEmpty()
                && ControlPlaneSpecRules.ROLLING_UPDATE.equals(oldStrategy.path("type").asText())
                && oldStrategy.at("/rollingUpdate/maxSurge").isIntegralNumber()
                && oldStrategy.at("/rollingUpdate/maxSurge").asInt() == 1) {
            PreviousDefaults.child(after, "rollout").set("strategy", oldStrategy.deepCopy());
        }
        if (before.equals(after)) {
            return List.of();
        }
        String diff = MutableFields.changedPaths(before, after).stream()
                .map(path -> String.join(".", path)).collect(Collectors.joining(", "));
        return List.of(FieldError.invalid(SPEC, new FieldError.Verbatim(Json.string(after)),
                "KubeadmControlPlaneTemplate spec.template.spec field is immutable. Please create new resource "
                        + "instead. Diff: " + diff));
    }

    private static ObjectNode specOf(JsonNode template) {
        JsonNode spec = template.at("/spec/template/spec");
        return spec.isObject() ? (ObjectNode) spec.deepCopy() : Json.object();
    }
}
