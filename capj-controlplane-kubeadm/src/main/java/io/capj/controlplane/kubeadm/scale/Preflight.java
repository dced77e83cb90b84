package io.capj.controlplane.kubeadm.scale;

import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.KubeadmControlPlaneMachineEtcdMemberHealthyCondition;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.apimachinery.ObjectMeta;
import io.capj.controlplane.kubeadm.controlplane.ConditionState;
import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.TargetControlPlane;
import io.capj.controlplane.kubeadm.etcd.EtcdMember;
import io.capj.controlplane.kubeadm.etcd.EtcdQuorum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upstream {@code preflightChecks}: KCP does one operation at a time, so a scale up or down waits until the
 * control plane is stable. In order:
 * <ol>
 * <li>no Machines yet: pass (the control plane is being initialized);</li>
 * <li>a topology Cluster whose version (or {@code topology.internal.cluster.x-k8s.io/upgrade-step}) is not yet
 * the KCP's: wait;</li>
 * <li>scale up without CertificatesAvailable=True on the KCP: wait;</li>
 * <li>any Machine deleting: wait (30s);</li>
 * <li>every Machine but the excluded one (the scale-down victim) has a nodeRef and True APIServerPodHealthy,
 * ControllerManagerPodHealthy, SchedulerPodHealthy, and with managed etcd EtcdPodHealthy and EtcdMemberHealthy;
 * otherwise wait — except that a scale up while {@code remediation-in-progress} is set only needs one Machine
 * with healthy components and etcd that keeps quorum with one more (worst-case unhealthy) member.</li>
 * </ol>
 */
public final class Preflight {

    private Preflight() {
    }

    public static PreflightResult check(ControlPlane cp, List<EtcdMember> etcdMembers, boolean scaleUp,
            Optional<String> excludedMachine) {
        if (cp.machines().isEmpty()) {
            return PreflightResult.pass();
        }
        Optional<String> pendingVersion = pendingTopologyVersion(cp);
        if (pendingVersion.isPresent()) {
            return new PreflightResult(pendingVersion, false, false, false, false,
                    List.of("Waiting for a version upgrade to " + pendingVersion.get() + " to be propagated"),
                    PreflightResult.FAILED_REQUEUE);
        }
        if (scaleUp && !cp.kcp().status().certificatesAvailable()) {
            return new PreflightResult(Optional.empty(), false, true, false, false,
                    List.of("Certificates are missing or unknown, can't join a new machine"),
                    PreflightResult.FAILED_REQUEUE);
        }
        if (!cp.machines().deleting().isEmpty()) {
            return new PreflightResult(Optional.empty(), true, false, false, false,
                    List.of("Waiting for machines to be deleted: " + String.join(", ", cp.machines().deleting().names())),
                    PreflightResult.DELETE_REQUEUE);
        }
        PreflightResult healthiness = checkHealthiness(cp, excludedMachine);
        if (!healthiness.passed() && scaleUp
                && ObjectMeta.annotations(cp.kcp().json())
                        .containsKey(KubeadmControlPlaneAnnotations.RemediationInProgressAnnotation)) {
            return checkHealthinessWhileRemediationInProgress(cp, etcdMembers);
        }
        return healthiness;
    }

    private static PreflightResult checkHealthiness(ControlPlane cp, Optional<String> excluded) {
        boolean etcdManaged = cp.etcdManaged();
        boolean components = false;
        boolean etcd = false;
        List<String> errors = new ArrayList<>();
        for (ControlPlaneMachine m : cp.machines()) {
            if (excluded.filter(m.name()::equals).isPresent()) {
                continue;
            }
            if (!m.hasNode()) {
                errors.add("Machine " + m.name()
                        + " does not have a corresponding Node yet (Machine.status.nodeRef not set)");
                components = true;
                etcd |= etcdManaged;
                continue;
            }
            for (String condition : ControlPlaneMachine.healthConditions(etcdManaged)) {
                Optional<String> error = conditionError(m, condition);
                if (error.isPresent()) {
                    errors.add(error.get());
                    if (condition.equals(KubeadmControlPlaneMachineEtcdMemberHealthyCondition)) {
                        etcd = true;
                    } else {
                        components = true;
                    }
                }
            }
        }
        return new PreflightResult(Optional.empty(), false, false, components, etcd, List.copyOf(errors),
                errors.isEmpty() ? Duration.ZERO : PreflightResult.FAILED_REQUEUE);
    }

    private static PreflightResult checkHealthinessWhileRemediationInProgress(ControlPlane cp,
            List<EtcdMember> etcdMembers) {
        boolean components = false;
        boolean etcd = false;
        List<String> errors = new ArrayList<>();
        if (!TargetControlPlane.keepsHealthyComponents(cp.machines(), cp.etcdManaged(), true, Optional.empty())) {
            components = true;
            errors.add("cannot add a new control plane Machine when there are no control plane Machines with all "
                    + "Kubernetes control plane components in healthy state. Please check Kubernetes control plane "
                    + "component status");
        }
        if (cp.etcdManaged()) {
            if (etcdMembers.isEmpty()) {
                errors.add("cannot check etcd cluster health before scale up, etcd member list is empty");
            } else if (!EtcdQuorum.canSafelyAdd(etcdMembers, cp.machines())) {
                etcd = true;
                errors.add("adding a new control plane Machine can lead to etcd quorum loss. Please check the etcd status");
            }
        }
        return new PreflightResult(Optional.empty(), false, false, components, etcd, List.copyOf(errors),
                errors.isEmpty() ? Duration.ZERO : PreflightResult.FAILED_REQUEUE);
    }

    private static Optional<String> conditionError(ControlPlaneMachine m, String condition) {
        ConditionState state = m.condition(condition);
        String message = m.conditionMessage(condition).orElse("");
        return switch (state) {
            case ABSENT -> Optional.of("Machine " + m.name() + " does not have " + condition + " condition");
            case FALSE -> Optional.of("Machine " + m.name() + " reports " + condition + " condition is false ("
                    + message + ")");
            case UNKNOWN -> Optional.of("Machine " + m.name() + " reports " + condition + " condition is unknown ("
                    + message + ")");
            case TRUE -> Optional.empty();
        };
    }

    /**
     * For a Cluster with a topology: the version KCP still waits for, when neither the topology version nor a
     * non-empty upgrade-step annotation equals the KCP's version (the step, when set, is the one reported).
     */
    public static Optional<String> pendingTopologyVersion(ControlPlane cp) {
        JsonNode topology = cp.cluster().at("/spec/topology");
        if (!topology.isObject() || topology.isEmpty()) {
            return Optional.empty();
        }
        String kcpVersion = cp.kcp().version();
        String step = cp.cluster().at("/metadata/annotations").path(CoreAnnotations.ClusterTopologyUpgradeStepAnnotation)
                .asText("");
        if (!step.isEmpty() && step.equals(kcpVersion)) {
            return Optional.empty();
        }
        String topologyVersion = topology.path("version").asText("");
        if (topologyVersion.equals(kcpVersion)) {
            return Optional.empty();
        }
        return Optional.of(step.isEmpty() ? topologyVersion : step);
    }
}
