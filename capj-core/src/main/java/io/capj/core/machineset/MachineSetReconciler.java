package io.capj.core.machineset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreFinalizers;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.core.external.ExternalObjects;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.capj.runtime.Reconciler;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a MachineSet, as upstream's MachineSet controller: fetch, ensure the finalizer, snapshot, honour
 * pause (Cluster {@code spec.paused} or the paused annotation, reported as the Paused condition), then the phase
 * list: owner and labels, template references, list and adopt Machines, then either delete every Machine and
 * drop the finalizer once they are gone, or remediate, sync in-place fields and scale. Status is computed from
 * what the pass saw and sent in one patch, also when a phase failed. A phase failure does not stop the phases
 * after it (as upstream), except a failure to find the owning MachineDeployment or to list the Machines, which
 * the phases after them cannot do without.
 *
 * <p>It does not set the Machines' UpToDate condition: upstream's Machine controller computes it (only for
 * Machines of a set owned by a MachineDeployment, comparing the set's template with the deployment's), and
 * this controller only counts it into {@code upToDateReplicas} and MachinesUpToDate.
 */
public final class MachineSetReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(MachineSetReconciler.class);
    /** How soon to look again while the cache has not shown this controller's last Machine writes. */
    static final Duration CACHE_WAIT = Duration.ofMillis(200);

    private final Manager manager;
    private final PendingWrites pending = new PendingWrites();
    private final MachineSetMachines machines;
    private final TemplateReferences templates;
    private final MachineSetRemediation remediation;
    private final MachineSync sync;
    private final MachineSetScaling scaling;

    public MachineSetReconciler(Manager manager) {
        this(manager, RandomGenerator.getDefault());
    }

    MachineSetReconciler(Manager manager, RandomGenerator random) {
        this.manager = manager;
        ExternalObjects externals = new ExternalObjects(manager);
        this.machines = new MachineSetMachines(manager, pending);
        this.templates = new TemplateReferences(externals);
        this.remediation = new MachineSetRemediation(machines);
        this.sync = new MachineSync(manager, externals);
        this.scaling = new MachineSetScaling(manager, externals, machines, random);
    }

    @Override
    public Result reconcile(Request request) throws Exception {
        Optional<GenericKubernetesResource> cached = manager.cache().get(CoreKinds.MACHINE_SET, request.namespace(),
                request.name());
        if (cached.isEmpty()) {
            pending.forget(request);
            return Result.done();
        }
        if (!pending.seen(request, manager.cache())) {
            return Result.requeueAfter(CACHE_WAIT);
        }
        ObjectNode machineSet = Trees.of(cached.get());
        String clusterName = machineSet.at("/spec/clusterName").asText();
        JsonNode cluster = manager.cache().get(CoreKinds.CLUSTER, request.namespace(), clusterName).map(Trees::of)
                .orElseThrow(() -> new IllegalStateException("failed to get Cluster " + request.namespace() + "/"
                        + clusterName + " of MachineSet " + request + ": not found"));
        PatchHelper helper = PatchHelper.snapshot(manager.client(), CoreKinds.MACHINE_SET, machineSet);
        if (!MachineSetScope.isDeleting(machineSet) && !hasFinalizer(machineSet)) {
            machineSet.with("metadata").withArray("finalizers").add(CoreFinalizers.MachineSetFinalizer);
            helper.patch(machineSet);
            return Result.done();
        }
        if (setPaused(machineSet, cluster)) {
            helper.patch(machineSet);
            return Result.done();
        }
        return reconcile(new MachineSetScope(request, machineSet, cluster, Instant.now()), helper);
    }

    /** Runs the phases, then computes and patches status even when a phase failed. */
    private Result reconcile(MachineSetScope scope, PatchHelper helper) throws Exception {
        Exception failure = null;
        try {
            runPhases(scope);
        } catch (Exception e) {
            failure = e;
        }
        MachineSetStatus.update(scope);
        if (failure == null) {
            scope.machineSet.with("status").put("observedGeneration",
                    scope.machineSet.at("/metadata/generation").asLong());
        }
        try {
            helper.patch(scope.machineSet);
        } catch (RuntimeException e) {
            if (scope.deleting() && isGone(scope)) {
                return Result.done(); // a stale pass after the finalizer went: nothing left to write
            }
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
        if (failure != null) {
            throw failure;
        }
        if (scope.deleting()) {
            if (scope.finalizerRemovable) {
                try {
                    removeFinalizer(scope.machineSet);
                } catch (RuntimeException e) {
                    if (!isGone(scope)) {
                        throw e;
                    }
                }
                pending.forget(scope.request);
            }
            return Result.done();
        }
        return MachineSetStatus.refreshAfter(scope).map(Result::requeueAfter).orElse(Result.done());
    }

    private void runPhases(MachineSetScope scope) throws Exception {
        List<Exception> failures = new ArrayList<>();
        ensureOwnerAndLabels(scope);
        scope.owningDeployment = owningDeployment(scope);
        run(failures, () -> templates.reconcileInfrastructure(scope));
        run(failures, () -> templates.reconcileBootstrap(scope));
        machines.listAndAdopt(scope);
        if (scope.deleting()) {
            run(failures, () -> deleteMachines(scope));
        } else {
            run(failures, () -> remediation.remediate(scope));
            run(failures, () -> sync.syncMachines(scope));
            run(failures, () -> scaling.syncReplicas(scope));
        }
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void run(List<Exception> failures, Runnable phase) {
        try {
            phase.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    /**
     * The cluster-name label on the set and in its selector and template, and a Cluster ownerReference on a
     * stand-alone set (one with no MachineDeployment or Cluster owner and no deployment-name label).
     */
    static void ensureOwnerAndLabels(MachineSetScope scope) {
        ObjectNode ms = scope.machineSet;
        String clusterName = scope.clusterName();
        ms.with("metadata").with("labels").put(CoreLabels.ClusterNameLabel, clusterName);
        ms.with("spec").with("selector").with("matchLabels").put(CoreLabels.ClusterNameLabel, clusterName);
        ms.with("spec").with("template").with("metadata").with("labels").put(CoreLabels.ClusterNameLabel, clusterName);
        boolean owned = false;
        for (JsonNode ref : ms.at("/metadata/ownerReferences")) {
            String kind = ref.path("kind").asText();
            owned |= ref.path("apiVersion").asText().startsWith(CoreGroup.NAME + "/")
                    && ("MachineDeployment".equals(kind) || "Cluster".equals(kind));
        }
        if (!owned && MachineSetRemediation.deploymentName(ms).isEmpty()) {
            ArrayNode refs = ms.with("metadata").withArray("ownerReferences");
            refs.add(DesiredMachine.ownerRef(scope.cluster, "Cluster", false));
        }
    }

    private JsonNode owningDeployment(MachineSetScope scope) {
        String name = MachineSetRemediation.deploymentName(scope.machineSet);
        if (name.isEmpty()) {
            return null;
        }
        return manager.cache().get(CoreKinds.MACHINE_DEPLOYMENT, scope.namespace(), name).map(Trees::of)
                .orElseThrow(() -> new IllegalStateException("failed to retrieve owner MachineDeployment "
                        + scope.namespace() + "/" + name + " for MachineSet " + scope.name() + ": not found"));
    }

    /** Deletes the set's Machines; drops the finalizer once none is left. */
    private void deleteMachines(MachineSetScope scope) {
        if (scope.machines.isEmpty()) {
            scope.finalizerRemovable = true;
            return;
        }
        for (ObjectNode machine : scope.machines) {
            if (!MachineSetScope.isDeleting(machine)) {
                machines.delete(scope, machine);
                LOG.info("deleting Machine (MachineSet deleted) {} Machine={}/{}", scope.logKeys(), scope.namespace(),
                        MachineSetScope.nameOf(machine));
            }
        }
        LOG.info("waiting for Machines to be deleted {} count={}", scope.logKeys(), scope.machines.size());
    }

    /**
     * Drops the finalizer in a patch of its own, after the status patch, since the object may vanish with it.
     */
    private void removeFinalizer(ObjectNode machineSet) {
        PatchHelper helper = PatchHelper.snapshot(manager.client(), CoreKinds.MACHINE_SET, machineSet);
        ArrayNode finalizers = machineSet.with("metadata").withArray("finalizers");
        for (int i = finalizers.size() - 1; i >= 0; i--) {
            if (CoreFinalizers.MachineSetFinalizer.equals(finalizers.get(i).asText())) {
                finalizers.remove(i);
            }
        }
        helper.patch(machineSet);
        LOG.info("removed finalizer MachineSet={}/{}", machineSet.at("/metadata/namespace").asText(),
                machineSet.at("/metadata/name").asText());
    }

    /** Sets the Paused condition; returns whether reconciliation is paused. */
    static boolean setPaused(ObjectNode machineSet, JsonNode cluster) {
        List<String> reasons = new ArrayList<>();
        if (ClusterView.of(cluster).spec().paused()) {
            reasons.add("Cluster spec.paused is set to true");
        }
        if (machineSet.at("/metadata/annotations").has(CoreAnnotations.PausedAnnotation)) {
            reasons.add("MachineSet has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        List<Condition> conditions = ConditionTrees.read(machineSet);
        Condition paused = reasons.isEmpty()
                ? Conditions.of(CommonConditions.PausedCondition, Conditions.FALSE, CommonConditions.NotPausedReason,
                        "")
                : Conditions.of(CommonConditions.PausedCondition, Conditions.TRUE, CommonConditions.PausedReason,
                        String.join(", ", reasons));
        Conditions.set(conditions, paused, machineSet.at("/metadata/generation").asLong());
        ConditionTrees.write(machineSet, conditions);
        return !reasons.isEmpty();
    }

    private boolean isGone(MachineSetScope scope) {
        return manager.client().genericKubernetesResources(CoreKinds.MACHINE_SET.definitionContext())
                .inNamespace(scope.namespace()).withName(scope.name()).get() == null;
    }

    private static boolean hasFinalizer(JsonNode machineSet) {
        for (JsonNode f : machineSet.at("/metadata/finalizers")) {
            if (CoreFinalizers.MachineSetFinalizer.equals(f.asText())) {
                return true;
            }
        }
        return false;
    }
}
