package io.capj.core.machinedeployment;

import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.core.ClusterChanges;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.ControllerBuilder;
import io.capj.runtime.Manager;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * Wires the MachineDeployment controller ({@code machinedeployment}): it reconciles MachineDeployments, owns
 * MachineSets, maps orphan MachineSets to the deployments whose selector matches them (for adoption), Clusters
 * to their deployments (pause changes), and Machines to their deployment through the deployment-name label
 * (status counts and conditions).
 */
public final class MachineDeploymentController {
    public static final String NAME = "machinedeployment";

    private MachineDeploymentController() {
    }

    public static void register(Manager manager) {
        manager.add(ControllerBuilder.forKind(CoreKinds.MACHINE_DEPLOYMENT)
                .owns(CoreKinds.MACHINE_SET)
                .watches(CoreKinds.MACHINE_SET, ms -> orphanToDeployments(manager, ms))
                .watches(CoreKinds.CLUSTER, cluster -> clusterToDeployments(manager, cluster),
                        ClusterChanges.thatConcernDescendants())
                .watches(CoreKinds.MACHINE, MachineDeploymentController::machineToDeployment)
                .named(NAME)
                .build(new MachineDeploymentReconciler(manager)));
    }

    private static List<Request> clusterToDeployments(Manager manager, GenericKubernetesResource cluster) {
        String namespace = cluster.getMetadata().getNamespace();
        return manager.cache().list(CoreKinds.MACHINE_DEPLOYMENT, namespace,
                        Map.of(CoreLabels.ClusterNameLabel, cluster.getMetadata().getName()))
                .stream().map(Request::of).toList();
    }

    private static List<Request> machineToDeployment(GenericKubernetesResource machine) {
        Map<String, String> labels = machine.getMetadata().getLabels();
        String name = labels == null ? null : labels.get(CoreLabels.MachineDeploymentNameLabel);
        return name == null || name.isEmpty() ? List.of()
                : List.of(new Request(machine.getMetadata().getNamespace(), name));
    }

    /** An orphan MachineSet enqueues every deployment whose selector matches it, as upstream does. */
    private static List<Request> orphanToDeployments(Manager manager, GenericKubernetesResource ms) {
        var tree = Trees.of(ms);
        Map<String, String> labels = MachineSetJson.labels(tree);
        if (MachineSetJson.hasController(tree) || labels.isEmpty()) {
            return List.of();
        }
        return manager.cache().list(CoreKinds.MACHINE_DEPLOYMENT, ms.getMetadata().getNamespace(), Map.of()).stream()
                .filter(md -> {
                    LabelSelector selector = LabelSelector.fromMetaV1(Trees.of(md).at("/spec/selector"));
                    return !selector.isEmpty() && selector.matches(labels);
                })
                .map(Request::of).toList();
    }
}
