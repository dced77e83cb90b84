package io.capj.core.machineset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MachineSet's Machines: finding them (selector match, not controlled by anyone else), adopting orphans,
 * and every write the set makes to a Machine. Creations, adoptions and deletions are recorded in
 * {@link PendingWrites} so the next pass waits for the cache to show them.
 */
final class MachineSetMachines {
    private static final Logger LOG = LoggerFactory.getLogger(MachineSetMachines.class);

    private final Manager manager;
    private final PendingWrites pending;

    MachineSetMachines(Manager manager, PendingWrites pending) {
        this.manager = manager;
        this.pending = pending;
    }

    /**
     * Lists the Machines matching the set's selector, skips those another object controls, adopts orphans
     * (deleting ones included, as upstream) and stores the result in the scope.
     */
    void listAndAdopt(MachineSetScope scope) {
        LabelSelector selector = LabelSelector.fromMetaV1(scope.machineSet.at("/spec/selector"));
        Map<String, String> matchLabels = DesiredMachine.stringMap(scope.machineSet.at("/spec/selector/matchLabels"));
        List<ObjectNode> machines = new ArrayList<>();
        String uid = scope.machineSet.at("/metadata/uid").asText();
        for (GenericKubernetesResource cached : manager.cache().list(CoreKinds.MACHINE, scope.namespace(),
                matchLabels)) {
            ObjectNode machine = Trees.of(cached);
            if (!selector.matches(DesiredMachine.stringMap(machine.at("/metadata/labels")))) {
                continue;
            }
            JsonNode controller = controllerOf(machine);
            if (controller != null && !controller.path("uid").asText().equals(uid)) {
                continue;
            }
            if (controller == null && !adopt(scope, machine)) {
                continue;
            }
            machines.add(machine);
        }
        scope.machines = machines;
        scope.machinesListed = true;
    }

    /** Creates {@code machine} and returns it as stored. */
    ObjectNode create(MachineSetScope scope, ObjectNode machine) {
        GenericKubernetesResource created = manager.client().genericKubernetesResources(
                CoreKinds.MACHINE.definitionContext()).inNamespace(scope.namespace())
                .resource(Trees.generic(machine)).create();
        pending.written(scope.request, created.getMetadata().getName(), created.getMetadata().getResourceVersion());
        return Trees.of(created);
    }

    /** Deletes {@code machine}; a Machine already gone counts as deleted. */
    void delete(MachineSetScope scope, JsonNode machine) {
        String name = MachineSetScope.nameOf(machine);
        try {
            manager.client().genericKubernetesResources(CoreKinds.MACHINE.definitionContext())
                    .inNamespace(scope.namespace()).withName(name).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw new IllegalStateException("failed to delete Machine " + scope.namespace() + "/" + name + ": "
                        + e.getMessage(), e);
            }
        }
        pending.deleted(scope.request, name);
    }

    /** Sets condition {@code type} on {@code machine} (only that condition is written). */
    void setCondition(JsonNode machine, String type, String status, String reason, String message) {
        ObjectNode tree = (ObjectNode) machine.deepCopy();
        PatchHelper helper = PatchHelper.snapshot(manager.client(), CoreKinds.MACHINE, tree);
        var conditions = ConditionTrees.read(tree);
        Conditions.set(conditions, Conditions.of(type, status, reason, message),
                tree.at("/metadata/generation").asLong());
        ConditionTrees.write(tree, conditions);
        helper.patch(tree);
    }

    /** Removes condition {@code type} from {@code machine}. */
    void deleteCondition(JsonNode machine, String type) {
        ObjectNode tree = (ObjectNode) machine.deepCopy();
        PatchHelper helper = PatchHelper.snapshot(manager.client(), CoreKinds.MACHINE, tree);
        var conditions = ConditionTrees.read(tree);
        if (Conditions.delete(conditions, type)) {
            ConditionTrees.write(tree, conditions);
            helper.patch(tree);
        }
    }

    private boolean adopt(MachineSetScope scope, ObjectNode machine) {
        String name = MachineSetScope.nameOf(machine);
        ArrayNode refs = machine.with("metadata").withArray("ownerReferences");
        refs.add(DesiredMachine.controllerRef(scope.machineSet));
        ObjectNode patch = Json.object();
        patch.putObject("metadata").put("resourceVersion", machine.at("/metadata/resourceVersion").asText())
                .set("ownerReferences", refs);
        try {
            GenericKubernetesResource adopted = manager.client().genericKubernetesResources(
                    CoreKinds.MACHINE.definitionContext()).inNamespace(scope.namespace()).withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
            pending.written(scope.request, name, adopted.getMetadata().getResourceVersion());
        } catch (KubernetesClientException e) {
            LOG.warn("failed to adopt Machine {} Machine={}/{}: {}", scope.logKeys(), scope.namespace(), name,
                    e.getMessage());
            manager.events().warning(scope.machineSet, "FailedAdopt",
                    "Failed to adopt Machine \"" + name + "\": " + e.getMessage());
            return false;
        }
        LOG.info("adopted Machine {} Machine={}/{}", scope.logKeys(), scope.namespace(), name);
        manager.events().normal(scope.machineSet, "SuccessfulAdopt", "Adopted Machine \"" + name + "\"");
        return true;
    }

    static JsonNode controllerOf(JsonNode object) {
        for (JsonNode ref : object.at("/metadata/ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return ref;
            }
        }
        return null;
    }
}
