package io.capj.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The specs the benchmark takes from upstream's {@code clusterclass-in-memory.yaml}, unmodified: the DevCluster,
 * the control-plane and worker DevMachines (with their startup timings), the control plane's kubeadm config
 * spec and the workers' KubeadmConfig spec.
 */
record InMemoryTemplates(ObjectNode devCluster, ObjectNode controlPlaneMachine, ObjectNode workerMachine,
                         ObjectNode controlPlaneKubeadm, ObjectNode workerKubeadm) {

    static InMemoryTemplates load(Path fixture) throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        for (Object document : new Yaml().loadAll(Files.readString(fixture))) {
            JsonNode node = Json.MAPPER.valueToTree(document);
            byName.put(node.path("kind").asText() + "/" + node.at("/metadata/name").asText(), node);
        }
        return new InMemoryTemplates(
                templateSpec(byName, "DevClusterTemplate/in-memory-cluster"),
                templateSpec(byName, "DevMachineTemplate/in-memory-control-plane"),
                templateSpec(byName, "DevMachineTemplate/in-memory-default-worker-machinetemplate"),
                (ObjectNode) templateSpec(byName, "KubeadmControlPlaneTemplate/in-memory-control-plane")
                        .path("kubeadmConfigSpec"),
                templateSpec(byName, "KubeadmConfigTemplate/in-memory-default-worker-bootstraptemplate"));
    }

    private static ObjectNode templateSpec(Map<String, JsonNode> byName, String key) {
        JsonNode spec = byName.getOrDefault(key, Json.object()).at("/spec/template/spec");
        if (!spec.isObject()) {
            throw new IllegalArgumentException("the fixture has no " + key + " with spec.template.spec");
        }
        return ((ObjectNode) spec).deepCopy();
    }
}
