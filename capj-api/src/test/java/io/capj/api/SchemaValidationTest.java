package io.capj.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Objects breaking the CRD schemas are refused with 422 Invalid and a cause naming the field. */
@ExtendWith(CapiServerExtension.class)
class SchemaValidationTest {
    private static final String NS = "validation";

    static Stream<Arguments> invalidObjects() {
        return Stream.of(
                invalid("machine without spec", "machines", SampleObjects::machine,
                        o -> o.remove("spec"), "spec", "Required"),
                invalid("machine without clusterName", "machines", SampleObjects::machine,
                        o -> spec(o).remove("clusterName"), "spec.clusterName", "Required"),
                invalid("infrastructureRef kind not a kind", "machines", SampleObjects::machine,
                        o -> spec(o).withObjectProperty("infrastructureRef").put("kind", "1Dev"),
                        "spec.infrastructureRef.kind", "should match"),
                invalid("unknown taint effect", "machines", SampleObjects::machine,
                        o -> spec(o).putArray("taints").addObject().put("key", "k").put("effect", "Sometimes")
                                .put("propagation", "Always"), "spec.taints[0].effect", "Unsupported value"),
                invalid("duplicate readiness gate", "machines", SampleObjects::machine,
                        o -> {
                            var gates = spec(o).putArray("readinessGates");
                            gates.addObject().put("conditionType", "Custom");
                            gates.addObject().put("conditionType", "Custom");
                        }, "spec.readinessGates[1]", "Duplicate value"),
                invalid("negative drain timeout", "machines", SampleObjects::machine,
                        o -> spec(o).putObject("deletion").put("nodeDrainTimeoutSeconds", -1),
                        "spec.deletion.nodeDrainTimeoutSeconds", "greater than or equal to 0"),
                invalid("empty cluster spec", "clusters", SampleObjects::cluster,
                        o -> o.putObject("spec"), "spec", "at least 1 properties"),
                invalid("endpoint port out of range", "clusters", SampleObjects::cluster,
                        o -> spec(o).putObject("controlPlaneEndpoint").put("host", "h").put("port", 70000),
                        "spec.controlPlaneEndpoint.port", "less than or equal to 65535"),
                invalid("empty pod CIDR list", "clusters", SampleObjects::cluster,
                        o -> spec(o).putObject("clusterNetwork").putObject("pods").putArray("cidrBlocks"),
                        "spec.clusterNetwork.pods.cidrBlocks", "at least 1 items"),
                invalid("health check on a reserved condition (CEL)", "clusters", SampleObjects::cluster,
                        SchemaValidationTest::topologyWatchingReady,
                        "spec.topology.workers.machineDeployments[0].healthCheck.checks"
                                + ".unhealthyMachineConditions[0].type",
                        "type must not be one of: Ready, Available"),
                invalid("unknown rollout strategy", "machinedeployments", SampleObjects::machineDeployment,
                        o -> spec(o).putObject("rollout").putObject("strategy").put("type", "Recreate"),
                        "spec.rollout.strategy.type", "Unsupported value"),
                invalid("unknown deletion order", "machinesets", SampleObjects::machineSet,
                        o -> spec(o).putObject("deletion").put("order", "Biggest"),
                        "spec.deletion.order", "Unsupported value"),
                invalid("health check range not [a-b]", "machinehealthchecks", SampleObjects::machineHealthCheck,
                        o -> spec(o).putObject("remediation").putObject("triggerIf").put("unhealthyInRange", "1-3"),
                        "spec.remediation.triggerIf.unhealthyInRange", "should match"),
                invalid("class without control plane", "clusterclasses", SampleObjects::clusterClass,
                        o -> spec(o).remove("controlPlane"), "spec.controlPlane", "Required"),
                invalid("variable type not an OpenAPI type", "clusterclasses", SampleObjects::clusterClass,
                        o -> spec(o).putArray("variables").addObject().put("name", "v").put("required", true)
                                .putObject("schema").putObject("openAPIV3Schema").put("type", "float"),
                        "spec.variables[0].schema.openAPIV3Schema.type", "Unsupported value"),
                invalid("drain rule listing a pod selector twice (CEL)", "machinedrainrules",
                        SampleObjects::machineDrainRule, SchemaValidationTest::duplicatePodSelectors, "spec.pods",
                        "entries in pods must be unique"),
                invalid("unknown drain behavior", "machinedrainrules", SampleObjects::machineDrainRule,
                        o -> spec(o).withObjectProperty("drain").put("behavior", "Evict"),
                        "spec.drain.behavior", "Unsupported value"),
                invalid("pool without template", "machinepools", SampleObjects::machinePool,
                        o -> spec(o).remove("template"), "spec.template", "Required"),
                invalid("template without spec", "machinesets", SampleObjects::machineSet,
                        o -> spec(o).withObjectProperty("template").remove("spec"),
                        "spec.template.spec", "Required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidObjects")
    void refused(String name, String plural, ObjectNode object, String field, String message, ServedApi api) {
        api.namespace(NS);
        ServedApi.Reply reply = api.post(SampleObjects.path(NS, plural), object);
        assertInvalid(reply, field, message);
    }

    @Test
    void statusIsValidatedToo(ServedApi api) {
        api.namespace(NS);
        String machines = SampleObjects.path(NS, "machines");
        assertThat(api.post(machines, SampleObjects.machine("m-status")).code()).isEqualTo(201);
        ServedApi.Reply reply = api.mergePatch(machines + "/m-status/status", "{\"status\":{\"phase\":\"Dancing\"}}");
        assertInvalid(reply, "status.phase", "Unsupported value");
    }

    private static void assertInvalid(ServedApi.Reply reply, String field, String message) {
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(422);
        assertThat(reply.body().path("reason").asText()).isEqualTo("Invalid");
        List<String> fields = new ArrayList<>();
        for (JsonNode cause : reply.body().at("/details/causes")) {
            fields.add(cause.path("field").asText());
        }
        assertThat(fields).as(reply.body().toString()).contains(field);
        assertThat(reply.body().path("message").asText()).contains(message);
    }

    private static Arguments invalid(String name, String plural, Function<String, ObjectNode> base,
                                     Consumer<ObjectNode> breakIt, String field, String message) {
        ObjectNode object = base.apply("bad-" + Integer.toHexString(name.hashCode()));
        breakIt.accept(object);
        return Arguments.of(name, plural, object, field, message);
    }

    private static ObjectNode spec(ObjectNode object) {
        return object.withObjectProperty("spec");
    }

    private static void duplicatePodSelectors(ObjectNode rule) {
        var pods = spec(rule).putArray("pods");
        for (int i = 0; i < 2; i++) {
            pods.addObject().putObject("selector").putObject("matchLabels").put("app", "db");
        }
    }

    private static void topologyWatchingReady(ObjectNode cluster) {
        ObjectNode md = Json.object().put("class", "default-worker").put("name", "md-0");
        md.putObject("healthCheck").putObject("checks").putArray("unhealthyMachineConditions").addObject()
                .put("type", "Ready").put("status", "False").put("timeoutSeconds", 300);
        ObjectNode topology = spec(cluster).putObject("topology").put("version", "v1.33.0");
        topology.putObject("classRef").put("name", "quick-start");
        topology.putObject("workers").putArray("machineDeployments").add(md);
    }
}
