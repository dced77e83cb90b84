/**
 * The workload clusters of the inMemory backend: one {@link io.capj.apiserver.ApiServer} per DevCluster (memory
 * store, serving with the cluster CA from the {@code <cluster>-ca} Secret) on a port of the configured range,
 * and the admin client the reconcilers use to write Nodes and pods into it. It owns the servers' processes and
 * data directories only; it never reads or writes DevCluster or DevMachine objects.
 */
package io.capj.infrastructure.dev.workload;
