/**
 * The kubeadm control plane provider's webhooks as in-process admission hooks: KubeadmControlPlane defaulting
 * (replicas, version prefix, rollout strategy) and validation (replica parity with stacked etcd, rollout and
 * certificate bounds, the allow-list of fields that may change, one-minor upgrades, CoreDNS migrations) and
 * KubeadmControlPlaneTemplate validation (immutable spec). Rules on the embedded KubeadmConfig spec are the
 * bootstrap provider's {@code KubeadmConfigSpecRules}; nothing here reads other objects from a server.
 */
package io.capj.api.controlplane.kubeadm.v1beta2.webhooks;
