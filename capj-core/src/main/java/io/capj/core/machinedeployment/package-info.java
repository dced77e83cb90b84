/**
 * Pure MachineDeployment rollout math, after upstream's {@code machinedeployment/{rolling,sync,mdutil}}:
 * maxSurge/maxUnavailable resolution, one RollingUpdate step over the new and old MachineSets, proportional
 * scaling, revisions and the replicas annotations. It works on immutable views ({@link
 * io.capj.core.machinedeployment.MachineSetView}, {@link io.capj.core.machinedeployment.DeploymentView}) and
 * returns new views; it must not touch the API server, clients, caches or JSON.
 */
package io.capj.core.machinedeployment;
