/**
 * The Cluster API types as capj serves them. {@link io.capj.api.CapiCrds} is the one entry the server
 * needs: the CustomResourceDefinitions to install at startup. Subpackages hold the schema vocabulary
 * ({@code schema}) and the kinds of each API group and version ({@code core.v1beta2},
 * {@code bootstrap.kubeadm.v1beta2}, {@code controlplane.kubeadm.v1beta2}, {@code infrastructure.dev.v1beta2}). Nothing here talks
 * to a server or reconciles anything.
 */
package io.capj.api;
