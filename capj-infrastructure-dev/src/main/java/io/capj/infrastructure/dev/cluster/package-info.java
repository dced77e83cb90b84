/**
 * The DevCluster controller of the inMemory backend: finalizer, pause, the control plane endpoint (a port of
 * the workload server range on 127.0.0.1), {@code status.initialization.provisioned} and the Ready condition;
 * on deletion it stops the cluster's workload server. It never writes the Cluster or starts servers itself
 * (DevMachines do, when they first need the workload cluster).
 */
package io.capj.infrastructure.dev.cluster;
