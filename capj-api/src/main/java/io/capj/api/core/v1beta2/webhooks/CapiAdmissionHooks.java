package io.capj.api.core.v1beta2.webhooks;

import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.admission.AdmissionHook;
import io.capj.apimachinery.admission.AdmissionHooks;
import java.util.Map;

/**
 * The Cluster API core webhooks, ready to hand to {@code ApiServer.builder().admissionHooks(..)}:
 * Cluster, Machine, MachineSet, MachineDeployment and MachineHealthCheck of {@code cluster.x-k8s.io/v1beta2}.
 */
public final class CapiAdmissionHooks {
    private CapiAdmissionHooks() {
    }

    /** A fresh, stateless set of hooks keyed by group/version/kind. */
    public static AdmissionHooks all() {
        return AdmissionHooks.of(byKind());
    }

    /** The same hooks as a map, to combine with providers' hooks. */
    public static Map<GroupVersionKind, AdmissionHook> byKind() {
        return Map.of(
                gvk("Cluster"), (AdmissionHook) new ClusterWebhook(),
                gvk("Machine"), new MachineWebhook(),
                gvk("MachineSet"), new MachineSetWebhook(),
                gvk("MachineDeployment"), new MachineDeploymentWebhook(),
                gvk("MachineHealthCheck"), new MachineHealthCheckWebhook());
    }

    private static GroupVersionKind gvk(String kind) {
        return GroupVersionKind.of(CoreGroup.API_VERSION, kind);
    }
}
