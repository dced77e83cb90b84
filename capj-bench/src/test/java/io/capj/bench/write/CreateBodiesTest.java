package io.capj.bench.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(ints = {1600, 2048, 8192})
    void bodiesHaveExactlyTheRequestedSizeAndParse(int size) throws Exception {
        String body = new CreateBodies(size).body(CreateBodies.name(63, 123_456));
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        JsonNode object = JSON.readTree(body);
        assertThat(object.at("/metadata/name").asText()).isEqualTo("w063-000123456");
        assertThat(object.at("/kind").asText()).isEqualTo(BenchItemKind.KIND);
        assertThat(object.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(object.at("/spec/payload/notes").size()).isPositive();
    }

    @Test
    void namesAreUniquePerClientAndSequence() {
        assertThat(CreateBodies.name(1, 10)).isNotEqualTo(CreateBodies.name(11, 0)).isNotEqualTo(CreateBodies.name(1, 1));
        assertThat(CreateBodies.name(0, 0)).isEqualTo("w000-000000000");
    }

    @Test
    void tooSmallABodyIsRejected() {
        assertThatThrownBy(() -> new CreateBodies(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void definitionIsValidJsonWithTheSchema() throws Exception {
        JsonNode crd = JSON.readTree(BenchItemKind.definitionJson());
        assertThat(crd.at("/metadata/name").asText()).isEqualTo("benchitems.bench.capj.io");
        assertThat(crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/payload/"
                + "x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
    }
}
