/**
 * Renders a machine's kubeadm bootstrap data as cloud-init cloud-config, the way Cluster API's kubeadm
 * bootstrap provider does: the kubeadm configuration documents (kubeadm API v1beta3 or v1beta4, chosen by the
 * Kubernetes version), certificates and user files in {@code write_files}, the kubeadm command between the
 * user's pre- and post-commands, and users, NTP, disks and mounts. {@link io.capj.bootstrap.kubeadm.cloudinit.CloudConfig}
 * is the entry point; everything else is package-private. Pure logic: it reads nothing from the API server
 * (the controller resolves secret references and discovery before calling it) and never writes.
 */
package io.capj.bootstrap.kubeadm.cloudinit;
