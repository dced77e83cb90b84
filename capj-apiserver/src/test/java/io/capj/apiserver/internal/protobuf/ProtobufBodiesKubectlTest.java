package io.capj.apiserver.internal.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real kubectl 1.33 protobuf bodies decode to exactly the JSON kubectl 1.31 sent for the same command,
 * key order included (see {@code src/test/resources/protobuf/kubectl/README.md} for how they were recorded).
 */
class ProtobufBodiesKubectlTest {

    @ParameterizedTest
    @ValueSource(strings = {"namespace", "namespace-save-config", "configmap-literal", "configmap-file",
            "configmap-hash", "secret-generic", "secret-empty-value", "secret-docker", "serviceaccount", "token",
            "cani-resource", "cani-subresource", "cani-allns", "cani-nonresource", "whoami", "whoami-v1beta1",
            "whoami-v1alpha1"})
    void decodesRecordedKubectlBodyToTheJsonKubectlSends(String name) throws IOException {
        byte[] body = Base64.getMimeDecoder().decode(resource(name + ".pb.b64").trim());
        ObjectNode expected = (ObjectNode) Json.parse(resource(name + ".json"));
        // kubectl 1.31 wrote "creationTimestamp":null; apimachinery 1.34+ (and this decoder) omit a zero one.
        JsonNode metadata = expected.path("metadata");
        assertThat(metadata.path("creationTimestamp").isNull()).isTrue();
        ((ObjectNode) metadata).remove("creationTimestamp");

        ObjectNode actual = ProtobufBodies.toJson(body);

        assertThat(Json.string(actual)).isEqualTo(Json.string(expected));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ProtobufBodiesKubectlTest.class.getResourceAsStream("/protobuf/kubectl/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
