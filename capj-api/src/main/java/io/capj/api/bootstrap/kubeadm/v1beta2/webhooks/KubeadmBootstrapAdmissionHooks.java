package io.capj.api.bootstrap.kubeadm.v1beta2.webhooks;

import io.capj.api.bootstrap.kubeadm.v1beta2.BootstrapGroup;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.Map;

/** The kubeadm bootstrap webhooks by group/version/kind, to merge into a server's admission hooks. */
public final class KubeadmBootstrapAdmissionHooks {
    private KubeadmBootstrapAdmissionHooks() {
    }

    /**
     * KubeadmConfig and KubeadmConfigTemplate hooks.
     *
     * @param ignitionFormat whether the KubeadmBootstrapFormatIgnition feature gate is on (upstream: off)
     */
    public static Map<GroupVersionKind, AdmissionHook> byKind(boolean ignitionFormat) {
        return Map.of(
                GroupVersionKind.of(BootstrapGroup.API_VERSION, "KubeadmConfig"),
                new KubeadmConfigWebhook(ignitionFormat),
                GroupVersionKind.of(BootstrapGroup.API_VERSION, "KubeadmConfigTemplate"),
                new KubeadmConfigTemplateWebhook(ignitionFormat));
    }
}
