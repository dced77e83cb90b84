package io.capj.infrastructure.dev.machine;

import io.capj.infrastructure.dev.etcd.EtcdAnnotations;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The objects a simulated machine shows inside its workload cluster, written with the workload cluster's admin
 * client: the Node a kubelet would register (Ready unless told otherwise; control plane Nodes labelled and
 * tainted as kubeadm does), the control plane static pods, and kubeadm's {@code kubeadm-config} ConfigMap.
 * Every write is idempotent: objects are created when absent, never replaced.
 */
final class WorkloadObjects {
    static final String CONTROL_PLANE_ROLE = "node-role.kubernetes.io/control-plane";
    static final String KUBE_SYSTEM = "kube-system";
    static final String KUBEADM_CONFIG = "kubeadm-config";

    /** What a Node of a machine looks like. */
    record NodeShape(String name, String providerID, String kubeletVersion, boolean controlPlane,
            List<NodeAddress> addresses, boolean ready) {
    }

    private final KubernetesClient client;

    WorkloadObjects(KubernetesClient client) {
        this.client = client;
    }

    /** Creates the Node when absent; brings its Ready condition to {@code shape.ready()} otherwise. */
    void ensureNode(NodeShape shape) {
        Node node = client.nodes().withName(shape.name()).get();
        if (node == null) {
            NodeBuilder builder = new NodeBuilder().withNewMetadata().withName(shape.name()).endMetadata()
                    .withNewSpec().withProviderID(shape.providerID()).endSpec();
            if (shape.controlPlane()) {
                builder.editMetadata().addToLabels(CONTROL_PLANE_ROLE, "").endMetadata()
                        .editSpec().addNewTaint().withKey(CONTROL_PLANE_ROLE).withEffect("NoSchedule").endTaint()
                        .endSpec();
            }
            client.nodes().resource(builder.build()).create();
            patchNodeStatus(shape.name(), nodeStatus(shape));
            return;
        }
        boolean ready = node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        if (ready != shape.ready()) {
            patchNodeStatus(shape.name(), Map.of("conditions", conditions(shape.ready())));
        }
    }

    void deleteNode(String name) {
        client.nodes().withName(name).delete();
    }

    /** Whether static pod {@code component} of {@code nodeName} exists. */
    boolean hasStaticPod(ControlPlaneComponent component, String nodeName) {
        return client.pods().inNamespace(KUBE_SYSTEM).withName(component.podName(nodeName)).get() != null;
    }

    /** Creates the Running, Ready static pod {@code component} of {@code nodeName} with {@code annotations}. */
    void createStaticPod(ControlPlaneComponent component, String nodeName, String version,
            Map<String, String> annotations) {
        Pod pod = new PodBuilder().withNewMetadata().withName(component.podName(nodeName)).withNamespace(KUBE_SYSTEM)
                .addToLabels(EtcdAnnotations.COMPONENT_LABEL, component.component)
                .addToLabels(EtcdAnnotations.TIER_LABEL, EtcdAnnotations.CONTROL_PLANE_TIER)
                .addToAnnotations(annotations).endMetadata()
                .withNewSpec().withNodeName(nodeName).withPriorityClassName("system-node-critical")
                .addNewContainer().withName(component.component)
                .withImage("registry.k8s.io/" + component.component + ":" + version).endContainer().endSpec()
                .build();
        client.pods().inNamespace(KUBE_SYSTEM).resource(pod).create();
        String now = now();
        patchPodStatus(pod.getMetadata().getName(), new PodStatusBuilder().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(now).endCondition()
                .withStartTime(now).build());
    }

    /** Creates static pod {@code component} of {@code nodeName} when absent. */
    void ensureStaticPod(ControlPlaneComponent component, String nodeName, String version) {
        if (!hasStaticPod(component, nodeName)) {
            createStaticPod(component, nodeName, version, Map.of());
        }
    }

    void deleteStaticPod(ControlPlaneComponent component, String nodeName) {
        client.pods().inNamespace(KUBE_SYSTEM).withName(component.podName(nodeName)).delete();
    }

    /** Creates {@code kube-system/kubeadm-config} with {@code clusterConfiguration} when absent. */
    void ensureKubeadmConfig(String clusterConfiguration) {
        if (client.configMaps().inNamespace(KUBE_SYSTEM).withName(KUBEADM_CONFIG).get() != null) {
            return;
        }
        ConfigMap config = new ConfigMapBuilder().withNewMetadata().withName(KUBEADM_CONFIG)
                .withNamespace(KUBE_SYSTEM).endMetadata()
                .addToData("ClusterConfiguration", clusterConfiguration).build();
        client.configMaps().inNamespace(KUBE_SYSTEM).resource(config).create();
    }

    private static NodeStatus nodeStatus(NodeShape shape) {
        return new NodeStatusBuilder().withConditions(conditions(shape.ready())).withAddresses(shape.addresses())
                .withNewNodeInfo().withKubeletVersion(shape.kubeletVersion()).withKubeProxyVersion(shape.kubeletVersion())
                .withOperatingSystem("linux").withArchitecture("amd64").withOsImage("capj in-memory")
                .withContainerRuntimeVersion("in-memory://1.0.0").withKernelVersion("0.0.0")
                .withMachineID(shape.name()).withSystemUUID(shape.name()).withBootID(shape.name()).endNodeInfo()
                .build();
    }

    private static List<NodeCondition> conditions(boolean ready) {
        String now = now();
        return List.of(
                new NodeConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False")
                        .withReason(ready ? "KubeletReady" : "KubeletNotReady")
                        .withMessage(ready ? "kubelet is posting ready status" : "kubelet stopped posting node status")
                        .withLastTransitionTime(now).withLastHeartbeatTime(now).build(),
                condition("MemoryPressure", "KubeletHasSufficientMemory", now),
                condition("DiskPressure", "KubeletHasNoDiskPressure", now),
                condition("PIDPressure", "KubeletHasSufficientPID", now));
    }

    private static NodeCondition condition(String type, String reason, String now) {
        return new NodeConditionBuilder().withType(type).withStatus("False").withReason(reason)
                .withLastTransitionTime(now).withLastHeartbeatTime(now).build();
    }

    /** A merge patch of the Node's status without resourceVersion, as a kubelet reports. */
    private void patchNodeStatus(String name, Object status) {
        client.nodes().withName(name).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), json(status));
    }

    private void patchPodStatus(String name, Object status) {
        client.pods().inNamespace(KUBE_SYSTEM).withName(name).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), json(status));
    }

    private String json(Object status) {
        return client.getKubernetesSerialization().asJson(Map.of("status", status));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
