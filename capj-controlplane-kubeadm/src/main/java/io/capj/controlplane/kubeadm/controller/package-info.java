/**
 * The KubeadmControlPlane controller: wiring ({@link io.capj.controlplane.kubeadm.controller.KubeadmControlPlaneController}),
 * the reconciler, and its I/O steps (certificates and kubeconfig, Machine creation, workload health, etcd
 * membership, status). Decisions come from the pure packages {@code controlplane}, {@code scale} and {@code etcd}.
 */
package io.capj.controlplane.kubeadm.controller;
