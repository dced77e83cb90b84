package io.capj.apiserver.internal.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.util.Base64;

/** The protobuf primitives the tables use, read as gogo-protobuf's generated Go code reads them. */
enum Scalar implements ValueType {
    STRING(WireFormat.WIRETYPE_LENGTH_DELIMITED),
    /** {@code []byte}: JSON is standard base64 with padding, as Go's encoding/json writes it. */
    BYTES(WireFormat.WIRETYPE_LENGTH_DELIMITED),
    BOOL(WireFormat.WIRETYPE_VARINT),
    INT32(WireFormat.WIRETYPE_VARINT),
    INT64(WireFormat.WIRETYPE_VARINT);

    private final int wireType;

    Scalar(int wireType) {
        this.wireType = wireType;
    }

    @Override
    public int wireType() {
        return wireType;
    }

    /**
     * Reads one value. Strings are not checked for UTF-8, as in Go; invalid sequences become U+FFFD here,
     * which is also what Go's JSON encoder would have written.
     */
    Object read(CodedInputStream in) throws IOException {
        return switch (this) {
            case STRING -> in.readBytes().toStringUtf8();
            case BYTES -> in.readBytes();
            case BOOL -> in.readBool();
            case INT32 -> in.readInt32();
            case INT64 -> in.readInt64();
        };
    }

    JsonNode toJson(Object value) {
        return switch (this) {
            case STRING -> Json.NODES.textNode((String) value);
            case BYTES -> Json.NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case BOOL -> Json.NODES.booleanNode((Boolean) value);
            case INT32 -> Json.NODES.numberNode((Integer) value);
            case INT64 -> int64((Long) value);
        };
    }

    /** As Jackson reads a JSON number: an int node when it fits, so trees equal those parsed from JSON. */
    private static JsonNode int64(long value) {
        return value == (int) value ? Json.NODES.numberNode((int) value) : Json.NODES.numberNode(value);
    }

    /** Go's zero value as JSON; a nil {@code []byte} is {@code null}. */
    JsonNode zero() {
        return switch (this) {
            case STRING -> Json.NODES.textNode("");
            case BYTES -> Json.NODES.nullNode();
            case BOOL -> Json.NODES.booleanNode(false);
            case INT32, INT64 -> Json.NODES.numberNode(0);
        };
    }

    /** What {@code omitempty} treats as empty for a plain value of this type. */
    boolean isEmpty(JsonNode node) {
        return switch (this) {
            case STRING, BYTES -> node.isNull() || node.asText().isEmpty();
            case BOOL -> !node.asBoolean();
            case INT32, INT64 -> node.asLong() == 0;
        };
    }
}
