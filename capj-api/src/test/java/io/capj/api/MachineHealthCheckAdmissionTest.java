package io.capj.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.webhooks.CapiAdmissionHooks;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream's MachineHealthCheck webhook cases ({@code machinehealthcheck_test.go}) as rows, run through the
 * real embedded API server with {@link CapiAdmissionHooks#all()}, so the CRD schema and the webhook answer
 * together. Each row bends the sample MachineHealthCheck (cluster {@code c1}, selector {@code pool: obj}) with a
 * YAML merge overlay (null deletes), creates it (or creates {@code old}, then updates to it), and expects
 * either success with some stored values, or a 422 with a cause on a field whose message contains the text.
 *
 * <p>Upstream's "empty list" condition rows are not ported: Go omits an empty list when it sends the object,
 * and sent as {@code []} the CRD's {@code minItems: 1} (upstream's too) rejects it.
 */
class MachineHealthCheckAdmissionTest {
    private static final String PLURAL = "machinehealthchecks";
    private static final String NODE_READY = "{type: Ready, status: \"False\", timeoutSeconds: 300}";
    private static final String ETCD_HEALTHY = "{type: EtcdPodHealthy, status: \"False\", timeoutSeconds: 300}";
    private static final String CHECKS = "spec: {checks: {unhealthyNodeConditions: [" + NODE_READY + "], "
            + "unhealthyMachineConditions: [" + ETCD_HEALTHY + "]}}\n";
    private static ServedApi api;
    private static int namespaces;

    @BeforeAll
    static void startServer() {
        api = ServedApi.start(CapiAdmissionHooks.all());
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }

