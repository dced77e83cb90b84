package io.capj.infrastructure.dev.machine;

import io.capj.infrastructure.dev.etcd.EtcdMember;
import io.capj.infrastructure.dev.etcd.SimulatedEtcd;
import io.capj.infrastructure.dev.workload.WorkloadServer;
import io.capj.infrastructure.dev.workload.WorkloadServers.ClusterKey;
import java.util.List;
import java.util.Optional;

/**
 * Removes what a deleted machine put into its workload cluster: its Node, its control plane static pods and its
 * etcd member (handing leadership to another member first, as etcd would elect one). Nothing to do when the
 * workload server is not running: its memory store holds nothing of the machine then.
 */
final class DevMachineDeletion {
    private final WorkloadAccess access;

    DevMachineDeletion(WorkloadAccess access) {
        this.access = access;
    }

    void reconcileDelete(ClusterKey cluster, String nodeName) {
        Optional<WorkloadServer> server = access.running(cluster);
        if (server.isEmpty()) {
            return;
        }
        WorkloadObjects objects = new WorkloadObjects(server.get().client());
        objects.deleteNode(nodeName);
        handOverLeadership(new SimulatedEtcd(server.get().client()), nodeName);
        for (ControlPlaneComponent component : ControlPlaneComponent.values()) {
            objects.deleteStaticPod(component, nodeName);
        }
    }

    private static void handOverLeadership(SimulatedEtcd etcd, String nodeName) {
        List<EtcdMember> members = etcd.members();
        boolean leaving = members.stream().anyMatch(m -> m.leader() && m.name().equals(nodeName));
        if (leaving) {
            members.stream().filter(m -> !m.name().equals(nodeName)).findFirst()
                    .ifPresent(next -> etcd.moveLeader(next.id()));
        }
    }
}
