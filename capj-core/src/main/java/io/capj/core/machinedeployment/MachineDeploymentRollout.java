package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.MachineDeploymentView;
import io.capj.runtime.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rollout pass over a MachineDeployment's MachineSets: split them into new and old, plan their replicas
 * (RollingUpdate through {@link RolloutPlanner} and {@link DeadlockBreaker}, OnDelete through
 * {@link OnDeletePlanner}, and, when {@code spec.paused} is set or the deployment's replicas changed mid-rollout,
 * {@link ProportionalScaling} only), write every MachineSet's desired state (creating the new one if needed), stamp
 * the revision, and delete old MachineSets that are empty once the rollout is complete.
 */
final class MachineDeploymentRollout {
    private static final Logger LOG = LoggerFactory.getLogger(MachineDeploymentRollout.class);

    private final MachineSetWriter writer;

    MachineDeploymentRollout(MachineSetWriter writer) {
        this.writer = writer;
    }

    Result reconcile(DeploymentScope scope) {
        ObjectNode md = scope.deployment;
        DeploymentView deployment = DeploymentViews.of(md);
        Instant now = Instant.now();
        NewAndOldMachineSets split = NewAndOldMachineSets.classify(md, scope.machineSets, now);
        List<MachineSetView> oldViews = split.oldSets().stream().map(MachineSetJson::view).toList();
        boolean scaleOnly = MachineDeploymentView.of(md).paused()
                || isScalingEvent(deployment, split.newSet(), oldViews);
        ObjectNode newBase = split.newSet();
        MachineSetView newView = newBase == null ? null : MachineSetJson.view(newBase);
        if (newBase == null && !scaleOnly) {
            if (!scope.missingTemplateKinds.isEmpty()) {
                throw new IllegalStateException("cannot create a MachineSet for MachineDeployment " + scope.key
                        + " when templates do not exist: " + String.join(", ", scope.missingTemplateKinds));
            }
            newBase = DesiredMachineSets.create(md);
            newView = MachineSetView.of(MachineSetJson.name(newBase), now, 0, 0);
            if (!oldViews.isEmpty()) {
                LOG.info("MachineSets need rollout MachineDeployment={} Cluster={} machineSets={} reason={}", scope.key,
                        scope.clusterName(), MachineSetJson.names(split.oldSets()), split.createReason());
            }
        }
        RolloutStep plan = plan(deployment, scaleOnly, newView, oldViews, scope.machineSets);
        Map<String, Integer> replicas = new HashMap<>();
        plan.all().forEach(ms -> replicas.put(ms.name(), ms.replicas()));
        List<MachineSetWriter.Change> changes = new ArrayList<>();
        for (ObjectNode old : split.oldSets()) {
            changes.add(new MachineSetWriter.Change(old, desiredOld(md, deployment, old, replicas), false));
        }
        if (newBase != null) {
            long revision = Math.max(Revisions.revision(MachineSetJson.annotations(newBase)),
                    Revisions.nextRevision(oldViews));
            changes.add(new MachineSetWriter.Change(split.newSet(), desiredNew(md, newBase, revision, replicas), true));
            md.withObject("/metadata").withObject("/annotations")
                    .put(CoreAnnotations.RevisionAnnotation, Long.toString(revision));
        }
        writer.apply(scope, changes);
        if (!scaleOnly) {
            cleanup(scope, deployment, split, replicas);
        }
        return requeueForRolloutAfter(md, now);
    }

    /** An old set keeps its revision; under OnDelete it may not replace Machines users delete. */
    private static ObjectNode desiredOld(ObjectNode md, DeploymentView deployment, ObjectNode old,
            Map<String, Integer> replicas) {
        String disableCreate = String.valueOf(!deployment.strategy().isRollingUpdate());
        ObjectNode desired = DesiredMachineSets.desired(md, old,
                Map.of(CoreAnnotations.DisableMachineCreateAnnotation, disableCreate));
        desired.withObject("/spec").put("replicas", replicas.get(MachineSetJson.name(old)));
        return desired;
    }

