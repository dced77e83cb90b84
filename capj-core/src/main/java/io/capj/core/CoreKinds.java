package io.capj.core;

import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

/**
 * The kinds core controllers watch. Cluster API kinds are read as unstructured JSON (through the typed
 * views of {@code capj-api}), so they share informers with anything else reading them generically.
 */
public final class CoreKinds {
    public static final ResourceKind<GenericKubernetesResource> CLUSTER = core("Cluster", "clusters");
    public static final ResourceKind<GenericKubernetesResource> MACHINE = core("Machine", "machines");
    public static final ResourceKind<GenericKubernetesResource> MACHINE_SET = core("MachineSet", "machinesets");
    public static final ResourceKind<GenericKubernetesResource> MACHINE_DEPLOYMENT =
            core("MachineDeployment", "machinedeployments");
    public static final ResourceKind<GenericKubernetesResource> MACHINE_HEALTH_CHECK =
            core("MachineHealthCheck", "machinehealthchecks");
    public static final ResourceKind<CustomResourceDefinition> CRD = ResourceKind.of(CustomResourceDefinition.class);
    public static final ResourceKind<Secret> SECRET = ResourceKind.of(Secret.class);
    /** Workload-cluster kinds, read through {@link io.capj.runtime.RemoteClusters}. */
    public static final ResourceKind<Node> NODE = ResourceKind.of(Node.class);
    public static final ResourceKind<Pod> POD = ResourceKind.of(Pod.class);

    private CoreKinds() {
    }

    private static ResourceKind<GenericKubernetesResource> core(String kind, String plural) {
        return ResourceKind.generic(CoreGroup.NAME, CoreGroup.VERSION, kind, plural, true);
    }
}
