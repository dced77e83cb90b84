/**
 * etcd safety rules of the KubeadmControlPlane: whether a member can be added or removed without losing
 * quorum, and where leadership moves before a Machine is deleted. Works on a member list the controller read
 * from the workload cluster; makes no etcd calls itself. {@link io.capj.controlplane.kubeadm.etcd.EtcdClusterClient}
 * is the interface the controller makes those calls through.
 */
package io.capj.controlplane.kubeadm.etcd;
