package io.capj.controlplane.kubeadm;

import io.capj.api.controlplane.kubeadm.v1beta2.ControlPlaneGroup;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** The kinds the KubeadmControlPlane controller reads and writes, as generic resources. */
public final class KubeadmControlPlaneKinds {
    /** {@code kubeadmcontrolplanes.controlplane.cluster.x-k8s.io}. */
    public static final ResourceKind<GenericKubernetesResource> KUBEADM_CONTROL_PLANE = ResourceKind.generic(
            ControlPlaneGroup.NAME, ControlPlaneGroup.VERSION, "KubeadmControlPlane", "kubeadmcontrolplanes", true);

    private KubeadmControlPlaneKinds() {
    }
}
