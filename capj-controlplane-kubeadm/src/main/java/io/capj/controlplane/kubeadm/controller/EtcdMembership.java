package io.capj.controlplane.kubeadm.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.apimachinery.Json;
import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.etcd.EtcdClusterClient;
import io.capj.controlplane.kubeadm.etcd.EtcdLeadership;
import io.capj.core.CoreKinds;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The etcd side of removing a control-plane Machine: before deleting it, move etcd leadership away as
 * {@link EtcdLeadership} decides (upstream {@code forwardEtcdLeadership}); once the deleting Machine waits on the
 * kcp-cleanup pre-terminate hook, remove its etcd member, unless every Machine is going away, and then the
 * hook annotation (upstream {@code reconcilePreTerminateHook}).
 */
final class EtcdMembership {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdMembership.class);
    static final Duration HOOK_WAIT = Duration.ofSeconds(1);

    private final KubernetesClient client;

    EtcdMembership(KubernetesClient client) {
        this.client = client;
    }

    /** Moves leadership off {@code deleting}'s member when it leads; throws when that is needed but impossible. */
    void moveLeadershipAway(ControlPlane cp, ControlPlaneMachine deleting, Workload workload) {
        if (!cp.etcdManaged() || workload.etcd().isEmpty()) {
            return;
        }
        EtcdClusterClient etcd = workload.etcd().get();
        EtcdLeadership.Decision decision = EtcdLeadership.beforeDeleting(cp.machines(), deleting, etcd.leaderName());
        if (decision instanceof EtcdLeadership.Impossible impossible) {
            throw new IllegalStateException(impossible.message());
        }
        if (decision instanceof EtcdLeadership.MoveTo move) {
            RuntimeException last = null;
            for (ControlPlaneMachine candidate : move.candidates()) {
                try {
                    etcd.moveLeader(candidate.nodeName().orElseThrow());
                    LOG.info("moved etcd leadership from={} to={}", move.fromMember(), candidate.nodeName().get());
                    return;
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            throw new IllegalStateException("failed to move etcd leadership to any candidate", last);
        }
    }

    /**
     * Runs the kcp-cleanup hook of every deleting Machine that waits on it; {@code allGoing} (KCP deletion) skips
     * the member removal. Requeues while a deleting Machine has not reached its hook yet.
     */
    Result reconcilePreTerminateHooks(String namespace, ControlPlane cp, Workload workload, boolean allGoing) {
        Result result = Result.done();
        for (ControlPlaneMachine m : cp.machines().deleting()) {
            if (!m.hasAnnotation(KubeadmControlPlaneAnnotations.PreTerminateHookCleanupAnnotation)) {
                continue;
            }
            if (!waitingOnPreTerminateHook(m)) {
                result = result.min(Result.requeueAfter(HOOK_WAIT));
                continue;
            }
            boolean others = !cp.machines().notDeleting().isEmpty();
            if (!allGoing && others && cp.etcdManaged() && m.nodeName().isPresent() && workload.etcd().isPresent()) {
                workload.etcd().get().removeMember(m.nodeName().get());
                LOG.info("removed etcd member={} of Machine={}/{}", m.nodeName().get(), namespace, m.name());
            }
            ObjectNode patch = Json.object();
            patch.putObject("metadata").putObject("annotations")
                    .putNull(KubeadmControlPlaneAnnotations.PreTerminateHookCleanupAnnotation);
            client.genericKubernetesResources(CoreKinds.MACHINE.definitionContext()).inNamespace(namespace)
                    .withName(m.name()).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
        }
        return result;
    }

    /** Whether the Machine's Deleting condition says it waits on a pre-terminate hook. */
    static boolean waitingOnPreTerminateHook(ControlPlaneMachine m) {
        for (var c : m.machine().at("/status/conditions")) {
            if (MachineConditions.MachineDeletingCondition.equals(c.path("type").asText())) {
                return MachineConditions.MachineDeletingWaitingForPreTerminateHookReason.equals(c.path("reason").asText());
            }
        }
        return false;
    }
}
