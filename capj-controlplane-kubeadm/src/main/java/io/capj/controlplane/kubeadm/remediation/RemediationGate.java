package io.capj.controlplane.kubeadm.remediation;

import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.KubeadmControlPlaneMachineCannotBeRemediatedReason;
import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.KubeadmControlPlaneMachineRemediationDeferredReason;

import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.apimachinery.ObjectMeta;
import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import io.capj.controlplane.kubeadm.controlplane.TargetControlPlane;
import io.capj.controlplane.kubeadm.etcd.EtcdMember;
import io.capj.controlplane.kubeadm.etcd.EtcdQuorum;
import io.capj.controlplane.kubeadm.scale.Preflight;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether and which control-plane Machine KCP remediates in this pass (upstream {@code reconcileUnhealthyMachines}
 * without its writes). Candidates have HealthCheckSucceeded=False and OwnerRemediated=False; the victim is chosen
 * by {@link RemediationVictim}. Then, in upstream's order:
 * <ol>
 * <li>the victim is already deleting → wait for it;</li>
 * <li>the KCP carries a (non-stale) {@code remediation-in-progress} annotation → one at a time, wait;</li>
 * <li>a topology Cluster still propagating a version → deferred;</li>
 * <li>{@link RemediationRetry} (retryPeriod, maxRetry);</li>
 * <li>once the control plane is initialized: more than one Machine, no healthy Machine still provisioning, none
 * deleting, a readable etcd member list (managed etcd), and removing the victim leaves one Machine with healthy
 * components and etcd with quorum. Before initialization the first Machine may always be remediated.</li>
 * </ol>
 * The caller moves etcd leadership ({@code EtcdLeadership}), deletes the victim, sets OwnerRemediated=False
 * (MachineDeleting, "Machine is deleting") and the KCP's remediation-in-progress annotation to the decision's data.
 * <p>Deviation: with external etcd the empty etcd member list does not block remediation (upstream's check does
 * not look at whether KCP manages etcd).
 */
public final class RemediationGate {

    private RemediationGate() {
    }

    /** The remediation decision of one pass. */
    public sealed interface Decision {
    }

    /** No Machine needs remediation by KCP; go on with other operations. */
    public record NothingToRemediate() implements Decision {
    }

    /** The chosen Machine is already deleting, or another remediation is in progress: return and wait. */
    public record Waiting(ControlPlaneMachine machine, String reason) implements Decision {
    }

    /** Remediation is not possible now; set OwnerRemediated=False with this reason and message on the Machine. */
    public record Blocked(ControlPlaneMachine machine, String reason, String message) implements Decision {
    }

    /** Delete {@code machine} and record {@code data} in the KCP's remediation-in-progress annotation. */
    public record Remediate(ControlPlaneMachine machine, RemediationData data) implements Decision {
    }

    /**
     * @param etcdMemberName the etcd member hosted on the victim when its nodeRef is not set yet but the caller
     *     found its Node by providerID (upstream {@code tryGetEtcdMemberName}); empty otherwise.
     */
    public static Decision evaluate(ControlPlane cp, List<EtcdMember> etcdMembers, Optional<String> etcdMemberName) {
        Optional<ControlPlaneMachine> picked = RemediationVictim.pick(cp.machines().toBeRemediatedByKcp(),
                cp.etcdManaged());
        if (picked.isEmpty()) {
            return new NothingToRemediate();
        }
        ControlPlaneMachine victim = picked.get();
        if (victim.deleting()) {
            return new Waiting(victim, "Machine " + victim.name() + " is deleting");
        }
        if (ObjectMeta.annotations(cp.kcp().json())
                .containsKey(KubeadmControlPlaneAnnotations.RemediationInProgressAnnotation)
                && !remediationInProgressIsStale(cp)) {
            return new Waiting(victim, "another remediation is in progress");
        }
        Optional<String> pendingVersion = Preflight.pendingTopologyVersion(cp);
        if (pendingVersion.isPresent()) {
            return new Blocked(victim, KubeadmControlPlaneMachineRemediationDeferredReason,
                    "KubeadmControlPlane can't remediate while waiting for a version upgrade to " + pendingVersion.get()
                            + " to be propagated from Cluster.spec.topology");
        }
        RemediationRetry.Outcome retry = RemediationRetry.check(cp.kcp(), victim, cp.now());
        if (retry instanceof RemediationRetry.Blocked blocked) {
            return new Blocked(victim, blocked.reason(), blocked.message());
        }
        RemediationData data = ((RemediationRetry.Allowed) retry).data();
        if (cp.kcp().status().controlPlaneInitialized()) {
            Optional<Decision> notSafe = initializedGates(cp, etcdMembers, victim, etcdMemberName);
            if (notSafe.isPresent()) {
                return notSafe.get();
            }
        }
        return new Remediate(victim, data);
    }

