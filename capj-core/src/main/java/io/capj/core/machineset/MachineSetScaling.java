package io.capj.core.machineset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.api.core.v1beta2.MachineSetView;
import io.capj.api.core.v1beta2.MachineView;
import io.capj.core.external.ExternalKind;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Manager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the number of a MachineSet's Machines to {@code spec.replicas}, as upstream's {@code syncReplicas}.
 * Scale up clones the bootstrap template, then the infrastructure template, then creates the Machine, and
 * deletes the clones again when a later step fails. Scale down deletes the Machines
 * {@link MachineSetDeletionOrder} ranks first. Before either, clones this set owns that no Machine references
 * (left by a crash between the steps) are deleted. Preflight checks are not run.
 */
final class MachineSetScaling {
    private static final Logger LOG = LoggerFactory.getLogger(MachineSetScaling.class);
    static final String DISABLE_MACHINE_CREATE_MESSAGE =
            "MachineSet has the " + CoreAnnotations.DisableMachineCreateAnnotation + " annotation";

    private final Manager manager;
    private final ExternalObjects externals;
    private final MachineSetMachines machines;
    private final RandomGenerator random;

    MachineSetScaling(Manager manager, ExternalObjects externals, MachineSetMachines machines,
            RandomGenerator random) {
        this.manager = manager;
        this.externals = externals;
        this.machines = machines;
        this.random = random;
    }

    /** Creates or deletes Machines until their number matches {@code spec.replicas}. */
    void syncReplicas(MachineSetScope scope) {
        deleteOrphanedClones(scope);
        int desired = scope.desiredReplicas().orElseThrow(() -> new IllegalStateException(
                "the replicas field in spec of MachineSet " + scope.name() + " is not set"));
        int diff = scope.machines.size() - desired;
        if (diff < 0) {
            if ("true".equals(scope.machineSet.at("/metadata/annotations")
                    .path(CoreAnnotations.DisableMachineCreateAnnotation).asText())) {
                LOG.info("automatic creation of new Machines disabled {}", scope.logKeys());
                scope.scaleUpBlockedBy.add(DISABLE_MACHINE_CREATE_MESSAGE);
                return;
            }
            createMachines(scope, -diff);
        } else if (diff > 0) {
            deleteMachines(scope, diff);
        }
    }

    private void createMachines(MachineSetScope scope, int count) {
        LOG.info("scaling up {} replicas={} creating={}", scope.logKeys(), scope.machines.size(), count);
        for (int i = 0; i < count; i++) {
            String name = MachineNaming.generate(MachineSetView.of(scope.machineSet).machineNamingTemplate().orElse(""),
                    scope.clusterName(), scope.name(), random);
            try {
                createMachine(scope, name);
            } catch (RuntimeException e) {
                manager.events().warning(scope.machineSet, "FailedCreate",
                        "Failed to create Machine \"" + name + "\": " + e.getMessage());
                throw e;
            }
            LOG.info("Machine created (scale up) {} Machine={}/{} creating={}/{}", scope.logKeys(), scope.namespace(),
                    name, i + 1, count);
            manager.events().normal(scope.machineSet, "SuccessfulCreate", "Created Machine \"" + name + "\"");
        }
    }

