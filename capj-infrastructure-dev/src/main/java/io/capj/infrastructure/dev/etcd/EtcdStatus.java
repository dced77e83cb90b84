package io.capj.infrastructure.dev.etcd;

import java.util.Set;

/**
 * What etcd's Status call answers for one member.
 *
 * @param clusterId the etcd cluster ID
 * @param memberId  the member asked
 * @param leaderId  the member it sees as leader
 * @param alarms    its active alarms (etcd reports them as errors)
 */
public record EtcdStatus(long clusterId, long memberId, long leaderId, Set<EtcdAlarm> alarms) {
}
