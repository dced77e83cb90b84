package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;

/** Small readers shared by the built-in printers; absent fields read as Go's zero values. */
final class Cells {

    private Cells() {
    }

    static JsonNode text(String s) {
        return TextNode.valueOf(s == null ? "" : s);
    }

    /** A string field at a dotted path, empty if absent. */
    static String string(JsonNode object, String... path) {
        JsonNode n = object;
        for (String p : path) {
            n = n.path(p);
        }
        return n.isValueNode() ? n.asText() : "";
    }

    static JsonNode name(JsonNode object) {
        return text(string(object, "metadata", "name"));
    }

    static JsonNode age(JsonNode object, Instant now) {
        return text(Timestamps.since(object.path("metadata").path("creationTimestamp"), now));
    }

    /** The number of entries of an object or array field (Go's {@code len} of a map or slice). */
    static JsonNode count(JsonNode... containers) {
        long n = 0;
        for (JsonNode c : containers) {
            n += c.isContainerNode() ? c.size() : 0;
        }
        return LongNode.valueOf(n);
    }
}
