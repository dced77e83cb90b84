package io.capj.bootstrap.kubeadm.cloudinit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one YAML mapping of an output document from spec JSON, with the emptiness rules of Go's encoders named
 * once: {@link #text} and {@link #texts} drop empty values ({@code omitempty}), {@link #present} keeps any value
 * the spec sets (a {@code *bool} set to false stays), {@link #put} always writes.
 */
final class YamlMapping {
    private final Map<String, Object> entries = new LinkedHashMap<>();

    /** Writes {@code value} under {@code key}, even null or empty. */
    YamlMapping put(String key, Object value) {
        entries.put(key, value);
        return this;
    }

    /** Writes {@code value} unless it is null or empty (a string, list or map). */
    YamlMapping putNonEmpty(String key, Object value) {
        boolean empty = value == null
                || value instanceof String text && text.isEmpty()
                || value instanceof List<?> list && list.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty();
        if (!empty) {
            entries.put(key, value);
        }
        return this;
    }

    /** Copies the string field {@code field} of {@code source} as {@code key} unless it is absent or empty. */
    YamlMapping text(String key, JsonNode source, String field) {
        return putNonEmpty(key, text(source.path(field)));
    }

    /** Copies a list of strings unless it is absent or empty. */
    YamlMapping texts(String key, JsonNode source, String field) {
        return putNonEmpty(key, texts(source.path(field)));
    }

    /** Copies a boolean only when it is true (Go's {@code bool} with {@code omitempty}). */
    YamlMapping flag(String key, JsonNode source, String field) {
        if (source.path(field).asBoolean(false)) {
            entries.put(key, Boolean.TRUE);
        }
        return this;
    }

    /** Copies whatever the spec sets under {@code field}, as plain YAML data, even {@code false} or empty. */
    YamlMapping present(String key, JsonNode source, String field) {
        JsonNode value = source.path(field);
        if (!value.isMissingNode() && !value.isNull()) {
            entries.put(key, plain(value));
        }
        return this;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    Map<String, Object> toMap() {
        return entries;
    }

    /** The text of a string node, or null. */
    static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** The strings of an array node; empty when absent. */
    static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asText()));
        return values;
    }

    /** True when {@code node} is an object with at least one field (Go's "is defined" for optional structs). */
    static boolean isDefined(JsonNode node) {
        return node.isObject() && node.size() > 0;
    }

    /** The JSON value as maps, lists, strings, numbers, booleans and nulls, keeping field order. */
    static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
