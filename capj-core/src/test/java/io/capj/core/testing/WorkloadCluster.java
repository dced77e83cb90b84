package io.capj.core.testing;

import io.capj.apiserver.ApiServer;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A simulated workload cluster for one Cluster: a second real embedded API server (memory store) whose admin
 * kubeconfig the management plane holds as the {@code <cluster>-kubeconfig} secret, so core controllers reach
 * it exactly as they would a real one. Tests create and change its Nodes and Pods directly.
 */
public final class WorkloadCluster implements AutoCloseable {
    private final Path dataDir;
    private final ApiServer server;
    private final KubernetesClient client;

    private WorkloadCluster(Path dataDir) {
        this.dataDir = dataDir;
        this.server = ApiServer.builder().dataDir(dataDir).port(0).storeUrl("memory://").build().start();
        this.client = clientFor(server.adminKubeconfig());
    }

    static WorkloadCluster start() {
        try {
            return new WorkloadCluster(Files.createTempDirectory("capj-workload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KubernetesClient client() {
        return client;
    }

    /** The admin kubeconfig file's contents, the {@code value} of the {@code <cluster>-kubeconfig} secret. */
    public String kubeconfig() {
        try {
            return Files.readString(server.adminKubeconfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a Ready Node with {@code providerID} and no memory, disk or PID pressure, as a healthy kubelet
     * registering would.
     */
    public Node createNode(String name, String providerID) {
        Node node = new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withProviderID(providerID).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                .endCondition()
                .addNewCondition().withType("MemoryPressure").withStatus("False")
                .withReason("KubeletHasSufficientMemory").endCondition()
                .addNewCondition().withType("DiskPressure").withStatus("False")
                .withReason("KubeletHasNoDiskPressure").endCondition()
                .addNewCondition().withType("PIDPressure").withStatus("False")
                .withReason("KubeletHasSufficientPID").endCondition().withNewNodeInfo().withKubeletVersion("v1.33.0").withOsImage("test")
                .withArchitecture("amd64").withOperatingSystem("linux").withContainerRuntimeVersion("test://1")
                .withKernelVersion("6").withKubeProxyVersion("v1.33.0").withMachineID("m").withSystemUUID("u")
                .withBootID("b").endNodeInfo().endStatus().build();
        client.nodes().resource(node).create();
        return setNodeStatus(name, node.getStatus());
    }

    /**
     * Replaces the status of Node {@code name} with a merge patch (no resourceVersion), as a kubelet reporting
     * would, so it never conflicts with controllers writing the Node's metadata at the same time.
     */
    public Node setNodeStatus(String name, NodeStatus status) {
        String body = client.getKubernetesSerialization().asJson(Map.of("status", status));
        return client.nodes().withName(name).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), body);
    }

    static KubernetesClient clientFor(Path kubeconfig) {
        try {
            return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
                    .withHttpClientFactory(new JdkHttpClientFactory()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + kubeconfig, e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
        CorePlane.deleteTree(dataDir);
    }
}
