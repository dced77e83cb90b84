package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;

import io.capj.api.controlplane.kubeadm.v1beta2.ControlPlaneGroup;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.Map;

/** The kubeadm control plane webhooks by group/version/kind, to merge into a server's admission hooks. */
public final class KubeadmControlPlaneAdmissionHooks {
    private KubeadmControlPlaneAdmissionHooks() {
    }

    /**
     * KubeadmControlPlane and KubeadmControlPlaneTemplate hooks.
     *
     * @param ignitionFormat whether the KubeadmBootstrapFormatIgnition feature gate is on (upstream: off)
     */
    public static Map<GroupVersionKind, AdmissionHook> byKind(boolean ignitionFormat) {
        return Map.of(
                GroupVersionKind.of(ControlPlaneGroup.API_VERSION, "KubeadmControlPlane"),
                new KubeadmControlPlaneWebhook(ignitionFormat),
                GroupVersionKind.of(ControlPlaneGroup.API_VERSION, "KubeadmControlPlaneTemplate"),
                new KubeadmControlPlaneTemplateWebhook(ignitionFormat));
    }
}
