/**
 * The Cluster controller, after upstream's {@code core/reconcilers/cluster}: it links a Cluster to its
 * infrastructure cluster and control plane objects (ownerReference, cluster-name label, watch), copies what
 * they report (endpoint, failure domains, provisioned and initialized flags), computes the Cluster's phase,
 * replica counters and v1beta2 conditions, and deletes a Cluster in upstream's order: workers, then the
 * control plane, then the infrastructure, then the finalizer. It reaches provider objects only through
 * {@link io.capj.core.external.ExternalObjects} and {@code capj-contract}; it must not reconcile Machines,
 * MachineSets or MachineDeployments themselves (it only deletes them) nor build kubeconfigs.
 */
package io.capj.core.cluster;
