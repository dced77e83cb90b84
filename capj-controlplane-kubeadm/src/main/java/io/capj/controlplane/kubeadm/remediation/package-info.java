/**
 * KubeadmControlPlane remediation of unhealthy control-plane Machines: which Machine goes first, retry
 * counting through the remediation annotations, and the gates that keep remediation one at a time and
 * quorum-safe. Decisions only; the controller deletes Machines and writes annotations and conditions.
 */
package io.capj.controlplane.kubeadm.remediation;
