/**
 * etcd safety rules of the KubeadmControlPlane: whether a member can be added or removed without losing
 * quorum, and where leadership moves before a Machine is deleted. Works on a member list the controller read
 * from the workload cluster; makes no etcd calls itself.
 */
package io.capj.controlplane.kubeadm.etcd;
