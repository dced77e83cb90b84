/**
 * The MachineDeployment controller and its rollout math, after upstream's
 * {@code core/reconcilers/machinedeployment} (including {@code mdutil}). {@link
 * io.capj.core.machinedeployment.MachineDeploymentReconciler} reads the deployment, its Cluster, MachineSets and
 * Machines, and writes only the deployment and its MachineSets (and the Cluster ownerReference on its
 * templates); it never creates Machines, which is the MachineSet controller's job. The pure part
 * ({@link io.capj.core.machinedeployment.RolloutPlanner}, {@link io.capj.core.machinedeployment.ProportionalScaling},
 * {@link io.capj.core.machinedeployment.RolloutMath}, {@link io.capj.core.machinedeployment.Revisions},
 * {@link io.capj.core.machinedeployment.ReplicasAnnotations}, {@code OnDeletePlanner}, {@code DeadlockBreaker})
 * works on immutable views ({@link io.capj.core.machinedeployment.MachineSetView},
 * {@link io.capj.core.machinedeployment.DeploymentView}) and must not touch the API server, clients, caches or JSON.
 */
package io.capj.core.machinedeployment;
