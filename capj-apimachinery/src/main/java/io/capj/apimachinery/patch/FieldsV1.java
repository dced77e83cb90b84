package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.Map;

/**
 * The {@code FieldsV1} wire form of a {@link FieldSet}: one JSON object per tree level whose keys are
 * encoded {@link PathElement}s, with {@code {}} for a member and a nested object for a subtree; a key that is
 * both carries {@code ".": {}} in its object. Keys are written in upstream's element order, so a set parsed
 * from the apiserver's output serializes back to the same bytes.
 */
public final class FieldsV1 {
    private static final String SELF = ".";

    private FieldsV1() {
    }

    /** Parses a FieldsV1 object; unknown element kinds are skipped as upstream does. */
    public static FieldSet parse(JsonNode fields) {
        if (fields == null || fields.isNull()) {
            return FieldSet.empty();
        }
        if (!fields.isObject()) {
            throw new IllegalArgumentException("FieldsV1 must be a JSON object");
        }
        return level(fields).set;
    }

    public static FieldSet parse(String json) {
        return parse(Json.parse(json));
    }

    private record Level(FieldSet set, boolean member) {
    }

    private static Level level(JsonNode node) {
        FieldSet set = new FieldSet();
        boolean self = false;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isObject()) {
                throw new IllegalArgumentException("FieldsV1 value of " + GoJson.quote(e.getKey())
                        + " is not an object");
            }
            if (e.getKey().equals(SELF)) {
                self = true;
                continue;
            }
            PathElement pe = PathElement.parse(e.getKey());
            if (pe == null) {
                continue;
            }
            Level child = level(e.getValue());
            set.insertChild(pe, child.set, child.member);
        }
        // A key with nothing below it ({}) is a member; so is one that says so with ".".
        return new Level(set, self || set.isEmpty());
    }

    /** The FieldsV1 object of a set; the empty set is {@code {}}. */
    public static ObjectNode encode(FieldSet set) {
        ObjectNode out = Json.object();
        write(set, out);
        return out;
    }

    private static void write(FieldSet set, ObjectNode out) {
        set.forEachNode((pe, member, subtree) -> {
            ObjectNode node = out.putObject(pe.encoded());
            if (subtree != null) {
                if (member) {
                    node.putObject(SELF);
                }
                write(subtree, node);
            }
        });
    }
}
