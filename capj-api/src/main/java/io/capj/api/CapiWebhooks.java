package io.capj.api;

import io.capj.api.bootstrap.kubeadm.v1beta2.webhooks.KubeadmBootstrapAdmissionHooks;
import io.capj.api.controlplane.kubeadm.v1beta2.webhooks.KubeadmControlPlaneAdmissionHooks;
import io.capj.api.core.v1beta2.webhooks.CapiAdmissionHooks;
import io.capj.api.infrastructure.dev.v1beta2.DevAdmissionHooks;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.admission.AdmissionHook;
import io.capj.apimachinery.admission.AdmissionHooks;
import java.util.HashMap;
import java.util.Map;

/**
 * The webhooks of every kind {@link CapiCrds#all()} defines, ready for {@code ApiServer.builder().admissionHooks(..)}:
 * the core kinds', the kubeadm bootstrap and control plane providers' (the Ignition format gate off, as upstream's
 * default) and the Dev infrastructure provider's.
 */
public final class CapiWebhooks {
    private CapiWebhooks() {
    }

    /** A fresh, stateless set of hooks keyed by group/version/kind. */
    public static AdmissionHooks all() {
        Map<GroupVersionKind, AdmissionHook> hooks = new HashMap<>(CapiAdmissionHooks.byKind());
        hooks.putAll(KubeadmBootstrapAdmissionHooks.byKind(false));
        hooks.putAll(KubeadmControlPlaneAdmissionHooks.byKind(false));
        hooks.putAll(DevAdmissionHooks.all());
        return AdmissionHooks.of(hooks);
    }
}
