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
 * Machine's webhook. Defaults: the cluster-name label, a {@code v} before the version, and a 10 second
 * node deletion timeout. Validation: a bootstrap source (except for MachinePool Machines), an immutable
 * cluster name, the version format and taint keys.
 */
public final class MachineWebhook implements AdmissionHook {
    static final int DEFAULT_NODE_DELETION_TIMEOUT_SECONDS = 10;

    @Override
    public void applyDefaults(ObjectNode machine, JsonNode old) {
        if (!(machine.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        Defaults.clusterNameLabel(machine, spec);
        Defaults.versionPrefix(spec);
        ObjectNode deletion = spec.get("deletion") instanceof ObjectNode d ? d : spec.putObject("deletion");
        if (!deletion.hasNonNull("nodeDeletionTimeoutSeconds")) {
            deletion.put("nodeDeletionTimeoutSeconds", DEFAULT_NODE_DELETION_TIMEOUT_SECONDS);
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode machine) {
        return validate(machine, null);
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode machine, JsonNode old) {
        return validate(machine, old);
    }

    static List<FieldError> validate(JsonNode machine, JsonNode old) {
        JsonNode spec = machine.path("spec");
        List<FieldError> errs = new ArrayList<>();
        if (!isMachinePoolOwned(machine)) {
            errs.addAll(MachineTemplateRules.bootstrap(spec.path("bootstrap"), "spec.bootstrap",
                    "expected either spec.bootstrap.dataSecretName or spec.bootstrap.configRef to be populated"));
        }
        errs.addAll(MachineTemplateRules.clusterNameImmutable(spec, old));
        String version = spec.path("version").asText();
        if (!version.isEmpty()) {
            errs.addAll(SemanticVersions.validate("spec.version", version, "must be a valid semantic version"));
        }
        errs.addAll(MachineTaintRules.validate(spec.path("taints"), "spec.taints"));
        boolean controlPlane = ObjectMeta.labels(machine).containsKey(CoreLabels.MachineControlPlaneLabel);
        errs.addAll(MachineTaintRules.validateForWorkers(spec.path("taints"), controlPlane, "spec.taints"));
        return errs;
    }

    /** MachinePool Machines get their bootstrap data from the pool, so they may have none themselves. */
    static boolean isMachinePoolOwned(JsonNode machine) {
        if (ObjectMeta.labels(machine).containsKey(CoreLabels.MachinePoolNameLabel)) {
            return true;
        }
        return ObjectMeta.ownerReferences(machine).stream()
                .anyMatch(owner -> owner.path("kind").asText().equals("MachinePool"));
    }
}
