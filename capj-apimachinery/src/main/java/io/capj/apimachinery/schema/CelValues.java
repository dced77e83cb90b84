package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON values seen through their schema as CEL runtime values, converted lazily: objects and arrays are read-only
 * {@link Map}/{@link java.util.List} views over the Jackson tree, so a rule that reads one field converts one field.
 * Integers are {@code Long}, numbers {@code Double} (even when written without a fraction), formatted strings bytes,
 * {@link Duration}s or {@link Instant}s, and struct fields are exposed under their escaped CEL names.
 */
final class CelValues {
    private CelValues() {
    }

    static Object of(JsonNode v, SchemaNode s) {
        if (JsonValues.isNull(v)) {
            return NullValue.NULL_VALUE;
        }
        if (s == null || s.intOrString || s.type.isEmpty() && !s.embeddedResource) {
            return untyped(v);
        }
        return switch (s.type) {
            case "object", "" -> v.isObject() ? object(v, s) : untyped(v);
            case "array" -> v.isArray() ? new ListView(v, s.items) : untyped(v);
            case "string" -> v.isTextual() ? string(v.textValue(), s.format) : untyped(v);
            case "integer" -> v.isNumber() ? (Object) v.asLong() : untyped(v);
            case "number" -> v.isNumber() ? (Object) v.asDouble() : untyped(v);
            default -> untyped(v);
        };
    }

    /** The root object: a resource, so its apiVersion, kind and metadata are readable too. */
    static Object root(JsonNode v, SchemaNode s) {
        return v.isObject() ? new StructView(v, s, true) : of(v, s);
    }

    private static Object object(JsonNode v, SchemaNode s) {
        if (s.additionalProperties != null) {
            return new MapView(v, s.additionalProperties == SchemaNode.EMPTY ? null : s.additionalProperties);
        }
        if (!s.properties.isEmpty() || s.embeddedResource || !s.preserveUnknownFields) {
            return new StructView(v, s, s.embeddedResource);
        }
        return new MapView(v, null);
    }

    private static Object untyped(JsonNode v) {
        if (v.isObject()) {
            return new MapView(v, null);
        }
        if (v.isArray()) {
            return new ListView(v, null);
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? (Object) v.asLong() : (Object) v.asDouble();
        }
        return v.isBoolean() ? (Object) v.asBoolean() : v.asText();
    }

    /** Formatted strings that do not parse stay strings, so a rule using them fails at evaluation, as upstream. */
    private static Object string(String s, String format) {
        try {
            return switch (format) {
                case "byte" -> CelByteString.of(Base64.getDecoder().decode(s));
                case "duration" -> {
                    Duration d = GoDurations.parse(s);
                    yield d == null ? s : d;
                }
                case "date" -> LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                case "date-time" -> dateTime(s);
                default -> s;
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return s;
        }
    }

    private static Instant dateTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        }
    }

    /** An object with declared properties; CEL sees escaped property names. */
    private static final class StructView extends AbstractMap<String, Object> {
        private final JsonNode json;
        private final SchemaNode schema;
        private final boolean resource;

        StructView(JsonNode json, SchemaNode schema, boolean resource) {
            this.json = json;
            this.schema = schema;
            this.resource = resource;
        }

        @Override
        public Object get(Object key) {
            String name = CelNames.unescape((String) key);
            JsonNode v = json.get(name);
            if (v == null) {
                return null;
            }
            boolean meta = resource && (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata"));
            return of(v, meta ? null : schema.properties.get(name));
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String k && json.has(CelNames.unescape(k));
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new EntrySet(json, this, true);
        }
    }

    /** A map ({@code additionalProperties}) or an untyped object: keys are used as they are. */
    private static final class MapView extends AbstractMap<String, Object> {
        private final JsonNode json;
        private final SchemaNode values;

        MapView(JsonNode json, SchemaNode values) {
            this.json = json;
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            JsonNode v = key instanceof String k ? json.get(k) : null;
            return v == null ? null : of(v, values);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String k && json.has(k);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new EntrySet(json, this, false);
        }
    }

    private static final class EntrySet extends AbstractSet<Map.Entry<String, Object>> {
        private final JsonNode json;
        private final Map<String, Object> owner;
        private final boolean escape;

        EntrySet(JsonNode json, Map<String, Object> owner, boolean escape) {
            this.json = json;
            this.owner = owner;
            this.escape = escape;
        }

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
            return json.properties().stream()
                    .map(e -> escape ? CelNames.escape(e.getKey()) : e.getKey())
                    .filter(k -> k != null)
                    .map(k -> (Map.Entry<String, Object>) new AbstractMap.SimpleImmutableEntry<>(k, owner.get(k)))
                    .iterator();
        }

        @Override
        public int size() {
            return escape ? (int) json.properties().stream().filter(e -> CelNames.escape(e.getKey()) != null).count()
                    : json.size();
        }
    }

    private static final class ListView extends AbstractList<Object> {
        private final JsonNode json;
        private final SchemaNode items;

        ListView(JsonNode json, SchemaNode items) {
            this.json = json;
            this.items = items;
        }

        @Override
        public Object get(int index) {
            if (index < 0 || index >= json.size()) {
                throw new IndexOutOfBoundsException(index);
            }
            return of(json.get(index), items);
        }

        @Override
        public int size() {
            return json.size();
        }
    }
}
