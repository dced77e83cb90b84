/**
 * The DevMachine controller of the inMemory backend: waits for the Machine, the Cluster's infrastructure and
 * the bootstrap data (never executed), then walks the provisioning steps (VM, Node, and on control plane
 * Machines etcd member and control plane static pods plus {@code kubeadm-config}), each after its startup
 * duration, writing into the cluster's workload API server; on deletion it removes what it wrote. It writes
 * only the DevMachine and objects inside the workload cluster.
 */
package io.capj.infrastructure.dev.machine;
