/**
 * Cluster API provider contracts: how core reads and writes provider objects (InfraCluster, InfraMachine,
 * BootstrapConfig, ControlPlane and their templates) as unstructured JSON trees, never through a provider's
 * Java types (DESIGN.md decision 7). {@link io.capj.contract.ContractVersion} resolves which contract (and
 * which served API version) a provider CRD implements from its {@code cluster.x-k8s.io/<contract>} label;
 * the per-contract accessors then pick the v1beta2 path or its v1beta1 fallback. This package owns paths,
 * shapes and type errors only: it must not talk to the API server, cache objects or decide policy.
 */
package io.capj.contract;
