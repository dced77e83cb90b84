package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.Wire.envelope;
import static io.capj.apiserver.internal.protobuf.Wire.message;
import static io.capj.apiserver.internal.protobuf.Wire.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.apimachinery.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What is not a decodable body: 400 for malformed input, 415 for kinds this server only takes as JSON. */
class MalformedBodiesTest {

    private static byte[] magicThen(int... bytes) {
        byte[] body = Arrays.copyOf("k8s\0".getBytes(StandardCharsets.US_ASCII), 4 + bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            body[4 + i] = (byte) bytes[i];
        }
        return body;
    }

    static Stream<Arguments> malformed() {
        byte[] namespace = envelope("v1", "Namespace", message().message(1, message().string(1, "ns")));
        return Stream.of(
                Arguments.of(new byte[0], "empty data"),
                Arguments.of("{\"kind\":\"Namespace\"}".getBytes(StandardCharsets.UTF_8),
                        "does not appear to be a protobuf message"),
                Arguments.of(magicThen(), "empty body"),
                Arguments.of(Arrays.copyOf(namespace, namespace.length - 3), "not a valid runtime.Unknown"),
                Arguments.of(magicThen(0x08, 0x01), "wrong wire type 0 for field number 1 in the envelope"),
                Arguments.of(magicThen(0x12, 0x00), "Object 'Kind' is missing"),
                Arguments.of(envelope("", "Namespace", message()), "Object 'apiVersion' is missing"),
                Arguments.of(magicThen(0x2c), "end-group tag"),
                Arguments.of(envelope("v1", "Namespace", message().message(1, message().varint(1, 5))),
                        "Namespace in version \"v1\" cannot be handled as a Namespace: metadata.name: wrong wire type 0"),
                Arguments.of(envelope("v1", "Namespace", message().raw(0x0a, 0x32, 0x0a)),
                        "cannot be handled as a Namespace: metadata: "),
                Arguments.of(envelope("v1", "Secret", message().message(2, message().raw(0x10, 0x01))),
                        "data: wrong wire type 0 in map entry field 2"),
                Arguments.of(envelope("coordination.k8s.io/v1", "Lease",
                        message().message(2, message().message(3, time(Long.MAX_VALUE, 0)))),
                        "version \"v1\" cannot be handled as a Lease: spec.acquireTime: time out of range"),
                Arguments.of(envelope("v1", "Node", message().message(1, message().message(17, message()
                        .message(7, message().bytes(1, new byte[] {(byte) 0xa1, 0x61, 0x62}))))),
                        "metadata.managedFields[0].fieldsV1: fieldsV1 is not JSON"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedBodyIsBadRequest(byte[] body, String messagePart) {
        assertThatThrownBy(() -> ProtobufBodies.toJson(body))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("BadRequest");
                })
                .hasMessageContaining(messagePart);
    }

    @ParameterizedTest
    @CsvSource({"apps/v1,Deployment", "coordination.k8s.io/v1beta1,Lease", "v1,Pod",
            "authorization.k8s.io/v1,SubjectAccessReview"})
    void kindNotDecodedHereIsUnsupportedMediaTypeAskingForJson(String apiVersion, String kind) {
        assertThatThrownBy(() -> ProtobufBodies.toJson(envelope(apiVersion, kind, message())))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(415))
                .hasMessageContaining(apiVersion + ", Kind=" + kind)
                .hasMessageContaining("application/json");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/vnd.kubernetes.protobuf|true",
            "Application/VND.Kubernetes.Protobuf; charset=binary|true",
            "application/vnd.kubernetes.protobuf;stream=watch|true",
            "application/json|false",
            "application/vnd.kubernetes.protobuf+json|false",
            "''|false"})
    void recognisesTheProtobufMediaType(String contentType, boolean expected) {
        assertThat(ProtobufBodies.isProtobuf(contentType)).isEqualTo(expected);
    }

    @Test
    void nullContentTypeIsNotProtobuf() {
        assertThat(ProtobufBodies.isProtobuf(null)).isFalse();
    }
}
