package io.capj.infrastructure.dev.machine;

/** The static pods kubeadm runs on every control plane Node, by their {@code component} label. */
enum ControlPlaneComponent {
    ETCD("etcd"),
    KUBE_APISERVER("kube-apiserver"),
    KUBE_SCHEDULER("kube-scheduler"),
    KUBE_CONTROLLER_MANAGER("kube-controller-manager");

    final String component;

    ControlPlaneComponent(String component) {
        this.component = component;
    }

    /** The static pod of this component on Node {@code nodeName}, as kubelet names mirror pods. */
    String podName(String nodeName) {
        return component + "-" + nodeName;
    }
}
