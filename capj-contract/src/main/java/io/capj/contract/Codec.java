package io.capj.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts one JSON value to its Java view and back; reading rejects the wrong JSON type. */
interface Codec<T> {

    T read(JsonNode node) throws Mismatch;

    JsonNode write(T value);

    /** The JSON value has the wrong type; the message says what was expected. */
    final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String expected) {
            super(expected, null, false, false);
        }
    }

    Codec<String> STRING = new Codec<>() {
        @Override
        public String read(JsonNode node) throws Mismatch {
            if (!node.isTextual()) {
                throw new Mismatch("expected string");
            }
            return node.textValue();
        }

        @Override
        public JsonNode write(String value) {
            return Json.NODES.textNode(value);
        }
    };

    Codec<Long> INT64 = new Codec<>() {
        @Override
        public Long read(JsonNode node) throws Mismatch {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new Mismatch("expected integer");
            }
            return node.longValue();
        }

        @Override
        public JsonNode write(Long value) {
            return Json.NODES.numberNode(value);
        }
    };

    Codec<Boolean> BOOL = new Codec<>() {
        @Override
        public Boolean read(JsonNode node) throws Mismatch {
            if (!node.isBoolean()) {
                throw new Mismatch("expected boolean");
            }
            return node.booleanValue();
        }

        @Override
        public JsonNode write(Boolean value) {
            return Json.NODES.booleanNode(value);
        }
    };

    /** An object subtree, handed out as a deep copy so callers cannot edit the source object by accident. */
    Codec<ObjectNode> OBJECT = new Codec<>() {
        @Override
        public ObjectNode read(JsonNode node) throws Mismatch {
            return object(node, "expected object").deepCopy();
        }

        @Override
        public JsonNode write(ObjectNode value) {
            return value.deepCopy();
        }
    };

    Codec<Map<String, String>> STRING_MAP = new Codec<>() {
        @Override
        public Map<String, String> read(JsonNode node) throws Mismatch {
            return stringMap(node, "expected map of strings");
        }

        @Override
        public JsonNode write(Map<String, String> value) {
            ObjectNode out = Json.object();
            value.forEach(out::put);
            return out;
        }
    };

    static ObjectNode object(JsonNode node, String expected) throws Mismatch {
        if (!node.isObject()) {
            throw new Mismatch(expected);
        }
        return (ObjectNode) node;
    }

    static ArrayNode array(JsonNode node, String expected) throws Mismatch {
        if (!node.isArray()) {
            throw new Mismatch(expected);
        }
        return (ArrayNode) node;
    }

    /** An optional string member of {@code object}; absent or null is {@code null}. */
    static String optString(JsonNode object, String member, String where) throws Mismatch {
        JsonNode v = object.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Mismatch("expected string at " + where + "." + member);
        }
        return v.textValue();
    }

    static Map<String, String> stringMap(JsonNode node, String expected) throws Mismatch {
        ObjectNode object = object(node, expected);
        Map<String, String> out = new LinkedHashMap<>();
        var fields = object.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().isTextual()) {
                throw new Mismatch(expected);
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }
}
