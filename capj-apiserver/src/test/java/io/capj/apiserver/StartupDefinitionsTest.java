package io.capj.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CustomResourceDefinitions given to the builder are served from the first request, survive restarts
 * without being rewritten, and are brought up to date when a newer binary brings a changed definition.
 */
class StartupDefinitionsTest {
    private static final String CRD = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.capj.io";
    private static final String WIDGETS = "/apis/example.capj.io/v1/namespaces/default/widgets";

    @TempDir
    Path dir;

    @Test
    void definitionIsServedFromTheFirstRequestAndKeptAcrossRestarts() {
        // Built in Java, as capj-api's definitions are: a long where the stored JSON decodes to an int.
        ObjectNode built = widgets();
        ((ObjectNode) built.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/replicas"))
                .put("maximum", 10L);
        String resourceVersion;
        try (ApiServer server = start(built); HttpApi api = new HttpApi(server)) {
            assertThat(api.post(WIDGETS, "{\"apiVersion\":\"example.capj.io/v1\",\"kind\":\"Widget\","
                    + "\"metadata\":{\"name\":\"w1\"},\"spec\":{\"color\":\"red\"}}").code()).isEqualTo(201);
            JsonNode crd = api.get(CRD).body();
            assertThat(crd.at("/metadata/managedFields/0/manager").asText()).isEqualTo("capj");
            resourceVersion = crd.at("/metadata/resourceVersion").asText();
        }
        try (ApiServer server = start(built); HttpApi api = new HttpApi(server)) {
            assertThat(api.get(CRD).body().at("/metadata/resourceVersion").asText())
                    .as("an unchanged definition is not written again").isEqualTo(resourceVersion);
            assertThat(api.get(WIDGETS + "/w1").code()).isEqualTo(200);
        }
    }

    @Test
    void changedDefinitionIsAppliedOnRestart() {
        start(widgets()).close();
        ObjectNode upgraded = widgets();
        ((ObjectNode) upgraded.at("/spec/versions/0")).withArray("additionalPrinterColumns").addObject()
                .put("name", "Replicas").put("type", "integer").put("jsonPath", ".spec.replicas");
        upgraded.withObject("metadata").withObject("labels").put("release", "2");

        try (ApiServer server = start(upgraded); HttpApi api = new HttpApi(server)) {
            JsonNode crd = api.get(CRD).body();
            assertThat(crd.at("/spec/versions/0/additionalPrinterColumns/1/name").asText()).isEqualTo("Replicas");
            assertThat(crd.at("/metadata/labels/release").asText()).isEqualTo("2");
            assertThat(crd.at("/metadata/generation").asInt()).isEqualTo(2);
        }
    }

    @Test
    void refusedDefinitionFailsStartup() {
        ObjectNode invalid = widgets();
        ((ObjectNode) invalid.get("spec")).put("scope", "Galactic");

        assertThatThrownBy(() -> start(invalid))
                .hasMessageContaining("failed to install CustomResourceDefinition widgets.example.capj.io")
                .hasMessageContaining("spec.scope");
    }

    private ApiServer start(ObjectNode crd) {
        return ApiServer.builder().dataDir(dir).port(0).customResourceDefinitions(List.of(crd)).build().start();
    }

    private static ObjectNode widgets() {
        try (InputStream in = StartupDefinitionsTest.class.getResourceAsStream("/apiserver/widgets-crd.json")) {
            return (ObjectNode) Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
