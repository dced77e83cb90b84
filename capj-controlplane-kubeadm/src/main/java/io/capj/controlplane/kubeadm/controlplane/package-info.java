/**
 * What one KubeadmControlPlane pass observes, as pure values over JSON trees (ADR 9): the KCP view, its
 * control-plane Machines with their KubeadmConfigs and InfraMachines, whether each is up to date, and the
 * failure-domain choices. No API calls, no clocks: callers pass {@code now}.
 */
package io.capj.controlplane.kubeadm.controlplane;
