package io.capj.api.controlplane.kubeadm.v1beta2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The CustomResourceDefinitions of the kubeadm control plane provider, built fresh on each call. */
public final class KubeadmControlPlaneCrds {
    private KubeadmControlPlaneCrds() {
    }

    /** KubeadmControlPlane and KubeadmControlPlaneTemplate, as apiextensions.k8s.io/v1 JSON. */
    public static List<ObjectNode> all() {
        return List.of(KubeadmControlPlaneCrd.definition(), KubeadmControlPlaneTemplateCrd.definition());
    }
}
