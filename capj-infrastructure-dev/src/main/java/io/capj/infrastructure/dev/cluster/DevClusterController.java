package io.capj.infrastructure.dev.cluster;

import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.infrastructure.dev.v1beta2.DevInfrastructureCrds;
import io.capj.core.ClusterChanges;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.infrastructure.dev.DevKinds;
import io.capj.infrastructure.dev.workload.WorkloadServers;
import io.capj.runtime.ControllerBuilder;
import io.capj.runtime.Manager;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/** Wires the DevCluster controller ({@value #NAME}): DevClusters and the Clusters that reference them. */
public final class DevClusterController {
    public static final String NAME = "devcluster";

    private DevClusterController() {
    }

    /** Registers the controller; call before {@link Manager#start()}. */
    public static void register(Manager manager, WorkloadServers servers) {
        manager.add(ControllerBuilder.forKind(DevKinds.DEV_CLUSTER)
                .watches(CoreKinds.CLUSTER, DevClusterController::devClusterOf, ClusterChanges.thatConcernDescendants())
                .named(NAME)
                .build(new DevClusterReconciler(manager, servers)));
    }

    private static List<Request> devClusterOf(GenericKubernetesResource cluster) {
        return ClusterView.of(Trees.of(cluster)).spec().infrastructureRef()
                .filter(DevClusterController::isDevCluster)
                .map(ref -> List.of(new Request(cluster.getMetadata().getNamespace(), ref.name())))
                .orElse(List.of());
    }

    private static boolean isDevCluster(ContractRef ref) {
        return DevKinds.DEV_CLUSTER.kind().equals(ref.kind()) && DevInfrastructureCrds.GROUP.equals(ref.apiGroup());
    }
}
