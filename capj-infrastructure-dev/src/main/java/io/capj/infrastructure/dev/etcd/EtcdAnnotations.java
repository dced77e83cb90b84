package io.capj.infrastructure.dev.etcd;

/**
 * The annotations on an {@code etcd-<node>} pod (namespace {@code kube-system}, labels {@code component: etcd},
 * {@code tier: control-plane}) that hold the simulated etcd membership:
 * <ul>
 *   <li>{@link #CLUSTER_ID}: the etcd cluster ID, a decimal unsigned 32-bit number, equal on every member;</li>
 *   <li>{@link #MEMBER_ID}: this member's ID, decimal, unique and non-zero;</li>
 *   <li>{@link #LEADER_FROM}: RFC 3339 time since which this member leads; the member with the latest time is
 *       the leader, members without it have never led;</li>
 *   <li>{@link #MEMBER_REMOVED}: present (empty value) once the member was removed from the cluster; removed
 *       members are not listed;</li>
 *   <li>{@link #ALARMS} (capj's own): comma-separated active alarm types of this member, e.g. {@code NOSPACE}.</li>
 * </ul>
 * The first four keys are upstream's ({@code test/infrastructure/inmemory/pkg/cloud/api/v1alpha1}).
 */
public final class EtcdAnnotations {
    public static final String CLUSTER_ID = "etcd.inmemory.infrastructure.cluster.x-k8s.io/cluster-id";
    public static final String MEMBER_ID = "etcd.inmemory.infrastructure.cluster.x-k8s.io/member-id";
    public static final String LEADER_FROM = "etcd.inmemory.infrastructure.cluster.x-k8s.io/leader-from";
    public static final String MEMBER_REMOVED = "etcd.inmemory.infrastructure.cluster.x-k8s.io/member-removed";
    public static final String ALARMS = "etcd.inmemory.infrastructure.cluster.x-k8s.io/alarms";

    /** Pod labels of etcd static pods, as kubeadm sets them. */
    public static final String COMPONENT_LABEL = "component";
    public static final String TIER_LABEL = "tier";
    public static final String ETCD_COMPONENT = "etcd";
    public static final String CONTROL_PLANE_TIER = "control-plane";
    public static final String NAMESPACE = "kube-system";

    private EtcdAnnotations() {
    }

    /** The etcd pod of Node {@code nodeName}. */
    public static String podName(String nodeName) {
        return "etcd-" + nodeName;
    }
}
