/**
 * The simulated etcd of an inMemory workload cluster. There is no etcd process: membership lives in
 * annotations on the {@code etcd-<node>} static pods in {@code kube-system} (see {@link
 * io.capj.infrastructure.dev.etcd.EtcdAnnotations}), exactly as upstream's in-memory provider keeps it, and
 * {@link io.capj.infrastructure.dev.etcd.SimulatedEtcd} offers the etcd operations a control plane provider
 * needs (member list, remove, move leader, status, alarms) through the workload cluster's API. It touches etcd
 * pods only.
 */
package io.capj.infrastructure.dev.etcd;
