package io.capj.controlplane.kubeadm.etcd;

/**
 * One member of the workload cluster's etcd as its member list reports it. kubeadm names a member after its
 * Node; an empty name means the member is still starting. {@code alarmed} is true when the member has an
 * active alarm (anything but NONE).
 */
public record EtcdMember(String id, String name, boolean learner, boolean alarmed) {

    public static EtcdMember voting(String id, String name) {
        return new EtcdMember(id, name, false, false);
    }

    public EtcdMember asLearner() {
        return new EtcdMember(id, name, true, alarmed);
    }

    public EtcdMember withAlarm() {
        return new EtcdMember(id, name, learner, true);
    }

    public boolean starting() {
        return name == null || name.isEmpty();
    }
}
