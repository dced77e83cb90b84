package io.capj.infrastructure.dev.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.infrastructure.dev.DevConditions;
import io.capj.infrastructure.dev.DevKinds;
import io.capj.infrastructure.dev.internal.ConditionTrees;
import io.capj.infrastructure.dev.internal.Finalizers;
import io.capj.infrastructure.dev.internal.Pause;
import io.capj.infrastructure.dev.workload.WorkloadServers;
import io.capj.infrastructure.dev.workload.WorkloadServers.ClusterKey;
import io.capj.runtime.Cache;
import io.capj.runtime.Conditions;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.capj.runtime.Reconciler;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one DevMachine: fetch (gone means done), delete (clean the workload cluster, drop the finalizer),
 * ensure the finalizer, find the owning Machine and its Cluster, honour pause, run the provisioning steps of the
 * inMemory backend, summarise Ready, and send one patch. A failure inside a step is reported as InternalError
 * on that step and rethrown after the patch, so the key is retried with backoff.
 */
final class DevMachineReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(DevMachineReconciler.class);

    private final Manager manager;
    private final Cache cache;
    private final MachineProvisioning provisioning;
    private final DevMachineDeletion deletion;

    DevMachineReconciler(Manager manager, WorkloadServers servers) {
        this.manager = manager;
        this.cache = manager.cache();
        WorkloadAccess access = new WorkloadAccess(cache, manager.client(), servers);
        this.provisioning = new MachineProvisioning(access);
        this.deletion = new DevMachineDeletion(access);
    }

    @Override
    public Result reconcile(Request request) {
        Optional<ObjectNode> found = cache.get(DevKinds.DEV_MACHINE, request.namespace(), request.name())
                .map(Trees::of);
        if (found.isEmpty()) {
            return Result.done();
        }
        ObjectNode devMachine = found.get();
        PatchHelper patchHelper = PatchHelper.snapshot(manager.client(), DevKinds.DEV_MACHINE, devMachine);
        Optional<ObjectNode> machine = ownerMachine(request, devMachine);
        if (devMachine.at("/metadata/deletionTimestamp").isTextual()) {
            return reconcileDelete(request, devMachine, machine, patchHelper);
        }
        if (!Finalizers.has(devMachine, DevConditions.MachineFinalizer)) {
            Finalizers.add(devMachine, DevConditions.MachineFinalizer);
            patchHelper.patch(devMachine);
            return Result.done();
        }
        if (machine.isEmpty()) {
            LOG.info("waiting for the Machine controller to set the owner reference DevMachine={}", request);
            return Result.done();
        }
        String clusterName = machine.get().at("/spec/clusterName").asText();
        Optional<ObjectNode> cluster = cache.get(CoreKinds.CLUSTER, request.namespace(), clusterName).map(Trees::of);
        if (cluster.isEmpty()) {
            LOG.info("waiting for the Cluster DevMachine={} Cluster={}/{}", request, request.namespace(), clusterName);
            return Result.done();
        }
        DevMachineScope s = new DevMachineScope(request, devMachine, machine.get(), cluster.get(),
                ConditionTrees.read(devMachine), Instant.now());
        Optional<String> paused = Pause.reason(s.cluster, devMachine, "DevMachine");
        Pause.setCondition(s.conditions, paused, s.generation());
        if (paused.isPresent()) {
            ConditionTrees.write(devMachine, s.conditions);
            patchHelper.patch(devMachine);
            return Result.done();
        }
        return reconcileNormal(s, patchHelper);
    }

    private Result reconcileNormal(DevMachineScope s, PatchHelper patchHelper) {
        Result result = Result.done();
        RuntimeException failure = null;
        if (!s.devMachine.at("/spec/backend").has("inMemory")) {
            s.set(DevConditions.VMProvisionedCondition, Conditions.FALSE, DevConditions.BackendUnavailableReason,
                    DevConditions.BackendUnavailableMessage);
        } else {
            try {
                result = provisioning.reconcile(s);
            } catch (RuntimeException e) {
                failure = e;
                markInternalError(s);
            }
        }
        Conditions.set(s.conditions, readySummary(s), s.generation());
        ConditionTrees.write(s.devMachine, s.conditions);
        patchHelper.patch(s.devMachine);
        if (failure != null) {
            throw new IllegalStateException("failed to reconcile DevMachine " + s.request + " of Cluster "
                    + s.clusterKey() + ": " + failure.getMessage(), failure);
        }
        return result;
    }

    private Result reconcileDelete(Request request, ObjectNode devMachine, Optional<ObjectNode> machine,
            PatchHelper patchHelper) {
        if (!Finalizers.has(devMachine, DevConditions.MachineFinalizer)) {
            return Result.done();
        }
        Optional<String> clusterName = machine.map(m -> m.at("/spec/clusterName").asText())
                .or(() -> Optional.ofNullable(devMachine.at("/metadata/labels").get(CoreLabels.ClusterNameLabel))
                        .map(JsonNode::asText));
        clusterName.ifPresent(name -> deletion.reconcileDelete(new ClusterKey(request.namespace(), name),
                request.name()));
        Finalizers.remove(devMachine, DevConditions.MachineFinalizer);
        patchHelper.patch(devMachine);
        return Result.done();
    }

    /** The first step not yet provisioned failed unexpectedly: say so on it, as upstream does. */
    private static void markInternalError(DevMachineScope s) {
        for (String type : steps(s)) {
            if (!s.isTrue(type)) {
                s.set(type, Conditions.FALSE, DevConditions.InternalErrorReason,
                        "Please check controller logs for errors");
                return;
            }
        }
    }

    /** Ready summarises the step conditions with upstream's Ready/NotReady/ReadyUnknown reasons. */
    private static Condition readySummary(DevMachineScope s) {
        Condition summary = Conditions.summary(DevConditions.ReadyCondition, s.conditions, steps(s), Set.of());
        String reason = switch (summary.getStatus()) {
            case Conditions.TRUE -> DevConditions.ReadyReason;
            case Conditions.FALSE -> DevConditions.NotReadyReason;
            default -> DevConditions.ReadyUnknownReason;
        };
        return Conditions.of(summary.getType(), summary.getStatus(), reason, summary.getMessage());
    }

    private static List<String> steps(DevMachineScope s) {
        List<String> steps = new ArrayList<>(List.of(DevConditions.VMProvisionedCondition,
                DevConditions.NodeProvisionedCondition));
        if (s.controlPlane()) {
            steps.add(DevConditions.EtcdProvisionedCondition);
            steps.add(DevConditions.APIServerProvisionedCondition);
        }
        return steps;
    }

    private Optional<ObjectNode> ownerMachine(Request request, JsonNode devMachine) {
        for (JsonNode ref : devMachine.at("/metadata/ownerReferences")) {
            if ("Machine".equals(ref.path("kind").asText())
                    && ref.path("apiVersion").asText().startsWith(CoreGroup.NAME + "/")) {
                return cache.get(CoreKinds.MACHINE, request.namespace(), ref.path("name").asText()).map(Trees::of);
            }
        }
        return Optional.empty();
    }
}
