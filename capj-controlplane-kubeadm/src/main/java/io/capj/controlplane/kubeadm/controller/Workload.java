package io.capj.controlplane.kubeadm.controller;

import io.capj.controlplane.kubeadm.etcd.EtcdClusterClient;
import io.capj.controlplane.kubeadm.etcd.EtcdMember;
import java.util.List;
import java.util.Optional;

/**
 * What one pass learned from the workload cluster: whether kubeadm init completed, the etcd members, and the
 * etcd client to act with; {@link #NONE} while the workload cluster is not reachable.
 */
record Workload(boolean initialized, List<EtcdMember> members, Optional<EtcdClusterClient> etcd) {
    static final Workload NONE = new Workload(false, List.of(), Optional.empty());
}
