package io.capj.core.machinehealthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.api.core.v1beta2.MachineHealthCheckConditions;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.core.machinedeployment.TreeConditions;
import io.capj.runtime.Cache;
import io.capj.runtime.Conditions;
import io.capj.runtime.EventRecorder;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.capj.runtime.Reconciler;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one MachineHealthCheck: fetch it and its Cluster, snapshot, honour pause (Cluster
 * {@code spec.paused} or the paused annotation), own it by the Cluster and label it, then judge every target
 * ({@link TargetHealth}), decide whether remediation may start ({@link RemediationTrigger}), write the verdicts
 * onto the Machines ({@link MachineMarks}), and report expectedMachines, currentHealthy, remediationsAllowed,
 * targets and RemediationAllowed in one status patch. The next pass is due when the earliest running timeout
 * expires; a failure on one Machine does not stop the others and is rethrown after the patch.
 */
public final class MachineHealthCheckReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(MachineHealthCheckReconciler.class);
    /** Upstream's warning event when too many targets are unhealthy to remediate. */
    static final String REMEDIATION_RESTRICTED = "RemediationRestricted";

    private final Manager manager;
    private final RemoteClusters remotes;
    private final String controllerName;
    private final HealthCheckTargets targets;
    private final MachineMarks marks;
    private final EventRecorder events;

    MachineHealthCheckReconciler(Manager manager, RemoteClusters remotes, String controllerName) {
        this.manager = manager;
        this.remotes = remotes;
        this.controllerName = controllerName;
        this.targets = new HealthCheckTargets(manager);
        this.events = manager.events();
        this.marks = new MachineMarks(events, new ExternalRemediation(manager));
    }

    @Override
    public Result reconcile(Request request) {
        Optional<ObjectNode> found = manager.cache().get(CoreKinds.MACHINE_HEALTH_CHECK, request.namespace(),
                request.name()).map(Trees::of);
        if (found.isEmpty()) {
            return Result.done();
        }
        ObjectNode healthCheck = found.get();
        String clusterName = healthCheck.at("/spec/clusterName").asText();
        ObjectNode cluster = manager.cache().get(CoreKinds.CLUSTER, request.namespace(), clusterName).map(Trees::of)
                .orElseThrow(() -> new IllegalStateException("failed to get Cluster " + request.namespace() + "/"
                        + clusterName + " of MachineHealthCheck " + request + ": not found"));
        PatchHelper patchHelper = PatchHelper.snapshot(manager.client(), CoreKinds.MACHINE_HEALTH_CHECK, healthCheck);
        Optional<String> paused = pausedBy(cluster, healthCheck);
        TreeConditions.set(healthCheck, CommonConditions.PausedCondition,
                paused.isPresent() ? Conditions.TRUE : Conditions.FALSE,
                paused.isPresent() ? CommonConditions.PausedReason : CommonConditions.NotPausedReason,
                paused.orElse(""));
        if (paused.isPresent()) {
            patchHelper.patch(healthCheck);
            return Result.done();
        }
        ownByCluster(healthCheck, cluster);
        Result result;
        RuntimeException failure = null;
        try {
            result = check(request, healthCheck, cluster);
        } catch (RuntimeException e) {
            failure = e;
            result = Result.done();
        }
        if (failure == null) {
            healthCheck.withObject("/status").put("observedGeneration", healthCheck.at("/metadata/generation").asLong());
        }
        patchHelper.patch(healthCheck);
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /** Judges the targets, writes their verdicts and this health check's status; returns when to look again. */
    private Result check(Request request, ObjectNode healthCheck, ObjectNode cluster) {
        List<HealthCheckTarget> found = targets.of(healthCheck, workloadNodes(request, cluster));
        TargetHealth health = new TargetHealth(cluster, healthCheck.at("/spec/checks"), Instant.now());
        List<Verdict> verdicts = new ArrayList<>();
        Duration recheck = Duration.ZERO;
        int healthy = 0;
        for (HealthCheckTarget target : found) {
            Verdict verdict = TargetHealth.settle(health.judge(target), target);
            verdicts.add(verdict);
            healthy += verdict.isHealthy() ? 1 : 0;
            recheck = TargetHealth.earliest(recheck, verdict.recheckAfter());
        }
        ObjectNode status = healthCheck.withObject("/status");
        status.put("expectedMachines", found.size()).put("currentHealthy", healthy);
        ArrayNode names = status.putArray("targets");
        found.forEach(t -> names.add(t.name()));
        RemediationTrigger trigger = RemediationTrigger.decide(healthCheck.at("/spec/remediation/triggerIf"),
                found.size(), healthy);
        status.put("remediationsAllowed", trigger.remediationsAllowed());
        boolean newlyUnhealthy = false;
        for (int i = 0; i < found.size(); i++) {
            newlyUnhealthy |= verdicts.get(i).isUnhealthy() && !MachineMarks.markedUnhealthy(found.get(i).machine());
        }
        reportTrigger(healthCheck, trigger, verdicts.stream().anyMatch(Verdict::isUnhealthy), newlyUnhealthy);
        markAll(healthCheck, found, verdicts, trigger.allowed());
        return Result.requeueAfter(recheck);
    }

    /** Marks every target; one Machine's failure does not stop the others, and a Machine gone meanwhile is skipped. */
    private void markAll(JsonNode healthCheck, List<HealthCheckTarget> found, List<Verdict> verdicts,
            boolean remediationAllowed) {
        RuntimeException failure = null;
        for (int i = 0; i < found.size(); i++) {
            try {
                mark(healthCheck, found.get(i), verdicts.get(i), remediationAllowed);
            } catch (KubernetesClientException e) {
                if (!gone(found.get(i))) {
                    failure = first(failure, e);
                }
            } catch (RuntimeException e) {
                failure = first(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether the target Machine no longer exists (the cache was behind): nothing to mark then. */
    private boolean gone(HealthCheckTarget target) {
        return manager.client().genericKubernetesResources(CoreKinds.MACHINE.definitionContext())
                .inNamespace(target.machine().at("/metadata/namespace").asText()).withName(target.name()).get() == null;
    }

    private static RuntimeException first(RuntimeException failure, RuntimeException next) {
        if (failure == null) {
            return next;
        }
        failure.addSuppressed(next);
        return failure;
    }

    private void mark(JsonNode healthCheck, HealthCheckTarget target, Verdict verdict, boolean remediationAllowed) {
        if (!remediationAllowed) {
            marks.report(target, verdict);
        } else if (verdict.isUnhealthy()) {
            marks.unhealthy(healthCheck, target, verdict);
        } else if (verdict.isHealthy()) {
            marks.healthy(healthCheck, target);
        }
    }

    /**
     * RemediationAllowed, with a RemediationRestricted event when it turns False (or its counts change) and when
     * a Machine is newly found unhealthy while it is False; upstream repeats the event on every pass.
     */
    private void reportTrigger(ObjectNode healthCheck, RemediationTrigger trigger, boolean anyUnhealthy,
            boolean newlyUnhealthy) {
        String type = MachineHealthCheckConditions.MachineHealthCheckRemediationAllowedCondition;
        if (trigger.allowed()) {
            TreeConditions.set(healthCheck, type, Conditions.TRUE,
                    MachineHealthCheckConditions.MachineHealthCheckRemediationAllowedReason, "");
            return;
        }
        boolean alreadyRestricted = TreeConditions.read(healthCheck).stream().anyMatch(c -> type.equals(c.getType())
                && Conditions.FALSE.equals(c.getStatus()) && trigger.message().equals(c.getMessage()));
        TreeConditions.set(healthCheck, type, Conditions.FALSE,
                MachineHealthCheckConditions.MachineHealthCheckTooManyUnhealthyReason, trigger.message());
        if (anyUnhealthy && (newlyUnhealthy || !alreadyRestricted)) {
            LOG.info("Short-circuiting remediation MachineHealthCheck={}/{} Cluster={}/{} message={}",
                    healthCheck.at("/metadata/namespace").asText(), healthCheck.at("/metadata/name").asText(),
                    healthCheck.at("/metadata/namespace").asText(), healthCheck.at("/spec/clusterName").asText(),
                    trigger.message());
            events.warning(healthCheck, REMEDIATION_RESTRICTED, trigger.message());
        }
    }

    /**
     * The workload cluster's cache once the control plane is initialized (Nodes then wake this controller);
     * null before, when only control-plane Machines are judged and none can have a Node yet.
     */
    private Cache workloadNodes(Request request, ObjectNode cluster) {
        if (!TargetHealth.controlPlaneInitialized(ClusterView.of(cluster))) {
            return null;
        }
        Request clusterKey = new Request(request.namespace(), cluster.at("/metadata/name").asText());
        remotes.watch(clusterKey, CoreKinds.NODE, controllerName, node -> MachineHealthCheckController
                .healthChecksOfCluster(manager.cache(), clusterKey.namespace(), clusterKey.name()));
        return remotes.cache(clusterKey);
    }

    private static Optional<String> pausedBy(JsonNode cluster, JsonNode healthCheck) {
        if (ClusterView.of(cluster).spec().paused()) {
            return Optional.of("Cluster spec.paused is set to true");
        }
        if (healthCheck.at("/metadata/annotations").has(CoreAnnotations.PausedAnnotation)) {
            return Optional.of("MachineHealthCheck has the " + CoreAnnotations.PausedAnnotation + " annotation");
        }
        return Optional.empty();
    }

    /** The Cluster owns its health checks (not as controller), and they carry its name as a label. */
    private static void ownByCluster(ObjectNode healthCheck, JsonNode cluster) {
        ObjectNode metadata = healthCheck.withObject("/metadata");
        String clusterName = cluster.at("/metadata/name").asText();
        metadata.withObject("/labels").put(CoreLabels.ClusterNameLabel, clusterName);
        String uid = cluster.at("/metadata/uid").asText();
        ArrayNode owners = metadata.withArray("ownerReferences");
        for (JsonNode owner : owners) {
            if (uid.equals(owner.path("uid").asText())) {
                return;
            }
        }
        owners.addObject().put("apiVersion", CoreGroup.API_VERSION).put("kind", "Cluster").put("name", clusterName)
                .put("uid", uid);
    }
}
