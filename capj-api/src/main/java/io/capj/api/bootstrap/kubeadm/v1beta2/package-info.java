/**
 * The {@code bootstrap.cluster.x-k8s.io/v1beta2} kinds of the kubeadm bootstrap provider, KubeadmConfig and
 * KubeadmConfigTemplate: their CRDs written with {@link io.capj.api.schema.Schema}, with upstream's field
 * names, bounds, list semantics, CEL rules and printer columns. {@link KubeadmBootstrapCrds#all()} lists them.
 */
package io.capj.api.bootstrap.kubeadm.v1beta2;
