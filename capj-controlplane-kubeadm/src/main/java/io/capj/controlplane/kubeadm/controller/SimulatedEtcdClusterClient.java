package io.capj.controlplane.kubeadm.controller;

import io.capj.controlplane.kubeadm.etcd.EtcdClusterClient;
import io.capj.controlplane.kubeadm.etcd.EtcdMember;
import io.capj.infrastructure.dev.etcd.SimulatedEtcd;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * {@link EtcdClusterClient} over the in-memory provider's {@link SimulatedEtcd}, reached through the workload
 * cluster's API. The only implementation until KCP talks to a real etcd.
 */
public final class SimulatedEtcdClusterClient implements EtcdClusterClient {
    private final SimulatedEtcd etcd;

    public SimulatedEtcdClusterClient(KubernetesClient workload) {
        this.etcd = new SimulatedEtcd(workload);
    }

    @Override
    public List<EtcdMember> members() {
        return etcd.members().stream()
                .map(m -> new EtcdMember(Long.toString(m.id()), m.name(), false, !m.alarms().isEmpty()))
                .toList();
    }

    @Override
    public Optional<String> leaderName() {
        return etcd.members().stream().filter(io.capj.infrastructure.dev.etcd.EtcdMember::leader)
                .map(io.capj.infrastructure.dev.etcd.EtcdMember::name).findFirst();
    }

    @Override
    public void moveLeader(String memberName) {
        etcd.moveLeader(id(memberName).orElseThrow(() -> new IllegalStateException(
                "etcd member " + memberName + " not found")));
    }

    @Override
    public void removeMember(String memberName) {
        id(memberName).ifPresent(etcd::removeMember);
    }

    private Optional<Long> id(String memberName) {
        return etcd.members().stream().filter(m -> m.name().equals(memberName))
                .map(io.capj.infrastructure.dev.etcd.EtcdMember::id).findFirst();
    }
}
