package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.ArrayList;
import java.util.List;

/**
 * MachineSet's webhook. Defaults: the cluster-name label on the MachineSet, replicas
 * ({@link AutoscalerReplicas}), a selector on {@code cluster.x-k8s.io/set-name} (also stamped on the template)
 * when none is given, and a {@code v} before the version. Validation: {@link MachineTemplateRules}.
 */
public final class MachineSetWebhook implements AdmissionHook {
    static final String KIND = "MachineSet";

    @Override
    public void applyDefaults(ObjectNode machineSet, JsonNode old) {
        if (!(machineSet.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        Defaults.clusterNameLabel(machineSet, spec);
        Integer replicas = AutoscalerReplicas.defaultReplicas(machineSet, old);
        if (replicas != null) {
            spec.put("replicas", replicas);
        }
        ObjectNode selector = Defaults.child(spec, "selector");
        ObjectNode matchLabels = Defaults.child(selector, "matchLabels");
        ObjectNode template = Defaults.child(spec, "template");
        ObjectNode templateLabels = Defaults.labels(Defaults.child(template, "metadata"));
        if (matchLabels.isEmpty() && selector.path("matchExpressions").isEmpty()) {
            String value = LabelValues.mustFormat(ObjectMeta.name(machineSet) == null ? "" : ObjectMeta.name(machineSet));
            matchLabels.put(CoreLabels.MachineSetNameLabel, value);
            templateLabels.put(CoreLabels.MachineSetNameLabel, value);
        }
        if (template.get("spec") instanceof ObjectNode machineSpec) {
            Defaults.versionPrefix(machineSpec);
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode machineSet) {
        return validate(machineSet, null);
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode machineSet, JsonNode old) {
        return validate(machineSet, old);
    }

    static List<FieldError> validate(JsonNode machineSet, JsonNode old) {
        List<FieldError> errs = new ArrayList<>(AutoscalerReplicas.annotationErrors(machineSet, KIND));
        errs.addAll(MachineTemplateRules.validate(machineSet, old, MachineTemplateRules.MismatchReport.INVALID));
        errs.addAll(MachineTemplateRules.templateContent(machineSet.path("spec")));
        return errs;
    }
}
