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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A CRD shaped like Cluster API's (our own FleetCluster, {@code fleet-cluster-schema.yaml}: nested objects, map and
 * set lists, defaults in list items, int-or-string, preserved free-form values, CEL rules with messageExpression,
 * reason, fieldPath and oldSelf) against a realistic object ({@code fleet-cluster.yaml}): the object is valid as is,
 * and broken variants fail with upstream's messages.
 */
class RealisticSchemaTest {
    private static final JsonNode CRD = resource("fleet-cluster-schema.yaml");
    private static final StructuralSchema FLEET = StructuralSchema.compile(
            CRD.at("/spec/versions/0/schema/openAPIV3Schema"));
    private static final String BLOCKED = "<nil>: Invalid value: null: some validation rules were not checked because "
            + "the object was invalid; correct the existing errors to complete validation";

    @Test
    void objectIsValidAndGetsItsDefaults() {
        ObjectNode cluster = fleetCluster();

        assertThat(FLEET.prune(cluster)).isEmpty();
        FLEET.applyDefaults(cluster);
        assertThat(Yaml.render(FLEET.validate(cluster, null))).isEmpty();
        assertThat(Yaml.render(FLEET.validate(cluster, defaulted(fleetCluster())))).isEmpty();

        assertThat(cluster.at("/spec/network/dnsDomain").asText()).isEqualTo("cluster.local");
        assertThat(pool(cluster, 0).get("rollout")).isEqualTo(Yaml.parse("{maxSurge: 1, deletePolicy: Random}"));
        assertThat(pool(cluster, 1).get("rollout")).isEqualTo(Yaml.parse("{maxSurge: 25%, deletePolicy: Oldest}"));
        assertThat(pool(cluster, 0).get("failureDomain").isNull()).isTrue();
    }

    @Test
    void nullsAreDefaultedDroppedOrKept() {
        ObjectNode cluster = fleetCluster();
        spec(cluster).putNull("paused");
        pool(cluster, 1).putNull("rollout");
        FLEET.applyDefaults(cluster);

        assertThat(spec(cluster).has("paused")).isFalse();
        assertThat(pool(cluster, 1).get("rollout")).isEqualTo(Yaml.parse("{maxSurge: 1, deletePolicy: Random}"));
        assertThat(pool(cluster, 0).has("failureDomain")).isTrue();
        assertThat(FLEET.validate(cluster, null)).isEmpty();
    }

