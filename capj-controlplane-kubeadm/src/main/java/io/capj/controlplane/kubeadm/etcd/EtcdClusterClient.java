package io.capj.controlplane.kubeadm.etcd;

import java.util.List;
import java.util.Optional;

/**
 * The etcd operations KCP needs on a workload cluster's stacked etcd (upstream's {@code etcd.Client} as the
 * workload cluster wraps it): list members, find the leader, move leadership, remove a member. Members are
 * addressed by name (the Node name). Implementations talk to one workload cluster and hold no state.
 */
public interface EtcdClusterClient {

    /** The current members. */
    List<EtcdMember> members();

    /** The name of the leader member, empty when none is known. */
    Optional<String> leaderName();

    /** Makes the member named {@code memberName} the leader. */
    void moveLeader(String memberName);

    /** Removes the member named {@code memberName}; a member that is already gone is not an error. */
    void removeMember(String memberName);
}
