/**
 * The {@code controlplane.cluster.x-k8s.io/v1beta2} kinds of the kubeadm control plane provider,
 * KubeadmControlPlane and KubeadmControlPlaneTemplate: their CRDs written with {@link io.capj.api.schema.Schema}
 * (the {@code kubeadmConfigSpec} reuses the bootstrap provider's KubeadmConfig spec schema), condition and
 * annotation constants with upstream's values, and a read-only view. Webhooks live in {@code .webhooks}.
 * Nothing here talks to a server or holds controller logic.
 */
package io.capj.api.controlplane.kubeadm.v1beta2;
