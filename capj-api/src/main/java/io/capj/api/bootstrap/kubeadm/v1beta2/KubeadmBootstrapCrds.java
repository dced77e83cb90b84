package io.capj.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The CustomResourceDefinitions of the kubeadm bootstrap provider, built fresh on each call. */
public final class KubeadmBootstrapCrds {
    private KubeadmBootstrapCrds() {
    }

    /** KubeadmConfig and KubeadmConfigTemplate, as apiextensions.k8s.io/v1 JSON. */
    public static List<ObjectNode> all() {
        return List.of(KubeadmConfigCrd.definition(), KubeadmConfigTemplateCrd.definition());
    }
}
