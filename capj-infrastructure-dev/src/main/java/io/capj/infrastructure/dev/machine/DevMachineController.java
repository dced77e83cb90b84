package io.capj.infrastructure.dev.machine;

import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.api.core.v1beta2.MachineView;
import io.capj.api.infrastructure.dev.v1beta2.DevInfrastructureCrds;
import io.capj.core.ClusterChanges;
import io.capj.core.MachineChanges;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.infrastructure.dev.DevKinds;
import io.capj.infrastructure.dev.workload.WorkloadServers;
import io.capj.runtime.ControllerBuilder;
import io.capj.runtime.Manager;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * Wires the DevMachine controller ({@value #NAME}): DevMachines, the Machines that reference them and their
 * Clusters (infrastructure provisioned, pause). Machines provision independently, so it runs
 * {@value #DEFAULT_CONCURRENCY} workers.
 */
public final class DevMachineController {
    public static final String NAME = "devmachine";
    public static final int DEFAULT_CONCURRENCY = 4;

    private DevMachineController() {
    }

    /** Registers the controller; call before {@link Manager#start()}. */
    public static void register(Manager manager, WorkloadServers servers) {
        manager.add(ControllerBuilder.forKind(DevKinds.DEV_MACHINE)
                .watches(CoreKinds.MACHINE, DevMachineController::devMachineOf, MachineChanges.thatConcernProviders())
                .watches(CoreKinds.CLUSTER, cluster -> devMachinesOf(manager, cluster),
                        ClusterChanges.thatConcernDescendants())
                .named(NAME)
                .withConcurrency(DEFAULT_CONCURRENCY)
                .build(new DevMachineReconciler(manager, servers)));
    }

    private static List<Request> devMachineOf(GenericKubernetesResource machine) {
        return MachineView.of(Trees.of(machine)).spec().infrastructureRef()
                .filter(ref -> DevKinds.DEV_MACHINE.kind().equals(ref.kind())
                        && DevInfrastructureCrds.GROUP.equals(ref.apiGroup()))
                .map(ref -> List.of(new Request(machine.getMetadata().getNamespace(), ref.name())))
                .orElse(List.of());
    }

    private static List<Request> devMachinesOf(Manager manager, GenericKubernetesResource cluster) {
        return manager.cache().list(CoreKinds.MACHINE, cluster.getMetadata().getNamespace(),
                        Map.of(CoreLabels.ClusterNameLabel, cluster.getMetadata().getName())).stream()
                .map(DevMachineController::devMachineOf).flatMap(List::stream).toList();
    }
}
