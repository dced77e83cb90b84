package io.capj.controlplane.kubeadm;

/**
 * Upstream's KubeadmControlPlane names this module's decision logic needs (annotation keys, condition types on
 * control-plane Machines, OwnerRemediated reasons, defaults), with upstream's string values. Kept here until
 * the KubeadmControlPlane API package in capj-api owns them; the lead reconciles the two.
 */
public final class KubeadmControlPlaneNames {

    /** On the KCP while a remediation's replacement Machine is not yet created; value is RemediationData JSON. */
    public static final String RemediationInProgressAnnotation = "controlplane.cluster.x-k8s.io/remediation-in-progress";
    /** On a replacement Machine: the RemediationData JSON of the remediation that created it. */
    public static final String RemediationForAnnotation = "controlplane.cluster.x-k8s.io/remediation-for";
    /** Pre-terminate hook KCP puts on its Machines to remove the etcd member after drain. */
    public static final String PreTerminateHookCleanupAnnotation =
            "pre-terminate.delete.hook.machine.cluster.x-k8s.io/kcp-cleanup";

    public static final String MachineAPIServerPodHealthyCondition = "APIServerPodHealthy";
    public static final String MachineControllerManagerPodHealthyCondition = "ControllerManagerPodHealthy";
    public static final String MachineSchedulerPodHealthyCondition = "SchedulerPodHealthy";
    public static final String MachineEtcdPodHealthyCondition = "EtcdPodHealthy";
    public static final String MachineEtcdMemberHealthyCondition = "EtcdMemberHealthy";
    public static final String MachineNodeKubeadmLabelsAndTaintsSetCondition = "NodeKubeadmLabelsAndTaintsSet";

    /** KCP condition: the cluster certificates exist. */
    public static final String CertificatesAvailableCondition = "CertificatesAvailable";

    public static final String MachineCannotBeRemediatedReason = "CannotBeRemediated";
    public static final String MachineRemediationDeferredReason = "RemediationDeferred";
    public static final String MachineRemediationMachineDeletingReason = "MachineDeleting";

    /** {@code spec.remediation.minHealthyPeriodSeconds} when unset: one hour. */
    public static final int DefaultMinHealthyPeriodSeconds = 3600;

    private KubeadmControlPlaneNames() {
    }
}
