package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Names;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.ArrayList;
import java.util.List;

/**
 * MachineDeployment's webhook. Defaults: the cluster-name label on the object, its selector and its
 * template; replicas ({@link AutoscalerReplicas}); a RollingUpdate strategy with maxSurge 1 and
 * maxUnavailable 0; a {@code cluster.x-k8s.io/deployment-name} selector when none is given; a {@code v}
 * before the version. Validation: a name usable as a label value, {@link MachineTemplateRules},
 * {@link RolloutRules}.
 */
public final class MachineDeploymentWebhook implements AdmissionHook {
    static final String KIND = "MachineDeployment";
    static final String ROLLING_UPDATE = "RollingUpdate";

    @Override
    public void applyDefaults(ObjectNode deployment, JsonNode old) {
        if (!(deployment.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        Defaults.clusterNameLabel(deployment, spec);
        Integer replicas = AutoscalerReplicas.defaultReplicas(deployment, old);
        if (replicas != null) {
            spec.put("replicas", replicas);
        }
        ObjectNode selector = Defaults.child(spec, "selector");
        ObjectNode matchLabels = Defaults.child(selector, "matchLabels");
        defaultStrategy(spec);
        ObjectNode template = Defaults.child(spec, "template");
        ObjectNode templateLabels = Defaults.labels(Defaults.child(template, "metadata"));
        if (matchLabels.isEmpty() && selector.path("matchExpressions").isEmpty()) {
            String name = ObjectMeta.name(deployment) == null ? "" : ObjectMeta.name(deployment);
            matchLabels.put(CoreLabels.MachineDeploymentNameLabel, name);
            templateLabels.put(CoreLabels.MachineDeploymentNameLabel, name);
        }
        String clusterName = spec.path("clusterName").asText();
        matchLabels.put(CoreLabels.ClusterNameLabel, clusterName);
        templateLabels.put(CoreLabels.ClusterNameLabel, clusterName);
        if (template.get("spec") instanceof ObjectNode machineSpec) {
            Defaults.versionPrefix(machineSpec);
        }
    }

    private static void defaultStrategy(ObjectNode spec) {
        ObjectNode strategy = Defaults.child(Defaults.child(spec, "rollout"), "strategy");
        if (strategy.path("type").asText().isEmpty()) {
            strategy.put("type", ROLLING_UPDATE);
        }
        if (ROLLING_UPDATE.equals(strategy.path("type").asText())) {
            ObjectNode rollingUpdate = Defaults.child(strategy, "rollingUpdate");
            if (!rollingUpdate.hasNonNull("maxSurge")) {
                rollingUpdate.put("maxSurge", 1);
            }
            if (!rollingUpdate.hasNonNull("maxUnavailable")) {
                rollingUpdate.put("maxUnavailable", 0);
            }
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode deployment) {
        return validate(deployment, null);
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode deployment, JsonNode old) {
        return validate(deployment, old);
    }

    static List<FieldError> validate(JsonNode deployment, JsonNode old) {
        List<FieldError> errs = new ArrayList<>();
        String name = ObjectMeta.name(deployment);
        if (name != null) {
            Names.labelValue(name).forEach(m ->
                    errs.add(FieldError.invalid("metadata.name", name, "must be a valid label value: " + m)));
        }
        errs.addAll(AutoscalerReplicas.annotationErrors(deployment, KIND));
        errs.addAll(MachineTemplateRules.validate(deployment, old, MachineTemplateRules.MismatchReport.FORBIDDEN));
        JsonNode spec = deployment.path("spec");
        JsonNode rollingUpdate = spec.path("rollout").path("strategy").path("rollingUpdate");
        errs.addAll(RolloutRules.validateStrategy("spec.rollout.strategy", rollingUpdate.path("maxUnavailable"),
                rollingUpdate.path("maxSurge")));
        errs.addAll(RolloutRules.validateMaxInFlight("spec.remediation", spec.path("remediation").path("maxInFlight")));
        errs.addAll(MachineTemplateRules.templateContent(spec));
        return errs;
    }
}
