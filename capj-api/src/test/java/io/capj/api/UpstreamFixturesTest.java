package io.capj.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream's own templates apply unmodified: every object of a kind capj-api defines is created as written
 * (other groups, such as KubeadmControlPlane's, have their own fixture tests).
 */
@ExtendWith(CapiServerExtension.class)
class UpstreamFixturesTest {
    private static final Set<String> COVERED = Set.of("Cluster", "Machine", "MachineSet", "MachineDeployment",
            "MachineHealthCheck", "ClusterClass");

    @ParameterizedTest
    @ValueSource(strings = {
            "e2e__data__infrastructure-docker__main__bases__cluster-with-kcp.yaml",
            "e2e__data__infrastructure-docker__main__bases__md.yaml",
            "infrastructure__docker__templates__cluster-template-development.yaml",
            "infrastructure__docker__templates__cluster-template-in-memory.yaml",
            "e2e__data__infrastructure-docker__main__cluster-template-kcp-remediation__mhc.yaml",
            "e2e__data__infrastructure-docker__main__cluster-template-md-remediation__mhc.yaml",
            "infrastructure__docker__templates__clusterclass-in-memory.yaml",
            "infrastructure__docker__templates__clusterclass-quick-start.yaml"})
    void upstreamTemplateIsAccepted(String file, ServedApi api) {
        String namespace = "fx-" + Integer.toHexString(file.hashCode());
        api.namespace(namespace);
        List<ObjectNode> covered = UpstreamFixtures.load(file, "capi-quickstart", namespace).stream()
                .filter(o -> o.path("apiVersion").asText().equals(CoreGroup.API_VERSION))
                .filter(o -> COVERED.contains(o.path("kind").asText()))
                .toList();
        assertThat(covered).as("objects of covered kinds in " + file).isNotEmpty();
        for (ObjectNode object : covered) {
            String path = "/apis/" + CoreGroup.API_VERSION + "/namespaces/" + namespace + "/"
                    + plural(object.path("kind").asText());
            ServedApi.Reply created = api.post(path, object);
            assertThat(created.code()).as(object.path("kind").asText() + " from " + file + ": " + created.body())
                    .isEqualTo(201);
            assertThat(created.body().path("spec")).as("nothing pruned but nulls, as Kubernetes drops them")
                    .isEqualTo(withoutNulls(object.path("spec").deepCopy()));
        }
    }

    private static String plural(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        return lower.endsWith("s") ? lower + "es" : lower + "s";
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
            object.forEach(UpstreamFixturesTest::withoutNulls);
        } else if (node.isArray()) {
            node.forEach(UpstreamFixturesTest::withoutNulls);
        }
        return node;
    }
}
