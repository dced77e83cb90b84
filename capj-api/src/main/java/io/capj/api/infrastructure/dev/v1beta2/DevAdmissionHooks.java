package io.capj.api.infrastructure.dev.v1beta2;

import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.Map;

/**
 * The Dev kinds' webhooks (defaulting the backend, failure domain and template rules, immutability), by
 * group/version/kind, to merge into the server's admission hooks.
 */
public final class DevAdmissionHooks {
    private DevAdmissionHooks() {
    }

    /** Fresh, stateless hooks for DevCluster, DevMachine, DevClusterTemplate and DevMachineTemplate. */
    public static Map<GroupVersionKind, AdmissionHook> all() {
        return Map.of(
                gvk("DevCluster"), new DevClusterWebhook(),
                gvk("DevMachine"), new DevMachineWebhook(),
                gvk("DevClusterTemplate"), TemplateWebhook.forClusters(),
                gvk("DevMachineTemplate"), TemplateWebhook.forMachines());
    }

    private static GroupVersionKind gvk(String kind) {
        return GroupVersionKind.of(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, kind);
    }
}
