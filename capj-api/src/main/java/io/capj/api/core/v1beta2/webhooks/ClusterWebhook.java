package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Names;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.ArrayList;
import java.util.List;

/**
 * Cluster's webhook: a Cluster name usable as a label value, at least one of the refs or a topology, refs and
 * topology that cannot be removed once set, valid pod and service CIDRs, and {@link TopologyRules}.
 */
public final class ClusterWebhook implements AdmissionHook {

    @Override
    public void applyDefaults(ObjectNode cluster, JsonNode old) {
        if (cluster.path("spec").path("topology") instanceof ObjectNode topology && !topology.isEmpty()
                && topology.path("version").isTextual()) {
            String version = topology.path("version").textValue();
            if (!version.startsWith("v")) {
                topology.put("version", "v" + version);
            }
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode cluster) {
        return validate(cluster, null);
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode cluster, JsonNode old) {
        return validate(cluster, old);
    }

    static List<FieldError> validate(JsonNode cluster, JsonNode old) {
        List<FieldError> errs = new ArrayList<>();
        String name = ObjectMeta.name(cluster);
        if (name != null) {
            Names.labelValue(name).forEach(m ->
                    errs.add(FieldError.invalid("metadata.name", name, "must be a valid label value " + m)));
        }
        JsonNode spec = cluster.path("spec");
        JsonNode oldSpec = old == null ? null : old.path("spec");
        boolean infrastructure = TopologyRules.isDefined(spec.path("infrastructureRef"));
        boolean controlPlane = TopologyRules.isDefined(spec.path("controlPlaneRef"));
        boolean topology = TopologyRules.isDefined(spec.path("topology"));
        if (!infrastructure && oldSpec != null && TopologyRules.isDefined(oldSpec.path("infrastructureRef"))) {
            errs.add(FieldError.forbidden("spec.infrastructureRef", "cannot be removed"));
        }
        if (!controlPlane && !infrastructure && !topology) {
            errs.add(FieldError.forbidden("spec",
                    "one of spec.controlPlaneRef, spec.infrastructureRef or spec.topology must be set"));
        }
        if (!controlPlane && oldSpec != null && TopologyRules.isDefined(oldSpec.path("controlPlaneRef"))) {
            errs.add(FieldError.forbidden("spec.controlPlaneRef", "cannot be removed"));
        }
        JsonNode network = spec.path("clusterNetwork");
        errs.addAll(CidrBlocks.validate("spec.clusterNetwork.pods.cidrBlocks", network.path("pods").path("cidrBlocks")));
        errs.addAll(CidrBlocks.validate("spec.clusterNetwork.services.cidrBlocks",
                network.path("services").path("cidrBlocks")));
        if (topology) {
            errs.addAll(TopologyRules.validate(cluster, old));
        }
        if (oldSpec != null && TopologyRules.isDefined(oldSpec.path("topology")) && !topology) {
            errs.add(FieldError.forbidden("spec.topology", "cannot be removed from an existing Cluster"));
        }
        return errs;
    }
}
