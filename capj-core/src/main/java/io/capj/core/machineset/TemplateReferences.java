package io.capj.core.machineset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.apimachinery.Json;
import io.capj.core.external.ExternalKind;
import io.capj.core.external.ExternalObjects;
import java.util.Optional;

/**
 * The templates a MachineSet clones from, as upstream's {@code reconcileExternalTemplateReference}: each one gets
 * an ownerReference to the Cluster, and a missing one is recorded in the scope (ScalingUp reports it). A missing
 * template is an error only when the set would need it: not while the set is deleting, and not for a set of a
 * MachineDeployment that is no longer the deployment's current revision.
 */
final class TemplateReferences {
    private final ExternalObjects externals;

    TemplateReferences(ExternalObjects externals) {
        this.externals = externals;
    }

    void reconcileInfrastructure(MachineSetScope scope) {
        Optional<ContractRef> ref = ContractRef.from(scope.machineSet.at("/spec/template/spec/infrastructureRef"));
        if (ref.isPresent()) {
            try {
                scope.infraTemplateNotFound = reconcile(scope, ref.get());
            } catch (MissingTemplateException e) {
                scope.infraTemplateNotFound = true;
                throw e;
            }
        }
    }

    void reconcileBootstrap(MachineSetScope scope) {
        Optional<ContractRef> ref = ContractRef.from(scope.machineSet.at("/spec/template/spec/bootstrap/configRef"));
        if (ref.isPresent()) {
            try {
                scope.bootstrapTemplateNotFound = reconcile(scope, ref.get());
            } catch (MissingTemplateException e) {
                scope.bootstrapTemplateNotFound = true;
                throw e;
            }
        }
    }

    /** Ensures the Cluster ownerReference on the template; returns whether the template is missing. */
    private boolean reconcile(MachineSetScope scope, ContractRef ref) {
        if (!ref.kind().endsWith(TemplateClone.TEMPLATE_SUFFIX)) {
            return false;
        }
        ExternalKind kind = externals.kindOf(ref);
        Optional<ObjectNode> template = externals.get(kind, scope.namespace(), ref.name());
        if (template.isEmpty()) {
            if (scope.deleting() || (scope.owningDeployment != null && !isCurrentRevision(scope))) {
                return true;
            }
            throw new MissingTemplateException("failed to get " + ref.kind() + " " + scope.namespace() + "/"
                    + ref.name() + ": not found");
        }
        String clusterUid = scope.cluster.at("/metadata/uid").asText();
        ArrayNode owners = template.get().with("metadata").withArray("ownerReferences");
        for (var owner : owners) {
            if (clusterUid.equals(owner.path("uid").asText()) && "Cluster".equals(owner.path("kind").asText())) {
                return false;
            }
        }
        owners.add(DesiredMachine.ownerRef(scope.cluster, "Cluster", false));
        ObjectNode patch = Json.object();
        patch.putObject("metadata").put("resourceVersion", template.get().at("/metadata/resourceVersion").asText())
                .set("ownerReferences", owners);
        externals.mergePatch(kind, scope.namespace(), ref.name(), patch);
        return false;
    }

    private static boolean isCurrentRevision(MachineSetScope scope) {
        String key = CoreAnnotations.RevisionAnnotation;
        return scope.owningDeployment.at("/metadata/annotations").path(key).asText("")
                .equals(scope.machineSet.at("/metadata/annotations").path(key).asText(""));
    }

    /** A template the set needs does not exist; the pass fails after recording it for ScalingUp. */
    static final class MissingTemplateException extends RuntimeException {
        MissingTemplateException(String message) {
            super(message);
        }
    }
}