    private void createMachine(MachineSetScope scope, String name) {
        MachineView.Spec template = MachineSetView.of(scope.machineSet).template();
        Map<String, String> labels = DesiredMachine.labels(scope.machineSet);
        Map<String, String> annotations = DesiredMachine.annotations(scope.machineSet);
        List<Runnable> rollback = new ArrayList<>();
        try {
            ContractRef bootstrapRef = null;
            Optional<ContractRef> bootstrapTemplate = template.bootstrapConfigRef();
            if (bootstrapTemplate.isPresent()) {
                bootstrapRef = cloneTemplate(scope, bootstrapTemplate.get(), name, labels, annotations, rollback,
                        "bootstrap configuration");
            }
            ContractRef infraTemplate = template.infrastructureRef().orElseThrow(() -> new IllegalStateException(
                    "spec.template.spec.infrastructureRef of MachineSet " + scope.name() + " is not set"));
            ContractRef infraRef = cloneTemplate(scope, infraTemplate, name, labels, annotations, rollback,
                    "infrastructure machine");
            machines.create(scope, DesiredMachine.newMachine(scope.machineSet, name, bootstrapRef, infraRef));
        } catch (RuntimeException e) {
            for (Runnable undo : rollback) {
                try {
                    undo.run();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** Clones {@code templateRef} as {@code name}, registering its deletion in {@code rollback}. */
    private ContractRef cloneTemplate(MachineSetScope scope, ContractRef templateRef, String name,
            Map<String, String> labels, Map<String, String> annotations, List<Runnable> rollback, String what) {
        String context = "failed to clone " + what + " from " + templateRef.kind() + " " + scope.namespace() + "/"
                + templateRef.name() + " while creating a Machine";
        ExternalKind templateKind = externals.kindOf(templateRef);
        ObjectNode templateObject = externals.get(templateKind, scope.namespace(), templateRef.name())
                .orElseThrow(() -> new IllegalStateException(context + ": not found"));
        ContractRef cloneRef = new ContractRef(templateRef.apiGroup(), TemplateClone.clonedKind(templateRef.kind()),
                name);
        ExternalKind cloneKind = externals.kindOf(cloneRef);
        ObjectNode clone = TemplateClone.generate(templateObject, templateKind.contract(), name, scope.namespace(),
                scope.clusterName(), labels, annotations,
                DesiredMachine.ownerRef(scope.machineSet, "MachineSet", false));
        clone.put("apiVersion", cloneKind.apiVersion());
        try {
            externals.create(cloneKind, clone);
        } catch (RuntimeException e) {
            throw new IllegalStateException(context + ": " + e.getMessage(), e);
        }
        rollback.add(() -> externals.delete(cloneKind, scope.namespace(), name));
        return cloneRef;
    }

    private void deleteMachines(MachineSetScope scope, int count) {
        DeletionOrder order = DeletionOrder.parse(MachineSetView.of(scope.machineSet).deletionOrder());
        LOG.info("scaling down {} replicas={} deleting={} order={}", scope.logKeys(), scope.machines.size(), count,
                order.value());
        List<DeletionCandidate> views = scope.machines.stream().map(MachineSetScaling::view).toList();
        Set<String> victims = new HashSet<>();
        MachineSetDeletionOrder.machinesToDelete(views, count, order, scope.now)
                .forEach(v -> victims.add(v.name()));
        for (ObjectNode machine : scope.machines) {
            String name = MachineSetScope.nameOf(machine);
            if (!victims.contains(name)) {
                continue;
            }
            if (MachineSetScope.isDeleting(machine)) {
                LOG.info("waiting for Machine to be deleted (scale down) {} Machine={}/{}", scope.logKeys(),
                        scope.namespace(), name);
                continue;
            }
            machines.delete(scope, machine);
            LOG.info("Machine deleting (scale down) {} Machine={}/{}", scope.logKeys(), scope.namespace(), name);
            manager.events().normal(scope.machineSet, "SuccessfulDelete", "Deleted Machine \"" + name + "\"");
        }
    }

    /** What the deletion priority needs to know about {@code machine}. */
    static DeletionCandidate view(JsonNode machine) {
        JsonNode created = machine.at("/metadata/creationTimestamp");
        return new DeletionCandidate(MachineSetScope.nameOf(machine),
                created.isTextual() ? Instant.parse(created.asText()) : null, MachineSetScope.isDeleting(machine),
                DesiredMachine.stringMap(machine.at("/metadata/annotations")),
                machine.at("/status/nodeRef/name").isTextual(),
                ConditionTrees.status(machine, MachineConditions.MachineNodeHealthyCondition),
                ConditionTrees.status(machine, MachineConditions.MachineHealthCheckSucceededCondition));
    }

    /**
     * Deletes clones of this set's templates that the set still owns but no Machine references: what a failure
     * between cloning and creating the Machine leaves behind when the rollback itself could not run.
     */
    private void deleteOrphanedClones(MachineSetScope scope) {
        MachineView.Spec template = MachineSetView.of(scope.machineSet).template();
        Set<String> referenced = new HashSet<>();
        for (ObjectNode machine : scope.machines) {
            MachineView.Spec spec = MachineView.of(machine).spec();
            spec.infrastructureRef().ifPresent(r -> referenced.add(r.kind() + "/" + r.name()));
            spec.bootstrapConfigRef().ifPresent(r -> referenced.add(r.kind() + "/" + r.name()));
        }
        template.infrastructureRef().ifPresent(ref -> deleteOrphanedClones(scope, ref, referenced));
        template.bootstrapConfigRef().ifPresent(ref -> deleteOrphanedClones(scope, ref, referenced));
    }

    private void deleteOrphanedClones(MachineSetScope scope, ContractRef templateRef, Set<String> referenced) {
        String kind = TemplateClone.clonedKind(templateRef.kind());
        ExternalKind cloneKind = externals.kindOf(new ContractRef(templateRef.apiGroup(), kind, ""));
        String uid = scope.machineSet.at("/metadata/uid").asText();
        var selector = DesiredMachine.stringMap(scope.machineSet.at("/spec/selector/matchLabels"));
        for (var cached : manager.cache().list(cloneKind.kind(), scope.namespace(), selector)) {
            String name = cached.getMetadata().getName();
            boolean ownedBySet = cached.getMetadata().getOwnerReferences().stream()
                    .anyMatch(r -> "MachineSet".equals(r.getKind()) && uid.equals(r.getUid()));
            boolean ownedByMachine = cached.getMetadata().getOwnerReferences().stream()
                    .anyMatch(r -> "Machine".equals(r.getKind()));
            if (!ownedBySet || ownedByMachine || referenced.contains(kind + "/" + name)
                    || cached.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            LOG.info("deleting orphaned {} {} {}/{}", kind, scope.logKeys(), scope.namespace(), name);
            externals.delete(cloneKind, scope.namespace(), name);
        }
    }
}
