package io.capj.controlplane.kubeadm.controller;

import io.capj.controlplane.kubeadm.KubeadmControlPlaneKinds;
import io.capj.core.ClusterChanges;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.ControllerBuilder;
import io.capj.runtime.Manager;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/**
 * Wires the KubeadmControlPlane controller ({@code kubeadmcontrolplane}): KCPs, the Machines they control, and
 * Clusters (mapped to their control plane through {@code spec.controlPlaneRef}, for the changes descendants
 * care about). etcd is reached through {@link SimulatedEtcdClusterClient} for now.
 */
public final class KubeadmControlPlaneController {
    /** The controller's name (queue, metrics, logs). */
    public static final String NAME = "kubeadmcontrolplane";

    private KubeadmControlPlaneController() {
    }

    /** Registers the controller on {@code manager}. */
    public static void register(Manager manager, RemoteClusters remotes) {
        manager.add(ControllerBuilder.forKind(KubeadmControlPlaneKinds.KUBEADM_CONTROL_PLANE)
                .owns(CoreKinds.MACHINE)
                .watches(CoreKinds.CLUSTER, KubeadmControlPlaneController::controlPlaneOf,
                        ClusterChanges.thatConcernDescendants())
                .named(NAME)
                .build(new KubeadmControlPlaneReconciler(manager, remotes, SimulatedEtcdClusterClient::new)));
    }

    private static List<Request> controlPlaneOf(GenericKubernetesResource cluster) {
        var ref = Trees.of(cluster).at("/spec/controlPlaneRef");
        if (!"KubeadmControlPlane".equals(ref.path("kind").asText()) || ref.path("name").asText().isEmpty()) {
            return List.of();
        }
        return List.of(new Request(cluster.getMetadata().getNamespace(), ref.path("name").asText()));
    }

}
