package io.capj.core.machineset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.MachineView;
import io.capj.apimachinery.Json;
import io.capj.core.CoreKinds;
import io.capj.core.external.ExternalKind;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Propagates a MachineSet's in-place fields to its existing Machines, as upstream's {@code syncMachines}: the
 * template's labels and annotations (plus set-name and deployment-name), {@code readinessGates}, the
 * {@code deletion} timeouts, {@code minReadySeconds} and {@code taints}; labels and annotations also onto each
 * Machine's InfraMachine and BootstrapConfig. Upstream applies them with server-side apply, which also removes
 * keys the set stopped managing; here a merge patch sets the managed keys and leaves others alone, so a label
 * removed from the template stays on existing Machines. Machines being deleted get only the fields that matter
 * for tearing them down.
 */
final class MachineSync {
    private final Manager manager;
    private final ExternalObjects externals;

    MachineSync(Manager manager, ExternalObjects externals) {
        this.manager = manager;
        this.externals = externals;
    }

    void syncMachines(MachineSetScope scope) {
        for (ObjectNode machine : scope.machines) {
            boolean deleting = MachineSetScope.isDeleting(machine);
            ObjectNode desired = machine.deepCopy();
            DesiredMachine.applyInPlaceFields(scope.machineSet, desired, deleting);
            PatchHelper.snapshot(manager.client(), CoreKinds.MACHINE, machine).patch(desired);
            if (deleting) {
                continue;
            }
            MachineView.Spec spec = MachineView.of(machine).spec();
            Map<String, String> labels = DesiredMachine.labels(scope.machineSet);
            Map<String, String> annotations = DesiredMachine.annotations(scope.machineSet);
            spec.infrastructureRef().ifPresent(ref -> syncMetadata(scope, ref, labels, annotations));
            spec.bootstrapConfigRef().ifPresent(ref -> syncMetadata(scope, ref, labels, annotations));
        }
    }

    /** Sets the managed labels and annotations on the provider object {@code ref}, if it differs. */
    private void syncMetadata(MachineSetScope scope, ContractRef ref, Map<String, String> labels,
            Map<String, String> annotations) {
        ExternalKind kind = externals.kindOf(ref);
        Optional<ObjectNode> object = externals.get(kind, scope.namespace(), ref.name());
        if (object.isEmpty() || MachineSetScope.isDeleting(object.get())) {
            return;
        }
        ObjectNode patch = metadataPatch(object.get(), labels, annotations);
        if (!patch.isEmpty()) {
            externals.mergePatch(kind, scope.namespace(), ref.name(), patch);
        }
    }

    /** A merge patch setting {@code labels} and {@code annotations} where {@code object} lacks or differs. */
    static ObjectNode metadataPatch(JsonNode object, Map<String, String> labels, Map<String, String> annotations) {
        ObjectNode patch = Json.object();
        for (var entry : List.of(Map.entry("labels", labels), Map.entry("annotations", annotations))) {
            JsonNode current = object.at("/metadata/" + entry.getKey());
            entry.getValue().forEach((key, value) -> {
                if (!value.equals(current.path(key).asText(null))) {
                    patch.with("metadata").with(entry.getKey()).put(key, value);
                }
            });
        }
        return patch;
    }
}
