package io.capj.api.controlplane.kubeadm.v1beta2;

import io.capj.api.core.v1beta2.CoreAnnotations;

/**
 * Annotations, the finalizer and defaults of the KubeadmControlPlane provider, with upstream's exact keys.
 * Control-plane Machines also carry {@code cluster.x-k8s.io/control-plane} and
 * {@code cluster.x-k8s.io/control-plane-name} from {@link io.capj.api.core.v1beta2.CoreLabels}.
 */
public final class KubeadmControlPlaneAnnotations {
    /** The finalizer the KubeadmControlPlane controller puts on its objects. */
    public static final String KubeadmControlPlaneFinalizer = "kubeadm.controlplane.cluster.x-k8s.io";
    /** Set on a KubeadmControlPlane: do not reconcile CoreDNS (and skip the CoreDNS migration check). */
    public static final String SkipCoreDNSAnnotation = "controlplane.cluster.x-k8s.io/skip-coredns";
    /** Set on a KubeadmControlPlane: do not reconcile kube-proxy. */
    public static final String SkipKubeProxyAnnotation = "controlplane.cluster.x-k8s.io/skip-kube-proxy";
    /**
     * On a KubeadmControlPlane between deleting an unhealthy Machine and creating its replacement; its value
     * is the JSON of the remediation data.
     */
    public static final String RemediationInProgressAnnotation =
            "controlplane.cluster.x-k8s.io/remediation-in-progress";
    /** On a replacement Machine: links it to the first unhealthy Machine of the remediation sequence. */
    public static final String RemediationForAnnotation = "controlplane.cluster.x-k8s.io/remediation-for";
    /**
     * The pre-terminate hook KCP puts on its Machines so it can remove the etcd member right before the
     * InfraMachine is deleted.
     */
    public static final String PreTerminateHookCleanupAnnotation =
            CoreAnnotations.PreTerminateDeleteHookAnnotationPrefix + "/kcp-cleanup";
    /** On control-plane Machines: the ClusterConfiguration (JSON) they were created with. */
    public static final String KubeadmClusterConfigurationAnnotation =
            "controlplane.cluster.x-k8s.io/kubeadm-cluster-configuration";
    /** Default of {@code spec.remediation.minHealthyPeriodSeconds}, applied by the controller (one hour). */
    public static final int DefaultMinHealthyPeriodSeconds = 60 * 60;
    /** The Machine name template used when {@code spec.machineNaming.template} is unset. */
    public static final String DefaultMachineNamingTemplate = "{{ .kubeadmControlPlane.name }}-{{ .random }}";

    private KubeadmControlPlaneAnnotations() {
    }
}
