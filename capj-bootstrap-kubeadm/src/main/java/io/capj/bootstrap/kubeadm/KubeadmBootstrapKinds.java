package io.capj.bootstrap.kubeadm;

import io.capj.api.bootstrap.kubeadm.v1beta2.BootstrapGroup;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** The kinds the kubeadm bootstrap provider reconciles. */
public final class KubeadmBootstrapKinds {
    public static final ResourceKind<GenericKubernetesResource> KUBEADM_CONFIG = ResourceKind.generic(
            BootstrapGroup.NAME, BootstrapGroup.VERSION, "KubeadmConfig", "kubeadmconfigs", true);

    private KubeadmBootstrapKinds() {
    }
}
