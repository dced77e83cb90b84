/**
 * The Dev infrastructure provider (DevCluster, DevMachine) with its {@code inMemory} backend: every DevCluster
 * gets a workload API server of its own (our {@code capj-apiserver} on the memory store, serving with the
 * cluster CA) and every DevMachine becomes a Ready Node in it, plus static control plane pods and a simulated
 * etcd member on control plane Machines. {@link io.capj.infrastructure.dev.DevProvider} is the one entry
 * point; this package holds it and the provider's public constants (kinds, conditions, annotations). It
 * never writes core objects (Cluster, Machine): core reads the DevCluster/DevMachine through the contract.
 */
package io.capj.infrastructure.dev;
