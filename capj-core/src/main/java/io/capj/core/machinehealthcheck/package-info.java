/**
 * The MachineHealthCheck controller: judges the Machines a health check selects (remediate-machine annotation,
 * deleted Node, Node startup timeout, unhealthy Node and Machine conditions, each with its timeout), gates
 * remediation on {@code triggerIf}, and marks unhealthy Machines: {@code HealthCheckSucceeded=False} plus
 * {@code OwnerRemediated=False} for the owner (the MachineSet, {@code io.capj.core.machineset}) to delete and
 * replace them, or a remediation request from {@code remediation.templateRef} for an external controller.
 * It reads Nodes through {@link io.capj.runtime.RemoteClusters}; it never deletes Machines itself and never
 * writes OwnerRemediated back to True or removes it (the owner does).
 */
package io.capj.core.machinehealthcheck;
