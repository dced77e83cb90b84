package io.capj.apiserver.internal.protobuf;

import static io.capj.apiserver.internal.protobuf.Decoding.assertDecodes;
import static io.capj.apiserver.internal.protobuf.Wire.envelope;
import static io.capj.apiserver.internal.protobuf.Wire.message;
import static io.capj.apiserver.internal.protobuf.Wire.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.apimachinery.Json;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Protobuf's reading rules (merging, last-wins, unknown fields) and Go's zero-value rules for times. */
class WireRulesTest {

    @Test
    void skipsUnknownFieldsOfEveryWireTypeAtAnyDepth() {
        Wire meta = message().string(1, "cm").string(16, "future").raw(0x9d, 0x01, 1, 2, 3, 4); // 19: fixed32
        Wire configMap = message().message(1, meta).varint(99, 7).raw(0xa1, 0x06, 1, 2, 3, 4, 5, 6, 7, 8)
                .message(100, message().string(1, "nested"));

        assertDecodes(envelope("v1", "ConfigMap", configMap), """
                {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cm"}}
                """);
    }

    @Test
    void repeatedMessageOccurrencesMergeAndTheLastScalarAndMapKeyWin() {
        Wire namespace = message()
                .message(1, message().string(1, "first").entry(11, "k", "1").string(14, "a"))
                .message(1, message().string(1, "second").entry(11, "k", "2").string(14, "b"));

        assertDecodes(envelope("v1", "Namespace", namespace), """
                {"kind":"Namespace","apiVersion":"v1",
                 "metadata":{"name":"second","labels":{"k":"2"},"finalizers":["a","b"]},"spec":{},"status":{}}
                """);
    }

    @Test
    void mapEntriesWithoutValueOrKeyReadAsEmpty() {
        Wire configMap = message()
                .message(2, message().string(1, "novalue"))
                .message(2, message().string(2, "nokey"))
                .message(3, message().string(1, "nobytes"));

        assertDecodes(envelope("v1", "ConfigMap", configMap), """
                {"kind":"ConfigMap","apiVersion":"v1","metadata":{},"data":{"":"nokey","novalue":""},
                 "binaryData":{"nobytes":""}}
                """);
    }

    static Stream<Arguments> times() {
        long goZero = -62135596800L;
        return Stream.of(
                Arguments.of(time(0, 0), "\"1970-01-01T00:00:00Z\""),
                Arguments.of(time(goZero, 0), "null"),
                Arguments.of(time(goZero + 86400, 0), "\"0001-01-02T00:00:00Z\""),
                Arguments.of(time(253402300799L, 999), "\"9999-12-31T23:59:59Z\""),
                Arguments.of(message(), "null"));
    }

    @ParameterizedTest
    @MethodSource("times")
    void timesFollowGoZeroAndRfc3339Rules(Wire time, String expected) {
        Wire meta = message().message(9, time);

        assertThat(ProtobufBodies.toJson(envelope("v1", "Namespace", message().message(1, meta)))
                .at("/metadata/deletionTimestamp")).isEqualTo(Json.parse(expected));
    }

    @Test
    void zeroCreationTimestampIsOmittedButAnEpochOneIsKept() {
        assertThat(ProtobufBodies.toJson(envelope("v1", "Namespace",
                message().message(1, message().message(8, message())))).at("/metadata").has("creationTimestamp"))
                .isFalse();
        assertThat(ProtobufBodies.toJson(envelope("v1", "Namespace",
                message().message(1, message().message(8, time(0, 0))))).at("/metadata/creationTimestamp").asText())
                .isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void microTimeTruncatesNanosToMicros() {
        Wire lease = message().message(2, message().message(4, time(1795000000, 999999)));

        assertThat(ProtobufBodies.toJson(envelope("coordination.k8s.io/v1", "Lease", lease))
                .at("/spec/renewTime").asText()).isEqualTo("2026-11-18T11:06:40.000999Z");
    }

    @Test
    void largeInt64sAndNegativeInt32sSurvive() {
        Wire event = message().message(1, message().varint(7, 1L << 40)).varint(8, -1);

        var json = ProtobufBodies.toJson(envelope("v1", "Event", event));

        assertThat(json.at("/metadata/generation").asLong()).isEqualTo(1L << 40);
        assertThat(json.at("/count").asInt()).isEqualTo(-1);
    }

    @Test
    void emptyQuantityIsZeroAndInvalidUtf8BecomesReplacementCharacters() {
        Wire node = message()
                .message(1, message().bytes(1, new byte[] {'n', (byte) 0xff}))
                .message(3, message().entry(1, "cpu", message()));

        var json = ProtobufBodies.toJson(envelope("v1", "Node", node));

        assertThat(json.at("/metadata/name").asText()).isEqualTo("n\ufffd");
        assertThat(json.at("/status/capacity/cpu").asText()).isEqualTo("0");
    }
}