    /** One case: {@code old} is null for a create; either {@code stored} or {@code field} is set. */
    record Row(String description, String old, String object, Map<String, String> stored, String field,
               String message) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Row> cases() {
        List<Row> rows = new ArrayList<>();
        rows.add(stores("defaults the cluster-name label and a 10 minute node startup timeout", CHECKS,
                Map.of("/metadata/labels/cluster.x-k8s.io~1cluster-name", "c1",
                        "/spec/checks/nodeStartupTimeoutSeconds", "600")));
        rows.add(stores("defaults the node startup timeout when no checks are given", "spec: {checks: null}",
                Map.of("/spec/checks/nodeStartupTimeoutSeconds", "600")));
        rows.add(allows("should not return error for valid selector", "spec: {selector: {matchLabels: {foo: bar}}}"));
        rows.add(rejects("should return error for invalid selector",
                "spec: {selector: {matchLabels: {pool: null, \"-123-foo\": bar}}}", "spec.selector",
                "name part must consist of alphanumeric characters"));
        rows.add(rejects("selector must not be empty", "spec: {selector: {matchLabels: null}}", "spec.selector",
                "selector must not be empty"));
        rows.add(rejects("cannot select another cluster than clusterName",
                "spec: {selector: {matchLabels: {cluster.x-k8s.io/cluster-name: bar, baz: qux}}}", "spec.selector",
                "cannot specify a cluster selector other than the one specified by ClusterName"));
        rows.add(allows("may select its own cluster",
                "spec: {selector: {matchLabels: {cluster.x-k8s.io/cluster-name: c1, baz: qux}}}"));
        rows.add(new Row("when the cluster name has not changed", CHECKS, CHECKS + "metadata: {labels: {a: b}}",
                Map.of(), null, null));
        rows.add(new Row("when the cluster name has changed", CHECKS, "spec: {clusterName: bar}", Map.of(),
                "spec.clusterName", "Forbidden: field is immutable"));
        rows.add(allows("pass with correctly defined unhealthyNodeConditions",
                "spec: {checks: {unhealthyNodeConditions: [" + NODE_READY + "]}}"));
        rows.add(allows("do not fail if the UnhealthyNodeCondition array is nil",
                "spec: {checks: {unhealthyNodeConditions: null, nodeStartupTimeoutSeconds: 60}}"));
        rows.add(allows("pass with correctly defined unhealthyMachineConditions",
                "spec: {checks: {unhealthyMachineConditions: [" + ETCD_HEALTHY + "]}}"));
        rows.add(allows("do not fail if the UnhealthyMachineCondition array is nil",
                "spec: {checks: {unhealthyMachineConditions: null, nodeStartupTimeoutSeconds: 60}}"));
        rows.add(allows("when the nodeStartupTimeout is greater than 30s", timeout("60")));
        rows.add(allows("when the nodeStartupTimeout is 30s", timeout("30")));
        rows.add(rejects("when the nodeStartupTimeout is 29s", timeout("29"),
                "spec.checks.nodeStartupTimeoutSeconds", "Invalid value: 29: must be at least 30s"));
        rows.add(rejects("when the nodeStartupTimeout is less than 0", timeout("-60"),
                "spec.checks.nodeStartupTimeoutSeconds", "should be greater than or equal to 0"));
        rows.add(stores("when the nodeStartupTimeout is 0 (disabled)", timeout("0"),
                Map.of("/spec/checks/nodeStartupTimeoutSeconds", "0")));
        rows.add(allows("unhealthyLessThanOrEqualTo as an integer", triggerIf("unhealthyLessThanOrEqualTo: 10")));
        rows.add(allows("unhealthyLessThanOrEqualTo as a percentage",
                triggerIf("unhealthyLessThanOrEqualTo: \"10%\"")));
        rows.add(rejects("unhealthyLessThanOrEqualTo as a random string",
                triggerIf("unhealthyLessThanOrEqualTo: abcdef"),
                "spec.remediation.triggerIf.unhealthyLessThanOrEqualTo",
                "must be either an int or a percentage: invalid value for IntOrString: invalid type: string is not "
                        + "a percentage"));
        rows.add(rejects("unhealthyLessThanOrEqualTo as a stringified integer",
                triggerIf("unhealthyLessThanOrEqualTo: \"10\""),
                "spec.remediation.triggerIf.unhealthyLessThanOrEqualTo", "must be either an int or a percentage"));
        rows.add(allows("unhealthyInRange [3-5]", triggerIf("unhealthyInRange: \"[3-5]\"")));
        rows.add(rejects("unhealthyInRange without brackets", triggerIf("unhealthyInRange: 3-5"),
                "spec.remediation.triggerIf.unhealthyInRange", "should match"));
        rows.add(rejects("unhealthyInRange upside down", triggerIf("unhealthyInRange: \"[5-3]\""),
                "spec.remediation.triggerIf.unhealthyInRange", "max value 3 cannot be less than min value 5"));
        rows.add(allows("a complete templateRef",
                "spec: {remediation: {templateRef: {apiVersion: infrastructure.cluster.x-k8s.io/v1beta2, "
                        + "kind: DevRemediationTemplate, name: remediation}}}"));
        rows.add(rejects("a templateRef without name",
                "spec: {remediation: {templateRef: {apiVersion: infrastructure.cluster.x-k8s.io/v1beta2, "
                        + "kind: DevRemediationTemplate}}}", "spec.remediation.templateRef.name", "Required value"));
        rows.add(rejects("a node condition without timeoutSeconds",
                "spec: {checks: {unhealthyNodeConditions: [{type: Ready, status: Unknown}]}}",
                "spec.checks.unhealthyNodeConditions[0].timeoutSeconds", "Required value"));
        rows.add(rejects("a machine condition the health check itself writes",
                "spec: {checks: {unhealthyMachineConditions: [{type: HealthCheckSucceeded, status: \"False\", "
                        + "timeoutSeconds: 1}]}}", "spec.checks.unhealthyMachineConditions[0].type",
                "type must not be one of"));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void admits(Row row) {
        String namespace = "mhc-" + ++namespaces;
        api.namespace(namespace);
        String path = SampleObjects.path(namespace, PLURAL);
        ServedApi.Reply reply;
        if (row.old() == null) {
            reply = api.post(path, build(row.object()));
        } else {
            ServedApi.Reply created = api.post(path, build(row.old()));
            assertThat(created.code()).as("old object: " + created.body()).isEqualTo(201);
            ObjectNode next = build(row.object());
            next.with("metadata").put("resourceVersion", created.body().at("/metadata/resourceVersion").asText());
            reply = api.put(path + "/" + next.at("/metadata/name").asText(), next);
        }
        if (row.field() == null) {
            assertThat(reply.code()).as(reply.body().toString()).isIn(200, 201);
            row.stored().forEach((pointer, value) ->
                    assertThat(reply.body().at(pointer).asText()).as(pointer).isEqualTo(value));
            return;
        }
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(422);
        List<String> causes = new ArrayList<>();
        for (JsonNode cause : reply.body().at("/details/causes")) {
            causes.add(cause.path("field").asText() + ": " + cause.path("message").asText());
        }
        assertThat(causes).as(reply.body().toString())
                .anyMatch(c -> c.startsWith(row.field() + ": ") && c.contains(row.message()));
    }

    /** Upstream's MachineHealthCheck samples of the remediation e2e tests apply unmodified. */
    @ParameterizedTest
    @ValueSource(strings = {
            "e2e__data__infrastructure-docker__main__cluster-template-kcp-remediation__mhc.yaml",
            "e2e__data__infrastructure-docker__main__cluster-template-md-remediation__mhc.yaml"})
    void upstreamSamplesApply(String file) {
        String namespace = "mhcfx-" + ++namespaces;
        api.namespace(namespace);
        List<ObjectNode> objects = UpstreamFixtures.load(file, "capi-quickstart", namespace).stream()
                .filter(o -> o.path("kind").asText().equals("MachineHealthCheck"))
                .filter(o -> o.path("apiVersion").asText().equals(CoreGroup.API_VERSION))
                .toList();
        assertThat(objects).isNotEmpty();
        for (ObjectNode object : objects) {
            ServedApi.Reply created = api.post(SampleObjects.path(namespace, PLURAL), object);
            assertThat(created.code()).as(file + ": " + created.body()).isEqualTo(201);
            assertThat(created.body().at("/metadata/labels/cluster.x-k8s.io~1cluster-name").asText())
                    .isEqualTo("capi-quickstart");
            assertThat(created.body().at("/spec/checks/nodeStartupTimeoutSeconds").asInt())
                    .isEqualTo(object.at("/spec/checks/nodeStartupTimeoutSeconds").asInt(600));
            assertThat(created.body().at("/spec/checks/unhealthyNodeConditions"))
                    .isEqualTo(object.at("/spec/checks/unhealthyNodeConditions"));
            assertThat(created.body().at("/spec/remediation")).isEqualTo(object.at("/spec/remediation"));
        }
    }

    private static Row allows(String description, String overlay) {
        return new Row(description, null, overlay, Map.of(), null, null);
    }

    private static Row stores(String description, String overlay, Map<String, String> stored) {
        return new Row(description, null, overlay, stored, null, null);
    }

    private static Row rejects(String description, String overlay, String field, String message) {
        return new Row(description, null, overlay, Map.of(), field, message);
    }

    private static String timeout(String seconds) {
        return "spec: {checks: {nodeStartupTimeoutSeconds: " + seconds + ", unhealthyNodeConditions: [" + NODE_READY
                + "]}}";
    }

    private static String triggerIf(String field) {
        return "spec: {remediation: {triggerIf: {" + field + "}}}";
    }

    /** The sample MachineHealthCheck named {@code obj} with the YAML overlay merged in (null removes a field). */
    private static ObjectNode build(String overlay) {
        ObjectNode object = SampleObjects.machineHealthCheck("obj");
        try {
            JsonNode patch = Json.YAML.readTree(overlay);
            if (patch instanceof ObjectNode p) {
                merge(object, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bad overlay: " + overlay, e);
        }
        return object;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode child) {
                merge(child, (ObjectNode) value);
            } else {
                target.set(e.getKey(), value);
            }
        }
    }
}
