package io.capj.apiserver.internal.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.capj.apimachinery.Json;
import io.capj.apiserver.internal.protobuf.ProtoField.Omission;
import io.capj.apiserver.internal.protobuf.ProtoField.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes one protobuf message against its table into the JSON object a Go client would have sent: first the
 * wire is read into per-field values with protobuf's rules (last scalar wins, repeated message occurrences
 * merge, unknown fields are skipped), then the table is walked in declaration order applying Go's
 * {@code encoding/json} rules for zero values, nil pointers and {@code omitempty}.
 */
final class MessageDecoder {
    private MessageDecoder() {
    }

    /** The message in {@code bytes} as JSON; {@code path} names it in error messages. */
    static ObjectNode decode(ProtoMessage type, ByteString bytes, String path) {
        return render(type, read(type, bytes, path), path);
    }

    private static Map<ProtoField, Object> read(ProtoMessage type, ByteString bytes, String path) {
        Map<ProtoField, Object> values = new IdentityHashMap<>();
        CodedInputStream in = bytes.newCodedInput();
        ProtoField current = null; // the field being read, to name it if the wire ends or lies
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                current = type.field(WireFormat.getTagFieldNumber(tag));
                if (current == null) {
                    skipUnknown(in, tag, path);
                    continue;
                }
                int wire = WireFormat.getTagWireType(tag);
                if (wire != current.wireType()) {
                    throw new MalformedMessageException(join(path, current.json()), "wrong wire type " + wire
                            + " for field number " + current.number() + " (expected " + current.wireType() + ")");
                }
                store(values, current, current.shape() == Shape.MAP ? readEntry(current, in, path)
                        : readOne(current.type(), in));
                current = null;
            }
        } catch (IOException e) {
            throw new MalformedMessageException(current == null ? path : join(path, current.json()), e.getMessage());
        }
        return values;
    }

    private static void skipUnknown(CodedInputStream in, int tag, String path) throws IOException {
        if (!in.skipField(tag)) { // an end-group tag that opens nothing
            throw new MalformedMessageException(path, "unexpected end-group tag for field number "
                    + WireFormat.getTagFieldNumber(tag));
        }
    }

    /** One value: scalars decoded now, messages and well-known types kept as bytes until rendering. */
    private static Object readOne(ValueType type, CodedInputStream in) throws IOException {
        return type instanceof Scalar scalar ? scalar.read(in) : in.readBytes();
    }

    /** A map entry message {key = 1, value = 2}; a missing key is "", a missing value is read from no bytes. */
    private static Map.Entry<String, Object> readEntry(ProtoField field, CodedInputStream outer, String path)
            throws IOException {
        CodedInputStream in = outer.readBytes().newCodedInput();
        String key = "";
        Object value = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int number = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            if (number == 1 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                key = in.readBytes().toStringUtf8();
            } else if (number == 2 && wire == field.type().wireType()) {
                value = readOne(field.type(), in);
            } else if (number == 1 || number == 2) {
                throw new MalformedMessageException(join(path, field.json()), "wrong wire type " + wire
                        + " in map entry field " + number);
            } else {
                skipUnknown(in, tag, join(path, field.json()));
            }
        }
        return Map.entry(key, value == null ? emptyValue(field.type()) : value);
    }

    private static Object emptyValue(ValueType type) {
        if (type instanceof Scalar scalar) {
            return switch (scalar) {
                case STRING -> "";
                case BYTES -> ByteString.EMPTY;
                case BOOL -> false;
                case INT32 -> 0;
                case INT64 -> 0L;
            };
        }
        return ByteString.EMPTY;
    }

    @SuppressWarnings("unchecked")
    private static void store(Map<ProtoField, Object> values, ProtoField field, Object value) {
        switch (field.shape()) {
            case VALUE, POINTER -> values.merge(field, value, (old, now) ->
                    field.type() instanceof ProtoMessage ? ((ByteString) old).concat((ByteString) now) : now);
            case LIST -> ((List<Object>) values.computeIfAbsent(field, f -> new ArrayList<>())).add(value);
            case MAP -> {
                Map.Entry<String, Object> entry = (Map.Entry<String, Object>) value;
                ((Map<String, Object>) values.computeIfAbsent(field, f -> new TreeMap<>()))
                        .put(entry.getKey(), entry.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode render(ProtoMessage type, Map<ProtoField, Object> values, String path) {
        ObjectNode out = Json.object();
        for (ProtoField field : type.fields()) {
            Object value = values.get(field);
            String at = join(path, field.json());
            JsonNode node = switch (field.shape()) {
                case VALUE -> value == null ? zero(field.type(), at) : toJson(field.type(), value, at);
                case POINTER -> value == null ? null : toJson(field.type(), value, at);
                case LIST -> value == null ? null : array(field.type(), (List<Object>) value, at);
                case MAP -> value == null ? null : object(field.type(), (Map<String, Object>) value, at);
            };
            if (node == null) {
                if (field.omission() == Omission.ALWAYS) {
                    out.putNull(field.json());
                }
            } else if (!omitted(field, node)) {
                out.set(field.json(), node);
            }
        }
        return out;
    }

    /** Only plain values can still be left out here: absent pointers, lists and maps were handled as null. */
    private static boolean omitted(ProtoField field, JsonNode node) {
        if (field.shape() != Shape.VALUE) {
            return false;
        }
        return switch (field.omission()) {
            case OMIT_EMPTY -> field.type() instanceof Scalar scalar && scalar.isEmpty(node);
            case OMIT_ZERO -> node.isNull();
            case ALWAYS -> false;
        };
    }

    private static JsonNode zero(ValueType type, String path) {
        if (type instanceof Scalar scalar) {
            return scalar.zero();
        }
        if (type instanceof WellKnown wellKnown) {
            return wellKnown.zero();
        }
        return decode((ProtoMessage) type, ByteString.EMPTY, path);
    }

    private static JsonNode toJson(ValueType type, Object value, String path) {
        if (type instanceof Scalar scalar) {
            return scalar.toJson(value);
        }
        if (type instanceof WellKnown wellKnown) {
            return wellKnown.toJson((ByteString) value, path);
        }
        return decode((ProtoMessage) type, (ByteString) value, path);
    }

    private static ArrayNode array(ValueType type, List<Object> values, String path) {
        ArrayNode out = Json.NODES.arrayNode(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(toJson(type, values.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** Keys sorted, as Go's encoding/json writes maps. */
    private static ObjectNode object(ValueType type, Map<String, Object> values, String path) {
        ObjectNode out = Json.object();
        values.forEach((key, value) -> out.set(key, toJson(type, value, path + "[" + key + "]")));
        return out;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
