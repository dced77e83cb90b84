/**
 * The Machine controller: it adopts stand-alone Machines into their Cluster, follows the BootstrapConfig
 * and InfrastructureMachine a Machine references (through the provider contract), links the workload
 * cluster's Node by providerID and keeps its CAPI metadata in sync, reports phase and the v1beta2
 * conditions, and runs the delete pipeline (hooks, drain, volume detach, provider objects, Node). It owns
 * the Machine's finalizer, status (except UpToDate, which the owner sets) and the Node metadata it
 * manages; it must not create or scale Machines, which is the MachineSet's and control plane's job.
 */
package io.capj.core.machine;
