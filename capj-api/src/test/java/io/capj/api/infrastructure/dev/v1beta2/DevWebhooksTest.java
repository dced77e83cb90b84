package io.capj.api.infrastructure.dev.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.CapiWebhooks;
import io.capj.api.ServedApi;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Dev webhooks on a real server: backend and port defaults, sorted failure domains, immutability. */
class DevWebhooksTest {
    private static final String NS = "dev-webhooks";
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
    void clusterWithoutBackendDefaultsToDockerOnPort6443() {
        ObjectNode cluster = object("DevCluster", "c-defaults");
        cluster.putObject("spec").putObject("backend");
        ServedApi.Reply reply = api.post(ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, "devclusters"), cluster);
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().at("/spec/backend").has("docker")).isTrue();
        assertThat(reply.body().at("/spec/controlPlaneEndpoint/port").asInt()).isEqualTo(6443);
    }

    @Test
    void dockerFailureDomainsDefaultToWorkersAndMustBeSorted() {
        ObjectNode cluster = object("DevCluster", "c-domains");
        var domains = cluster.putObject("spec").putObject("backend").putObject("docker").putArray("failureDomains");
        domains.addObject().put("name", "fd1");
        domains.addObject().put("name", "fd2").put("controlPlane", true);
        ServedApi.Reply created = api.post(ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, "devclusters"), cluster);
        assertThat(created.code()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().at("/spec/backend/docker/failureDomains/0/controlPlane").asBoolean(true)).isFalse();

        ObjectNode unsorted = object("DevCluster", "c-unsorted");
        var backwards = unsorted.putObject("spec").putObject("backend").putObject("docker").putArray("failureDomains");
        backwards.addObject().put("name", "fd2");
        backwards.addObject().put("name", "fd1");
        assertInvalid(api.post(ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, "devclusters"), unsorted), "spec.backend.docker.failureDomains",
                "failure domains must be sorted by name");
    }

    @Test
    void dockerCustomImageCannotChange() {
        String machines = ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, "devmachines");
        ObjectNode machine = object("DevMachine", "m-image");
        machine.putObject("spec").putObject("backend").putObject("docker").put("customImage", "kindest/node:v1.33.0");
        assertThat(api.post(machines, machine).code()).isEqualTo(201);
        ServedApi.Reply reply = api.mergePatch(machines + "/m-image",
                "{\"spec\":{\"backend\":{\"docker\":{\"customImage\":\"kindest/node:v1.34.0\"}}}}");
        assertInvalid(reply, "spec.backend.docker.customImage", "cannot be modified");
    }

    @Test
    void templateSpecIsImmutableButDefaultsDoNotCountAsChanges() {
        String templates = ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, "devmachinetemplates");
        ObjectNode template = object("DevMachineTemplate", "mt-immutable");
        template.putObject("spec").putObject("template").putObject("spec").putObject("backend");
        ServedApi.Reply created = api.post(templates, template);
        assertThat(created.code()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().at("/spec/template/spec/backend").has("docker")).isTrue();

        assertThat(api.mergePatch(templates + "/mt-immutable", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}").code())
                .isEqualTo(200);
        ServedApi.Reply changed = api.mergePatch(templates + "/mt-immutable",
                "{\"spec\":{\"template\":{\"spec\":{\"providerID\":\"docker:///x\"}}}}");
        assertInvalid(changed, "spec.template.spec", "field is immutable");
    }

    @Test
    void templateMetadataMustBeValidLabels() {
        ObjectNode template = object("DevClusterTemplate", "ct-labels");
        ObjectNode resource = template.putObject("spec").putObject("template");
        resource.putObject("metadata").putObject("labels").put("bad key!", "v");
        resource.putObject("spec").putObject("backend").putObject("inMemory");
        assertInvalid(api.post(ServedApi.collection(DevInfrastructureCrds.GROUP + "/" + DevInfrastructureCrds.VERSION, NS, "devclustertemplates"), template), "spec.template.metadata.labels",
                "");
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

    private static ObjectNode object(String kind, String name) {
        ObjectNode object = Json.object().put("apiVersion", DevInfrastructureCrds.GROUP + "/v1beta2").put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", NS);
        return object;
    }
}
