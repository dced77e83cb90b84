package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cluster API's real v1beta2 Cluster CRD schema against upstream's in-memory cluster template (variables filled as
 * {@code clusterctl generate cluster} fills them): the template is valid as is, and broken variants fail with
 * upstream's messages.
 */
class ClusterCrdTest {
    private static final StructuralSchema CLUSTER = StructuralSchema.compile(
            resource("cluster.x-k8s.io_clusters.yaml").at("/spec/versions/0/schema/openAPIV3Schema"));
    private static final Map<String, String> VARIABLES = Map.of("CLUSTER_NAME", "dev-1", "NAMESPACE", "default",
            "KUBERNETES_VERSION", "v1.31.0", "CONTROL_PLANE_MACHINE_COUNT", "3", "WORKER_MACHINE_COUNT", "2");

    @Test
    void upstreamTemplateIsValid() {
        ObjectNode cluster = template();

        assertThat(CLUSTER.prune(cluster)).isEmpty();
        CLUSTER.applyDefaults(cluster);
        assertThat(Yaml.render(CLUSTER.validate(cluster, null))).isEmpty();
        assertThat(Yaml.render(CLUSTER.validate(cluster, template()))).isEmpty();
        assertThat(cluster.at("/spec/topology/workers/machineDeployments/0/replicas").asInt()).isEqualTo(2);
    }

    static Stream<Arguments> brokenVariants() {
        String blocked = "<nil>: Invalid value: null: some validation rules were not checked because the object was "
                + "invalid; correct the existing errors to complete validation";
        return Stream.of(
                broken("version missing", c -> topology(c).remove("version"),
                        "spec.topology.version: Required value", blocked),
                broken("replicas not an integer", c -> ((ObjectNode) topology(c).get("controlPlane"))
                        .put("replicas", "three"), "spec.topology.controlPlane.replicas: Invalid value: \"string\": "
                        + "spec.topology.controlPlane.replicas in body must be of type integer: \"string\"", blocked),
                broken("class name not a DNS subdomain", c -> ((ObjectNode) topology(c).get("classRef"))
                        .put("name", "In_Memory"), "spec.topology.classRef.name: Invalid value: \"In_Memory\": "
                        + "spec.topology.classRef.name in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]"
                        + "([-a-z0-9]*[a-z0-9])?)*$'"),
                broken("duplicate machine deployment", c -> machineDeployments(c).add(machineDeployments(c).get(0)
                        .deepCopy()), "spec.topology.workers.machineDeployments[1]: Duplicate value: {\"name\":\"md-0\"}"),
                broken("reserved health check condition", c -> ((ObjectNode) topology(c).get("controlPlane"))
                        .set("healthCheck", Yaml.parse("{checks: {unhealthyMachineConditions: [{type: Ready, "
                                + "status: 'False', timeoutSeconds: 300}]}}")),
                        "spec.topology.controlPlane.healthCheck.checks.unhealthyMachineConditions[0].type: Invalid "
                                + "value: \"string\": type must not be one of: Ready, Available, HealthCheckSucceeded, "
                                + "OwnerRemediated, ExternallyRemediated"),
                broken("empty spec", c -> c.putObject("spec"),
                        "spec: Invalid value: 0: spec in body should have at least 1 properties"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenVariants")
    void brokenVariantsFailLikeUpstream(String name, Consumer<ObjectNode> breakIt, List<String> expected) {
        ObjectNode cluster = template();
        breakIt.accept(cluster);
        CLUSTER.applyDefaults(cluster);

        assertThat(Yaml.render(CLUSTER.validate(cluster, null))).containsExactlyElementsOf(expected);
    }

    @Test
    void unknownFieldsArePrunedAndReported() {
        ObjectNode cluster = template();
        topology(cluster).put("colour", "blue");
        ((ObjectNode) cluster.get("spec")).putObject("extra").put("x", 1);

        assertThat(CLUSTER.prune(cluster)).containsExactly("spec.extra", "spec.topology.colour");
        assertThat(cluster).isEqualTo(template());
    }

    @Test
    void printerColumnPathsResolve() {
        assertThat(CLUSTER.schemaAt(".spec.topology.version").map(s -> s.path("type").asText())).contains("string");
        assertThat(CLUSTER.schemaAt(".status.conditions[?(@.type==\"Available\")].status").map(s -> s.path("type")
                .asText())).contains("string");
        assertThat(CLUSTER.schemaAt(".status.controlPlane.desiredReplicas").map(s -> s.path("format").asText()))
                .contains("int32");
        assertThat(CLUSTER.schemaAt(".spec.nosuch")).isEmpty();
    }

    private static ObjectNode topology(ObjectNode cluster) {
        return (ObjectNode) cluster.at("/spec/topology");
    }

    private static ArrayNode machineDeployments(ObjectNode cluster) {
        return (ArrayNode) cluster.at("/spec/topology/workers/machineDeployments");
    }

    /** The template with its {@code ${VAR}} and {@code ${VAR:=default}} placeholders filled. */
    private static ObjectNode template() {
        String text = read("cluster-template-in-memory.yaml");
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)(?::=([^}]*))?}").matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(VARIABLES.getOrDefault(m.group(1), m.group(2))));
        }
        m.appendTail(filled);
        return (ObjectNode) Yaml.parse(filled.toString());
    }

    private static JsonNode resource(String name) {
        return Yaml.parse(read(name));
    }

    private static String read(String name) {
        try (InputStream in = ClusterCrdTest.class.getResourceAsStream("/schema/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String... expected) {
        return Arguments.of(name, breakIt, List.of(expected));
    }
}