    private static Optional<Decision> initializedGates(ControlPlane cp, List<EtcdMember> etcdMembers,
            ControlPlaneMachine victim, Optional<String> etcdMemberName) {
        ControlPlaneMachines machines = cp.machines();
        if (machines.size() <= 1) {
            return Optional.of(new Blocked(victim, KubeadmControlPlaneMachineCannotBeRemediatedReason,
                    "KubeadmControlPlane can't remediate if current replicas are less or equal to 1"));
        }
        if (machines.hasHealthyMachineStillProvisioning()) {
            return Optional.of(new Blocked(victim, KubeadmControlPlaneMachineRemediationDeferredReason,
                    "KubeadmControlPlane waiting for control plane Machine provisioning to complete before triggering "
                            + "remediation"));
        }
        if (!machines.deleting().isEmpty()) {
            return Optional.of(new Blocked(victim, KubeadmControlPlaneMachineRemediationDeferredReason,
                    "KubeadmControlPlane waiting for control plane Machine deletion to complete before triggering "
                            + "remediation"));
        }
        if (cp.etcdManaged() && etcdMembers.isEmpty()) {
            return Optional.of(new Blocked(victim, KubeadmControlPlaneMachineRemediationDeferredReason,
                    "Failed to check etcd cluster health before remediation"));
        }
        if (!canSafelyRemediate(cp, etcdMembers, victim, etcdMemberName)) {
            return Optional.of(new Blocked(victim, KubeadmControlPlaneMachineCannotBeRemediatedReason,
                    "KubeadmControlPlane can't remediate this Machine because this could result in loosing Kubernetes "
                            + "control plane components or in etcd quorum loss"));
        }
        return Optional.empty();
    }

    /**
     * Upstream {@code canSafelyRemediateMachine}: without the victim, one Machine keeps healthy components and,
     * with managed etcd, removing its member keeps quorum. A victim whose member name is unknown passes the etcd
     * part (remediation is the user's intent; the kcp-cleanup hook checks again before removing the member).
     */
    public static boolean canSafelyRemediate(ControlPlane cp, List<EtcdMember> etcdMembers, ControlPlaneMachine victim,
            Optional<String> etcdMemberName) {
        if (!TargetControlPlane.keepsHealthyComponents(cp.machines(), cp.etcdManaged(), false,
                Optional.of(victim.name()))) {
            return false;
        }
        if (!cp.etcdManaged()) {
            return true;
        }
        Optional<String> member = victim.nodeName().or(() -> etcdMemberName);
        if (member.isEmpty()) {
            return true;
        }
        if (etcdMembers.isEmpty()) {
            return false;
        }
        return EtcdQuorum.canSafelyRemove(etcdMembers, cp.machines(), member.get());
    }

    /**
     * A remediation-in-progress annotation is stale once some Machine was created after its timestamp: the
     * replacement exists (the controller crashed before removing the annotation). The caller removes it.
     */
    public static boolean remediationInProgressIsStale(ControlPlane cp) {
        Optional<String> value = Optional.ofNullable(ObjectMeta.annotations(cp.kcp().json())
                .get(KubeadmControlPlaneAnnotations.RemediationInProgressAnnotation));
        if (value.isEmpty()) {
            return false;
        }
        Instant since = RemediationData.fromAnnotation(value.get()).timestamp().orElse(Instant.EPOCH);
        for (ControlPlaneMachine m : cp.machines()) {
            if (m.creationTimestamp().isAfter(since)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Machines whose earlier remediation did not go ahead but are healthy again (HealthCheckSucceeded=True,
     * OwnerRemediated=False, not deleting): the caller deletes their OwnerRemediated condition.
     */
    public static ControlPlaneMachines ownerRemediatedToClear(ControlPlaneMachines machines) {
        return machines.filter(m -> !m.deleting()
                && m.isTrue(MachineConditions.MachineHealthCheckSucceededCondition)
                && m.isFalse(MachineConditions.MachineOwnerRemediatedCondition));
    }
}
