/**
 * The KubeadmControlPlane provider (upstream's {@code controlplane/kubeadm}): owns a Cluster's control-plane
 * Machines, their certificates and kubeconfig, and scales, rolls out and remediates them without ever
 * losing etcd quorum.
 */
package io.capj.controlplane.kubeadm;
