package io.capj.api.infrastructure.dev.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.CapiWebhooks;
import io.capj.api.ServedApi;
import io.capj.apimachinery.Json;
import io.capj.contract.ContractVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dev CRDs as a real API server serves them: upstream's templates are accepted, core resolves their
 * contract to v1beta2, and objects breaking the schema are refused with the offending field.
 */
class DevInfrastructureCrdsTest {
    /** The Dev kinds this package defines (pools are not served yet). */
    private static final java.util.Set<String> DEV_KINDS = java.util.Set.of("DevCluster", "DevMachine",
            "DevClusterTemplate", "DevMachineTemplate");
    private static final String NS = "dev";
    private static ServedApi api;

    @BeforeAll
    static void startServer() {
        api = ServedApi.start(CapiWebhooks.all());
        api.namespace(NS);
    }

    @AfterAll
    static void stopServer() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void crdsCarryUpstreamNamesCategoriesAndContract() {
        List<String> kinds = new ArrayList<>();
        for (ObjectNode crd : DevInfrastructureCrds.all()) {
            String kind = crd.at("/spec/names/kind").asText();
            kinds.add(kind);
            assertThat(crd.at("/metadata/name").asText())
                    .isEqualTo(kind.toLowerCase(Locale.ROOT) + "s.infrastructure.cluster.x-k8s.io");
            assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
            assertThat(crd.at("/spec/names/categories/0").asText()).isEqualTo("cluster-api");
            assertThat(crd.at("/metadata/labels").path("cluster.x-k8s.io/v1beta2").asText()).isEqualTo("v1beta2");
            ContractVersion.Resolved resolved = ContractVersion.resolve(crd);
            assertThat(resolved.contract()).isEqualTo("v1beta2");
            assertThat(resolved.apiVersion()).isEqualTo("infrastructure.cluster.x-k8s.io/v1beta2");
            JsonNode version = crd.at("/spec/versions/0");
            assertThat(version.at("/subresources").has("status")).as(kind).isEqualTo(!kind.equals("DevClusterTemplate"));
            assertThat(version.at("/additionalPrinterColumns").findValuesAsText("name")).contains("Age");
        }
        assertThat(kinds).containsExactly("DevCluster", "DevMachine", "DevClusterTemplate", "DevMachineTemplate");
        assertThat(DevMachineCrd.definition().at("/spec/versions/0/additionalPrinterColumns")
                .findValuesAsText("name"))
                .containsExactly("Cluster", "Provider ID", "Failure domain", "IP", "Paused", "Provisioned", "Age");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "infrastructure__docker__templates__clusterclass-in-memory.yaml",
        "infrastructure__docker__templates__clusterclass-quick-start.yaml",
        "e2e__data__infrastructure-docker__main__bases__cluster-with-kcp.yaml",
        "e2e__data__infrastructure-docker__main__bases__md.yaml"})
    void upstreamTemplatesAreAccepted(String file) {
        String cluster = "c" + Integer.toHexString(file.hashCode());
        List<ObjectNode> objects = io.capj.api.UpstreamFixtures.load(file, cluster, NS).stream()
                .filter(o -> DEV_KINDS.contains(o.path("kind").asText())).toList();
        assertThat(objects).isNotEmpty();
        for (ObjectNode object : objects) {
            object.withObjectProperty("metadata").put("namespace", NS);
            ServedApi.Reply reply = api.post(ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, plural(object)), object);
            assertThat(reply.code()).as(object.path("kind").asText() + " " + reply.body()).isEqualTo(201);
            assertThat(backendNames(reply.body())).isEqualTo(backendNames(object))
                    .isNotEmpty();
        }
    }

    @Test
    void inMemoryBackendKeepsProvisioningSettingsAndStatusFollowsTheContract() {
        ObjectNode machine = devMachine("m-in-memory");
        ObjectNode inMemory = machine.withObjectProperty("spec").withObjectProperty("backend").putObject("inMemory");
        for (String component : List.of("vm", "node", "apiServer", "etcd")) {
            inMemory.putObject(component).putObject("provisioning").put("startupDuration", "10s")
                    .put("startupJitter", "0.2");
        }
        machine.withObjectProperty("spec").put("providerID", "in-memory://m-in-memory");
        String machines = ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, "devmachines");
        ServedApi.Reply created = api.post(machines, machine);
        assertThat(created.code()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().at("/spec/backend/inMemory")).isEqualTo(inMemory);

        ServedApi.Reply status = api.mergePatch(machines + "/m-in-memory/status", "{\"status\":{"
                + "\"initialization\":{\"provisioned\":true},\"failureDomain\":\"fd1\","
                + "\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10.0.0.7\"}]}}");
        assertThat(status.code()).as(status.body().toString()).isEqualTo(200);
        assertThat(status.body().at("/status/initialization/provisioned").asBoolean()).isTrue();
        assertThat(status.body().at("/status/addresses/0/address").asText()).isEqualTo("10.0.0.7");

        ObjectNode cluster = devCluster("c-in-memory");
        cluster.withObjectProperty("spec").putObject("controlPlaneEndpoint").put("host", "10.0.0.1").put("port", 6443);
        String clusters = ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, "devclusters");
        assertThat(api.post(clusters, cluster).code()).isEqualTo(201);
        ServedApi.Reply clusterStatus = api.mergePatch(clusters + "/c-in-memory/status", "{\"status\":{"
                + "\"initialization\":{\"provisioned\":true},"
                + "\"failureDomains\":[{\"name\":\"fd1\",\"controlPlane\":true}]}}");
        assertThat(clusterStatus.code()).as(clusterStatus.body().toString()).isEqualTo(200);
        assertThat(clusterStatus.body().at("/spec/backend").has("inMemory")).isTrue();
        assertThat(clusterStatus.body().at("/status/failureDomains/0/name").asText()).isEqualTo("fd1");
    }

    static Stream<Arguments> invalidObjects() {
        return Stream.of(
                invalid("cluster template without template", devClusterTemplate("bad-1"),
                        o -> spec(o).remove("template"), "spec.template", "Required"),
                invalid("endpoint port out of range", devCluster("bad-2"),
                        o -> spec(o).putObject("controlPlaneEndpoint").put("host", "h").put("port", 70000),
                        "spec.controlPlaneEndpoint.port", "less than or equal to 65535"),
                invalid("duplicate docker failure domain", devCluster("bad-3"), o -> {
                    var domains = spec(o).withObjectProperty("backend").putObject("docker").putArray("failureDomains");
                    domains.addObject().put("name", "fd1");
                    domains.addObject().put("name", "fd1");
                }, "spec.backend.docker.failureDomains[1]", "Duplicate value"),
                invalid("in-memory vm without startupDuration", devMachine("bad-4"),
                        o -> spec(o).withObjectProperty("backend").putObject("inMemory").putObject("vm")
                                .putObject("provisioning").put("startupJitter", "0.2"),
                        "spec.backend.inMemory.vm.provisioning.startupDuration", "Required"),
                invalid("empty providerID", devMachine("bad-5"), o -> spec(o).put("providerID", ""),
                        "spec.providerID", "at least 1 chars"),
                invalid("machine template without template spec", devMachineTemplate("bad-6"),
                        o -> spec(o).withObjectProperty("template").remove("spec"), "spec.template.spec", "Required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidObjects")
    void refused(String name, ObjectNode object, String field, String message) {
        assertInvalid(api.post(ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, plural(object)), object), field, message);
    }

    @Test
    void unknownAddressTypeInStatusIsRefused() {
        String machines = ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, "devmachines");
        assertThat(api.post(machines, devMachine("m-address")).code()).isEqualTo(201);
        ServedApi.Reply reply = api.mergePatch(machines + "/m-address/status",
                "{\"status\":{\"addresses\":[{\"type\":\"PublicIP\",\"address\":\"1.2.3.4\"}]}}");
        assertInvalid(reply, "status.addresses[0].type", "Unsupported value");
    }

    private static void assertInvalid(ServedApi.Reply reply, String field, String message) {
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        for (JsonNode cause : reply.body().at("/details/causes")) {
            fields.add(cause.path("field").asText());
        }
        assertThat(fields).as(reply.body().toString()).contains(field);
        assertThat(reply.body().path("message").asText()).contains(message);
    }

    private static Arguments invalid(String name, ObjectNode object, Consumer<ObjectNode> breakIt, String field,
                                     String message) {
        breakIt.accept(object);
        return Arguments.of(name, object, field, message);
    }

    /** The backends chosen in a Dev object or template (docker, inMemory). */
    private static List<String> backendNames(JsonNode object) {
        JsonNode spec = object.path("spec").has("template") ? object.at("/spec/template/spec") : object.path("spec");
        List<String> names = new ArrayList<>();
        spec.path("backend").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String plural(ObjectNode object) {
        return object.path("kind").asText().toLowerCase(Locale.ROOT) + "s";
    }

    private static ObjectNode spec(ObjectNode object) {
        return object.withObjectProperty("spec");
    }

    private static ObjectNode object(String kind, String name) {
        ObjectNode object = Json.object().put("apiVersion", DevInfrastructureCrds.GROUP + "/v1beta2").put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", NS);
        return object;
    }

    private static ObjectNode devCluster(String name) {
        ObjectNode cluster = object("DevCluster", name);
        cluster.putObject("spec").putObject("backend").putObject("inMemory");
        return cluster;
    }

    private static ObjectNode devMachine(String name) {
        ObjectNode machine = object("DevMachine", name);
        machine.putObject("spec").putObject("backend").putObject("docker").put("customImage", "kindest/node:v1.33.0");
        return machine;
    }

    private static ObjectNode devClusterTemplate(String name) {
        ObjectNode template = object("DevClusterTemplate", name);
        template.putObject("spec").putObject("template").putObject("spec").putObject("backend").putObject("inMemory");
        return template;
    }

    private static ObjectNode devMachineTemplate(String name) {
        ObjectNode template = object("DevMachineTemplate", name);
        template.putObject("spec").putObject("template").putObject("spec").putObject("backend").putObject("inMemory");
        return template;
    }
}
