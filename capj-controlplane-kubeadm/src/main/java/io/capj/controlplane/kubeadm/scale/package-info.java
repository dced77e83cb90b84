/**
 * The scale and rollout decisions of a KubeadmControlPlane pass: preflight checks (one operation at a time),
 * the scale-down/rollout victim, and the next action (scale up, scale down, wait, none). Pure functions over a
 * {@link io.capj.controlplane.kubeadm.controlplane.ControlPlane}; the controller performs the action.
 */
package io.capj.controlplane.kubeadm.scale;
