package io.capj.infrastructure.dev.etcd;

import java.util.Set;

/**
 * One member of a simulated etcd cluster, as read from its pod.
 *
 * @param id     the member ID
 * @param name   the member name: the Node name (pod name without {@code etcd-})
 * @param leader whether it is the current leader
 * @param alarms its active alarm types
 */
public record EtcdMember(long id, String name, boolean leader, Set<EtcdAlarm> alarms) {
}
