package io.capj.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What clients discover once the CRDs are installed: names, category, versions and subresources. */
@ExtendWith(CapiServerExtension.class)
class ServedResourcesTest {
    private static final String NS = "serving";

    @Test
    void everyDefinitionIsEstablished(ServedApi api) {
        for (ObjectNode crd : CapiCrds.all()) {
            String name = crd.at("/metadata/name").asText();
            JsonNode served = api.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + name).body();
            Map<String, String> conditions = new HashMap<>();
            served.at("/status/conditions").forEach(c -> conditions.put(c.path("type").asText(),
                    c.path("status").asText()));
            assertThat(conditions).as(name).containsEntry("Established", "True").containsEntry("NamesAccepted", "True");
        }
    }

    @Test
    void onlyV1beta2IsServed(ServedApi api) {
        JsonNode group = api.get("/apis/cluster.x-k8s.io").body();
        assertThat(group.path("versions").findValuesAsText("version")).containsExactly("v1beta2");
        assertThat(group.at("/preferredVersion/version").asText()).isEqualTo("v1beta2");
    }

    @Test
    void discoveryListsShortNamesCategoryAndSubresources(ServedApi api) {
        Map<String, JsonNode> resources = new HashMap<>();
        api.get("/apis/cluster.x-k8s.io/v1beta2").body().path("resources")
                .forEach(r -> resources.put(r.path("name").asText(), r));

        assertThat(resources).containsKeys("clusters/status", "machines/status", "machinesets/status",
                "machinesets/scale", "machinedeployments/status", "machinedeployments/scale");
        assertThat(resources).containsKeys("machinepools/scale", "machinedrainrules");
        assertThat(resources).doesNotContainKeys("clusters/scale", "machines/scale", "machinedrainrules/status");
        Map<String, List<String>> shortNames = Map.of("clusters", List.of("cl"), "machines", List.of("ma"),
                "machinesets", List.of("ms"), "machinedeployments", List.of("md"),
                "machinehealthchecks", List.of("mhc", "mhcs"), "clusterclasses", List.of("cc"), "machinepools", List.of("mp"));
        shortNames.forEach((plural, names) -> {
            JsonNode resource = resources.get(plural);
            assertThat(texts(resource.path("shortNames"))).as(plural).isEqualTo(names);
            assertThat(texts(resource.path("categories"))).as(plural).containsExactly("cluster-api");
            assertThat(resource.path("namespaced").asBoolean()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"machinesets", "machinedeployments"})
    void scaleSubresourceReadsAndWritesReplicas(String plural, ServedApi api) {
        api.namespace(NS);
        String objects = SampleObjects.path(NS, plural);
        ObjectNode object = plural.equals("machinesets") ? SampleObjects.machineSet("scaled") : SampleObjects.machineDeployment(
                "scaled");
        assertThat(api.post(objects, object).code()).isEqualTo(201);
        assertThat(api.mergePatch(objects + "/scaled/status",
                "{\"status\":{\"replicas\":3,\"selector\":\"pool=scaled\"}}").code()).isEqualTo(200);

        JsonNode scale = api.get(objects + "/scaled/scale").body();
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(scale.at("/status/replicas").asInt()).isEqualTo(3);
        assertThat(scale.at("/status/selector").asText()).isEqualTo("pool=scaled");

        ServedApi.Reply scaled = api.mergePatch(objects + "/scaled/scale", "{\"spec\":{\"replicas\":5}}");
        assertThat(scaled.code()).as(scaled.body().toString()).isEqualTo(200);
        assertThat(api.get(objects + "/scaled").body().at("/spec/replicas").asInt()).isEqualTo(5);
    }

    @Test
    void variableRuleReasonIsDefaulted(ServedApi api) {
        api.namespace(NS);
        ObjectNode cc = SampleObjects.clusterClass("defaulted");
        ObjectNode schema = cc.withObjectProperty("spec").putArray("variables").addObject().put("name", "replicas")
                .put("required", false).putObject("schema").putObject("openAPIV3Schema").put("type", "integer");
        schema.putArray("x-kubernetes-validations").addObject().put("rule", "self > 0");

        ServedApi.Reply created = api.post(SampleObjects.path(NS, "clusterclasses"), cc);

        assertThat(created.code()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().at("/spec/variables/0/schema/openAPIV3Schema/x-kubernetes-validations/0/reason")
                .asText()).isEqualTo("FieldValueInvalid");
    }

    @Test
    void machinePoolScaleHasNoSelector(ServedApi api) {
        api.namespace(NS);
        String pools = SampleObjects.path(NS, "machinepools");
        assertThat(api.post(pools, SampleObjects.machinePool("pool")).code()).isEqualTo(201);

        JsonNode scale = api.get(pools + "/pool/scale").body();

        assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(scale.at("/status/selector").asText()).isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        return Json.MAPPER.convertValue(array, Json.MAPPER.getTypeFactory().constructCollectionType(List.class,
                String.class));
    }
}
