package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One step of a field path, as structured-merge-diff names it: a field of an object ({@code f:spec}), an
 * item of a map list identified by its keys ({@code k:{"type":"Ready"}}), an item of a set identified by
 * its value ({@code v:"x/y"}) or, rarely, a list index ({@code i:0}). {@link #encoded()} is the FieldsV1
 * key; ordering and equality follow upstream so that serialized sets are byte-identical.
 */
public final class PathElement implements Comparable<PathElement> {

    /** The kinds, declared in upstream's sort order. */
    public enum Kind { FIELD, KEY, VALUE, INDEX }

    private final Kind kind;
    private final String name;
    private final JsonNode value;
    private final int index;
    private final String encoded;

    private PathElement(Kind kind, String name, JsonNode value, int index, String encoded) {
        this.kind = kind;
        this.name = name;
        this.value = value;
        this.index = index;
        this.encoded = encoded;
    }

    public static PathElement field(String name) {
        return new PathElement(Kind.FIELD, name, null, 0, "f:" + name);
    }

    /** A map-list item identified by the given key fields (sorted by name, as upstream does). */
    public static PathElement key(ObjectNode keyFields) {
        JsonNode canonical = GoJson.canonical(keyFields);
        return new PathElement(Kind.KEY, null, canonical, 0, "k:" + GoJson.encode(canonical));
    }

    /** A set item identified by its (scalar) value. */
    public static PathElement value(JsonNode value) {
        JsonNode canonical = GoJson.canonical(value);
        return new PathElement(Kind.VALUE, null, canonical, 0, "v:" + GoJson.encode(canonical));
    }

    public static PathElement index(int index) {
        return new PathElement(Kind.INDEX, null, null, index, "i:" + index);
    }

    /**
     * Parses a FieldsV1 key. Returns {@code null} for a well-formed key of a kind this version does not know
     * (upstream skips those); throws {@link IllegalArgumentException} for malformed keys.
     */
    public static PathElement parse(String encoded) {
        if (encoded.length() < 2 || encoded.charAt(1) != ':') {
            throw new IllegalArgumentException("invalid path element " + GoJson.quote(encoded));
        }
        String body = encoded.substring(2);
        return switch (encoded.charAt(0)) {
            case 'f' -> field(body);
            case 'k' -> key(parseKey(encoded, body));
            case 'v' -> value(parseJson(encoded, body));
            case 'i' -> index(parseIndex(encoded, body));
            default -> null;
        };
    }

    private static ObjectNode parseKey(String encoded, String body) {
        JsonNode node = parseJson(encoded, body);
        if (!node.isObject()) {
            throw new IllegalArgumentException("invalid key in path element " + GoJson.quote(encoded));
        }
        return (ObjectNode) node;
    }

    private static JsonNode parseJson(String encoded, String body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid JSON in path element " + GoJson.quote(encoded), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("empty value in path element " + GoJson.quote(encoded));
        }
        return node;
    }

    private static int parseIndex(String encoded, String body) {
        try {
            return Integer.parseInt(body);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid index in path element " + GoJson.quote(encoded), e);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The field name of a {@link Kind#FIELD} element. */
    public String fieldName() {
        return name;
    }

    /** The key fields of a {@link Kind#KEY} element or the value of a {@link Kind#VALUE} element. */
    public JsonNode value() {
        return value == null ? null : value.deepCopy();
    }

    public int indexValue() {
        return index;
    }

    /** The FieldsV1 key: {@code f:name}, {@code k:{...}}, {@code v:...} or {@code i:n}. */
    public String encoded() {
        return encoded;
    }

    /** Upstream's path notation: {@code .name}, {@code [type="Ready"]}, {@code [="x/y"]}, {@code [0]}. */
    @Override
    public String toString() {
        return switch (kind) {
            case FIELD -> "." + name;
            case KEY -> {
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    parts.add(e.getKey() + "=" + GoJson.display(e.getValue()));
                }
                yield "[" + String.join(",", parts) + "]";
            }
            case VALUE -> "[=" + GoJson.display(value) + "]";
            case INDEX -> "[" + index + "]";
        };
    }

    @Override
    public int compareTo(PathElement o) {
        if (kind != o.kind) {
            return kind.compareTo(o.kind);
        }
        return switch (kind) {
            case FIELD -> GoJson.compareStrings(name, o.name);
            case KEY -> compareKeys(value, o.value);
            case VALUE -> compareValues(value, o.value);
            case INDEX -> Integer.compare(index, o.index);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathElement p && kind == p.kind && encoded.equals(p.encoded);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    /** Field lists compare name by name, then value by value; the shorter list first. */
    private static int compareKeys(JsonNode a, JsonNode b) {
        Iterator<Map.Entry<String, JsonNode>> ia = a.properties().iterator();
        Iterator<Map.Entry<String, JsonNode>> ib = b.properties().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<String, JsonNode> ea = ia.next();
            Map.Entry<String, JsonNode> eb = ib.next();
            int c = GoJson.compareStrings(ea.getKey(), eb.getKey());
            if (c == 0) {
                c = compareValues(ea.getValue(), eb.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    /** Upstream's total order across types: numbers, strings, booleans, lists, maps, null. */
    static int compareValues(JsonNode a, JsonNode b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 0 -> compareNumbers(a, b);
            case 1 -> GoJson.compareStrings(a.textValue(), b.textValue());
            case 2 -> Boolean.compare(a.booleanValue(), b.booleanValue());
            case 3 -> compareLists(a, b);
            case 4 -> compareKeys(GoJson.canonical(a), GoJson.canonical(b));
            default -> 0;
        };
    }

    private static int compareNumbers(JsonNode a, JsonNode b) {
        BigDecimal x = a.decimalValue();
        BigDecimal y = b.decimalValue();
        return x.compareTo(y);
    }

    private static int compareLists(JsonNode a, JsonNode b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int rank(JsonNode v) {
        if (v.isNumber()) {
            return 0;
        }
        if (v.isTextual()) {
            return 1;
        }
        if (v.isBoolean()) {
            return 2;
        }
        if (v.isArray()) {
            return 3;
        }
        return v.isObject() ? 4 : 5;
    }
}