    private static ObjectNode desiredNew(ObjectNode md, ObjectNode base, long revision, Map<String, Integer> replicas) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(CoreAnnotations.RevisionAnnotation, Long.toString(revision));
        annotations.put(CoreAnnotations.DisableMachineCreateAnnotation, "false");
        ObjectNode desired = DesiredMachineSets.desired(md, base, annotations);
        desired.withObject("/spec").put("replicas", replicas.get(MachineSetJson.name(base)));
        return desired;
    }

    private static RolloutStep plan(DeploymentView md, boolean scaleOnly, MachineSetView newView,
            List<MachineSetView> oldViews, List<ObjectNode> machineSets) {
        if (scaleOnly) {
            return ProportionalScaling.scale(md, newView, oldViews);
        }
        Map<String, Integer> actual = new HashMap<>();
        Map<String, Integer> available = new HashMap<>();
        for (JsonNode ms : machineSets) {
            actual.put(MachineSetJson.name(ms), MachineSetJson.statusReplicas(ms));
            available.put(MachineSetJson.name(ms), ms.at("/status/availableReplicas").asInt(0));
        }
        RolloutStep current = new RolloutStep(newView, oldViews);
        if (md.strategy().isRollingUpdate()) {
            return DeadlockBreaker.apply(current, RolloutPlanner.planRollingUpdate(md, newView, oldViews), actual,
                    available);
        }
        MachineSetView newPlanned = RolloutPlanner.reconcileNewMachineSet(md, newView, oldViews);
        return new RolloutStep(newPlanned, OnDeletePlanner.scaleDownOldMachineSets(md, newPlanned, oldViews, actual));
    }

    /**
     * Kubernetes' scaling event: some active MachineSet was sized for other deployment replicas than the current
     * ones (its desired-replicas annotation), so this pass only resizes proportionally.
     */
    static boolean isScalingEvent(DeploymentView md, ObjectNode newSet, List<MachineSetView> oldViews) {
        List<MachineSetView> all = new ArrayList<>(oldViews);
        if (newSet != null) {
            all.add(MachineSetJson.view(newSet));
        }
        String wanted = String.valueOf(md.replicas());
        return all.stream().filter(MachineSetView::active)
                .map(ms -> ms.annotations().get(CoreAnnotations.DesiredReplicasAnnotation))
                .anyMatch(desired -> desired != null && !desired.equals(wanted));
    }

    /**
     * Once every replica is up to date and available, deletes old MachineSets that want and have no Machines
     * and whose status has caught up with their spec (upstream's {@code cleanupDeployment}).
     */
    private void cleanup(DeploymentScope scope, DeploymentView md, NewAndOldMachineSets split,
            Map<String, Integer> planned) {
        if (!rolloutComplete(md, scope.machineSets)) {
            return;
        }
        for (ObjectNode old : split.oldSets()) {
            if (MachineSetJson.deleting(old) || planned.getOrDefault(MachineSetJson.name(old), 0) != 0
                    || MachineSetJson.specReplicas(old) != 0 || MachineSetJson.statusReplicas(old) != 0
                    || old.at("/metadata/generation").asLong() > old.at("/status/observedGeneration").asLong()
                    || ownsMachines(scope, old)) {
                continue;
            }
            writer.delete(scope, old, "cleanup of old MachineSets");
        }
    }

    private static boolean rolloutComplete(DeploymentView md, List<ObjectNode> machineSets) {
        int replicas = 0;
        int upToDate = 0;
        int available = 0;
        for (JsonNode ms : machineSets) {
            replicas += MachineSetJson.statusReplicas(ms);
            upToDate += ms.at("/status/upToDateReplicas").asInt(0);
            available += ms.at("/status/availableReplicas").asInt(0);
        }
        return replicas == md.replicas() && upToDate == md.replicas() && available == md.replicas();
    }

    private static boolean ownsMachines(DeploymentScope scope, JsonNode ms) {
        String uid = MachineSetJson.uid(ms);
        return scope.machines.stream().anyMatch(m -> MachineSetJson.controlledBy(m, uid));
    }

    /** While {@code rollout.after} lies ahead, come back when it passes. */
    private static Result requeueForRolloutAfter(JsonNode md, Instant now) {
        Optional<Instant> after = NewAndOldMachineSets.rolloutAfter(md);
        if (after.isPresent() && now.isBefore(after.get())) {
            return Result.requeueAfter(Duration.between(now, after.get()).plusMillis(100));
        }
        return Result.done();
    }
}
