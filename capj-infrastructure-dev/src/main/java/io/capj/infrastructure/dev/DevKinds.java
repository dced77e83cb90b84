package io.capj.infrastructure.dev;

import io.capj.api.infrastructure.dev.v1beta2.DevInfrastructureCrds;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** The kinds the Dev provider reconciles, read as unstructured JSON like every Cluster API kind. */
public final class DevKinds {
    public static final ResourceKind<GenericKubernetesResource> DEV_CLUSTER = dev("DevCluster", "devclusters");
    public static final ResourceKind<GenericKubernetesResource> DEV_MACHINE = dev("DevMachine", "devmachines");

    private DevKinds() {
    }

    private static ResourceKind<GenericKubernetesResource> dev(String kind, String plural) {
        return ResourceKind.generic(DevInfrastructureCrds.GROUP, DevInfrastructureCrds.VERSION, kind, plural, true);
    }
}
