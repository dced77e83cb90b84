package io.capj.apiserver.internal.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import io.capj.apimachinery.Json;

/** The one assertion the decoding tests share: same JSON text, so key order and number types count too. */
final class Decoding {
    private Decoding() {
    }

    static void assertDecodes(byte[] body, String expectedJson) {
        assertThat(Json.string(ProtobufBodies.toJson(body))).isEqualTo(Json.string(Json.parse(expectedJson)));
    }
}
