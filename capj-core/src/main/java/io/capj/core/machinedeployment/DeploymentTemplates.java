package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.apimachinery.Json;
import io.capj.core.external.ExternalKind;
import io.capj.core.external.ExternalObjects;
import java.util.Optional;

/**
 * The bootstrap and infrastructure templates a MachineDeployment's template references, as upstream's
 * {@code getTemplatesAndSetOwner}: each existing {@code *Template} gets an ownerReference to the Cluster (so
 * it is deleted with it); a missing one is recorded, which blocks creating MachineSets and shows in ScalingUp.
 * References to kinds not named {@code *Template} are left alone.
 */
final class DeploymentTemplates {
    private static final String TEMPLATE_SUFFIX = "Template";

    private final ExternalObjects external;

    DeploymentTemplates(ExternalObjects external) {
        this.external = external;
    }

    void reconcile(DeploymentScope scope) {
        JsonNode spec = scope.deployment.at("/spec/template/spec");
        reconcile(scope, spec.path("infrastructureRef"));
        reconcile(scope, spec.path("bootstrap").path("configRef"));
    }

    private void reconcile(DeploymentScope scope, JsonNode refNode) {
        Optional<ContractRef> ref = ContractRef.from(refNode);
        if (ref.isEmpty() || ref.get().name().isEmpty() || !ref.get().kind().endsWith(TEMPLATE_SUFFIX)) {
            return;
        }
        ExternalKind kind = external.kindOf(ref.get());
        Optional<ObjectNode> template = external.get(kind, scope.namespace(), ref.get().name());
        if (template.isEmpty()) {
            scope.missingTemplateKinds.add(ref.get().kind());
            return;
        }
        String clusterUid = MachineSetJson.uid(scope.cluster);
        for (JsonNode owner : template.get().at("/metadata/ownerReferences")) {
            if (clusterUid.equals(owner.path("uid").asText())) {
                return;
            }
        }
        ArrayNode owners = template.get().at("/metadata/ownerReferences").isArray()
                ? ((ArrayNode) template.get().at("/metadata/ownerReferences")).deepCopy() : Json.MAPPER.createArrayNode();
        owners.add(MachineSetJson.ownerReference(scope.cluster, false));
        ObjectNode patch = Json.object();
        patch.putObject("metadata").put("resourceVersion", template.get().at("/metadata/resourceVersion").asText())
                .set("ownerReferences", owners);
        external.mergePatch(kind, scope.namespace(), ref.get().name(), patch);
    }
}
