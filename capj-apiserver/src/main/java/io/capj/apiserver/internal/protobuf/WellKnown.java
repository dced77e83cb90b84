package io.capj.apiserver.internal.protobuf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.WireFormat;
import io.capj.apimachinery.Json;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * apimachinery types whose protobuf form is a small message but whose JSON form is not an object:
 * {@code metav1.Time} and {@code MicroTime} (strings), {@code resource.Quantity} (a string),
 * {@code metav1.FieldsV1} (embedded JSON) and authentication/v1's {@code ExtraValue} and
 * {@code AttestationValue} (named {@code []string} types, sent as a message with one repeated field).
 * Each is decoded with its own table, then rendered as the Go type's {@code MarshalJSON} would.
 */
enum WellKnown implements ValueType {
    /** Second precision; the Go unmarshaller drops the nanos field (meta/v1 time_proto.go). */
    TIME,
    /** Microsecond precision, nanos truncated (meta/v1 micro_time_proto.go). */
    MICRO_TIME,
    /** Field 1 is the canonical string form the sender marshalled; it is passed through, not re-canonicalised. */
    QUANTITY,
    /** Field 1 ({@code Raw}) holds the field set as JSON bytes. */
    FIELDS_V1,
    /** Field 1 ({@code items}) is the repeated list of values; an empty list is Go's nil slice, {@code null}. */
    STRING_LIST;

    /** Go's zero {@code time.Time} (0001-01-01T00:00:00Z), which marshals to JSON {@code null}. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public int wireType() {
        return WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    /** The JSON Go writes for this value as read from {@code bytes} (the embedded message). */
    JsonNode toJson(ByteString bytes, String path) {
        return switch (this) {
            case TIME, MICRO_TIME -> time(bytes, path);
            case QUANTITY -> quantity(bytes, path);
            case FIELDS_V1 -> fieldsV1(bytes, path);
            case STRING_LIST -> stringList(bytes, path);
        };
    }

    /** Go's zero value as JSON: a zero Time is {@code null}, a zero Quantity {@code "0"}, the rest nil. */
    JsonNode zero() {
        return this == QUANTITY ? Json.NODES.textNode("0") : Json.NODES.nullNode();
    }

    private JsonNode time(ByteString bytes, String path) {
        if (bytes.isEmpty()) {
            return Json.NODES.nullNode(); // apimachinery marshals a zero time as an empty message
        }
        ObjectNode ts = MessageDecoder.decode(Tables.TIMESTAMP, bytes, path);
        long seconds = ts.path("seconds").asLong(0);
        long nanos = this == MICRO_TIME ? truncateToMicros(ts.path("nanos").asInt(0)) : 0;
        Instant instant;
        try {
            instant = Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw new MalformedMessageException(path, "time out of range (seconds " + seconds + ")");
        }
        if (instant.equals(GO_ZERO_TIME)) {
            return Json.NODES.nullNode();
        }
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            throw new MalformedMessageException(path, "time out of range (year " + year + ")");
        }
        return Json.NODES.textNode((this == MICRO_TIME ? MICROS : SECONDS).format(instant));
    }

    /** Go's {@code Duration.Truncate(time.Microsecond)}: toward zero. */
    private static long truncateToMicros(int nanos) {
        return nanos - nanos % 1000;
    }

    private static JsonNode quantity(ByteString bytes, String path) {
        String value = MessageDecoder.decode(Tables.QUANTITY, bytes, path).path("string").asText("");
        return Json.NODES.textNode(value.isEmpty() ? "0" : value);
    }

    private static JsonNode fieldsV1(ByteString bytes, String path) {
        JsonNode raw = MessageDecoder.decode(Tables.FIELDS_V1, bytes, path).get("Raw");
        if (raw == null || raw.asText().isEmpty()) {
            return Json.NODES.nullNode();
        }
        try {
            return Json.MAPPER.readTree(raw.asText());
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException(path, "fieldsV1 is not JSON (only JSON field sets are accepted)");
        }
    }

    private static JsonNode stringList(ByteString bytes, String path) {
        JsonNode items = MessageDecoder.decode(Tables.STRING_LIST, bytes, path).get("items");
        return items == null ? Json.NODES.nullNode() : items;
    }

    /** The wire tables of the wrapped messages, held apart so that enum initialisation never needs them. */
    private static final class Tables {
        // k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto: Time and MicroTime {seconds = 1, nanos = 2}.
        static final ProtoMessage TIMESTAMP = ProtoMessage.builder("Timestamp")
                .omitEmpty(1, "seconds", Scalar.INT64)
                .omitEmpty(2, "nanos", Scalar.INT32)
                .build();
        // k8s.io/apimachinery/pkg/api/resource/generated.proto: Quantity {string = 1}.
        static final ProtoMessage QUANTITY = ProtoMessage.builder("Quantity")
                .omitEmpty(1, "string", Scalar.STRING)
                .build();
        // meta/v1 generated.proto: FieldsV1 {Raw = 1}; read as text because it holds JSON.
        static final ProtoMessage FIELDS_V1 = ProtoMessage.builder("FieldsV1")
                .pointer(1, "Raw", Scalar.STRING)
                .build();
        // k8s.io/api/authentication/v1/generated.proto: ExtraValue and AttestationValue {items = 1}.
        static final ProtoMessage STRING_LIST = ProtoMessage.builder("StringList")
                .list(1, "items", Scalar.STRING)
                .build();

        private Tables() {
        }
    }
}
