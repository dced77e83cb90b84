package io.capj.bootstrap.kubeadm.cloudinit;

/** What a machine runs: {@code kubeadm init}, or {@code kubeadm join} with or without a control-plane section. */
public enum NodeRole {
    INIT,
    JOIN_CONTROL_PLANE,
    JOIN_WORKER
}