    static Stream<Arguments> brokenVariants() {
        return Stream.of(
                broken("version missing", c -> blueprint(c).remove("version"),
                        "spec.blueprint.version: Required value", BLOCKED),
                broken("version not semantic", c -> blueprint(c).put("version", "1.31"),
                        "spec.blueprint.version: Invalid value: \"1.31\": spec.blueprint.version in body should match "
                                + "'^v[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$'"),
                broken("blueprint name not a DNS subdomain", c -> blueprint(c).put("name", "Edge_Small"),
                        "spec.blueprint.name: Invalid value: \"Edge_Small\": spec.blueprint.name in body should match "
                                + "'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'"),
                broken("replicas not an integer", c -> controlPlane(c).put("replicas", "three"),
                        "spec.blueprint.controlPlane.replicas: Invalid value: \"string\": "
                                + "spec.blueprint.controlPlane.replicas in body must be of type integer: \"string\"",
                        BLOCKED),
                broken("port out of range", c -> endpoint(c).put("port", 70000),
                        "spec.endpoint.port: Invalid value: 70000: spec.endpoint.port in body should be less than or "
                                + "equal to 65535"),
                broken("pool replicas beyond int32", c -> pool(c, 0).put("replicas", 3_000_000_000L),
                        "<nil>: Invalid value: \"\": Checked value must be of type integer with format int32 in "
                                + "spec.blueprint.workers.pools[0].replicas"),
                broken("host too long", c -> endpoint(c).put("host", "a".repeat(254)),
                        "spec.endpoint.host: Too long: may not be more than 253 bytes", BLOCKED),
                broken("too many labels", c -> {
                    for (int i = 0; i < 16; i++) {
                        ((ObjectNode) controlPlane(c).get("labels")).put("l" + i, "v");
                    }
                }, "spec.blueprint.controlPlane.labels: Too many: 17: must have at most 16 items", BLOCKED),
                broken("unknown delete policy", c -> ((ObjectNode) pool(c, 1).get("rollout"))
                        .put("deletePolicy", "Largest"), "spec.blueprint.workers.pools[1].rollout.deletePolicy: "
                                + "Unsupported value: \"Largest\": supported values: \"Random\", \"Newest\", "
                                + "\"Oldest\"", BLOCKED),
                broken("transition time not a date-time", c -> ((ObjectNode) c.at("/status/conditions/0"))
                        .put("lastTransitionTime", "yesterday"), "status.conditions[0].lastTransitionTime: Invalid "
                                + "value: \"yesterday\": status.conditions[0].lastTransitionTime in body must be of "
                                + "type date-time: \"yesterday\"", BLOCKED),
                broken("null class is dropped, so missing", c -> pool(c, 0).putNull("class"),
                        "spec.blueprint.workers.pools[0].class: Required value", BLOCKED),
                broken("variable without value", c -> ((ObjectNode) blueprint(c).at("/variables/0")).remove("value"),
                        "spec.blueprint.variables[0].value: Required value", BLOCKED),
                broken("duplicate pool", c -> pools(c).add(pool(c, 0).deepCopy().put("class", "other")),
                        "spec.blueprint.workers.pools[2]: Duplicate value: {\"name\":\"general\"}"),
                broken("same taint key, other effect", c -> ((ArrayNode) pool(c, 1).get("taints"))
                        .add(Yaml.parse("{key: example.net/gpu, effect: PreferNoSchedule}"))),
                broken("duplicate pod range", c -> ((ArrayNode) c.at("/spec/network/pods")).add("10.244.0.0/16"),
                        "spec.network.pods[1]: Duplicate value: \"10.244.0.0/16\""),
                broken("duplicate condition type", c -> ((ArrayNode) c.at("/status/conditions"))
                        .add(c.at("/status/conditions/0").deepCopy()),
                        "status.conditions[2]: Duplicate value: {\"type\":\"Ready\"}"),
                broken("even control plane (messageExpression)", c -> controlPlane(c).put("replicas", 4),
                        "spec.blueprint.controlPlane.replicas: Invalid value: \"integer\": etcd needs an odd number of "
                                + "members, not 4"),
                broken("overlapping ranges (messageExpression)", c -> ((ArrayNode) c.at("/spec/network/services"))
                        .add("10.244.0.0/16"), "spec.network: Invalid value: \"object\": pod range 10.244.0.0/16 is "
                                + "also used for services"),
                broken("replicas next to autoscaling (reason)", c -> pool(c, 1).put("replicas", 3),
                        "spec.blueprint.workers.pools[1]: Forbidden: the autoscaler owns replicas once autoscaling is "
                                + "set"),
                broken("autoscaling bounds reversed (fieldPath)", c -> ((ObjectNode) pool(c, 1).get("autoscaling"))
                        .put("minSize", 5), "spec.blueprint.workers.pools[1].autoscaling.minSize: Invalid value: "
                                + "\"object\": must not exceed maxSize"),
                broken("maxSurge neither count nor percentage", c -> ((ObjectNode) pool(c, 1).get("rollout"))
                        .put("maxSurge", "a few"), "spec.blueprint.workers.pools[1].rollout.maxSurge: Invalid value: "
                                + "\"\": must be a machine count or a percentage such as 25%"),
                broken("name too long (root rule)", c -> ((ObjectNode) c.get("metadata")).put("name", "e".repeat(64)),
                        "<nil>: Invalid value: \"object\": the name becomes a DNS label of the cluster's endpoint, so "
                                + "it may have at most 63 characters"),
                broken("empty spec", c -> c.putObject("spec"),
                        "spec: Invalid value: 0: spec in body should have at least 1 properties"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenVariants")
    void brokenVariantsFailLikeUpstream(String name, Consumer<ObjectNode> breakIt, List<String> expected) {
        ObjectNode cluster = fleetCluster();
        breakIt.accept(cluster);
        FLEET.applyDefaults(cluster);

        assertThat(Yaml.render(FLEET.validate(cluster, null))).containsExactlyElementsOf(expected);
    }

    /**
     * Upstream reports a duplicate of a multi-key map list with a Go map of the key fields, which prints its keys
     * sorted, whatever the {@code x-kubernetes-list-map-keys} order ({@code [key, effect]} here).
     */
    @Test
    void duplicateOfMultiKeyMapListShowsKeysSorted() {
        ObjectNode cluster = fleetCluster();
        ((ArrayNode) pool(cluster, 1).get("taints")).add(Yaml.parse("{key: example.net/gpu, value: x, "
                + "effect: NoSchedule}"));
        FLEET.applyDefaults(cluster);

        assertThat(Yaml.render(FLEET.validate(cluster, null))).containsExactly("spec.blueprint.workers.pools[1]"
                + ".taints[2]: Duplicate value: {\"effect\":\"NoSchedule\",\"key\":\"example.net/gpu\"}");
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                update("unchanged", c -> { }, c -> { }),
                update("network changed (oldSelf)", c -> { }, c -> ((ObjectNode) c.at("/spec/network"))
                        .put("dnsDomain", "edge.local"), "spec.network: Invalid value: \"object\": the network of a "
                                + "running cluster cannot be changed"),
                update("network added later", c -> spec(c).remove("network"), c -> { }),
                update("pools reordered", c -> pools(c).insert(0, pools(c).remove(1)), c -> { }),
                update("stored invalid port ratchets", c -> endpoint(c).put("port", 70000),
                        c -> endpoint(c).put("port", 70000).put("host", "api.example.net")),
                update("invalid port changed", c -> endpoint(c).put("port", 70000), c -> endpoint(c).put("port", 0),
                        "spec.endpoint.port: Invalid value: 0: spec.endpoint.port in body should be greater than or "
                                + "equal to 1"),
                update("stored even control plane ratchets", c -> controlPlane(c).put("replicas", 4),
                        c -> spec(c).put("paused", true)),
                update("even control plane changed", c -> controlPlane(c).put("replicas", 4),
                        c -> controlPlane(c).put("replicas", 6), "spec.blueprint.controlPlane.replicas: Invalid "
                                + "value: \"integer\": etcd needs an odd number of members, not 6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void updatesRatchetAndCheckTransitions(String name, Consumer<ObjectNode> old, Consumer<ObjectNode> change,
            List<String> expected) {
        ObjectNode stored = fleetCluster();
        old.accept(stored);
        ObjectNode updated = defaulted(stored.deepCopy());
        change.accept(updated);
        FLEET.applyDefaults(updated);

        assertThat(Yaml.render(FLEET.validate(updated, defaulted(stored)))).containsExactlyElementsOf(expected);
    }

    @Test
    void unknownFieldsArePrunedAndReportedButFreeFormValuesKept() {
        ObjectNode cluster = fleetCluster();
        blueprint(cluster).put("colour", "blue");
        pool(cluster, 0).put("spot", true);
        spec(cluster).putObject("extra").put("x", 1);
        ((ObjectNode) blueprint(cluster).at("/variables/0/value")).putObject("auth").put("user", "pull");
        ObjectNode expected = fleetCluster();
        ((ObjectNode) blueprint(expected).at("/variables/0/value")).putObject("auth").put("user", "pull");

        assertThat(FLEET.prune(cluster)).containsExactly("spec.blueprint.colour",
                "spec.blueprint.workers.pools[0].spot", "spec.extra");
        assertThat(cluster).isEqualTo(expected);
    }

    @Test
    void printerColumnPathsResolveToTheirTypes() {
        for (JsonNode column : CRD.at("/spec/versions/0/additionalPrinterColumns")) {
            assertThat(FLEET.schemaAt(column.get("jsonPath").asText()).map(s -> s.path("type").asText()))
                    .as(column.get("name").asText()).contains(column.get("type").asText());
        }
        assertThat(FLEET.schemaAt(".status.nodes.ready").map(s -> s.path("format").asText())).contains("int32");
        assertThat(FLEET.schemaAt(".spec.blueprint.workers.pools[0].rollout.deletePolicy").map(s -> s.path("default")
                .asText())).contains("Random");
        assertThat(FLEET.schemaAt(".spec.nosuch")).isEmpty();
    }

    private static ObjectNode spec(ObjectNode cluster) {
        return (ObjectNode) cluster.get("spec");
    }

    private static ObjectNode endpoint(ObjectNode cluster) {
        return (ObjectNode) cluster.at("/spec/endpoint");
    }

    private static ObjectNode blueprint(ObjectNode cluster) {
        return (ObjectNode) cluster.at("/spec/blueprint");
    }

    private static ObjectNode controlPlane(ObjectNode cluster) {
        return (ObjectNode) cluster.at("/spec/blueprint/controlPlane");
    }

    private static ArrayNode pools(ObjectNode cluster) {
        return (ArrayNode) cluster.at("/spec/blueprint/workers/pools");
    }

    private static ObjectNode pool(ObjectNode cluster, int i) {
        return (ObjectNode) pools(cluster).get(i);
    }

    private static ObjectNode fleetCluster() {
        return (ObjectNode) resource("fleet-cluster.yaml");
    }

    private static ObjectNode defaulted(ObjectNode cluster) {
        FLEET.applyDefaults(cluster);
        return cluster;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = RealisticSchemaTest.class.getResourceAsStream("/schema/" + name)) {
            return Yaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String... expected) {
        return Arguments.of(name, breakIt, List.of(expected));
    }

    private static Arguments update(String name, Consumer<ObjectNode> old, Consumer<ObjectNode> change,
            String... expected) {
        return Arguments.of(name, old, change, List.of(expected));
    }
}
