package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;

/** JSON literals for tables: single quotes stand for double quotes, so cases stay on one line. */
final class Trees {
    private Trees() {
    }

    static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"'));
    }

    static ObjectNode obj(String text) {
        return (ObjectNode) json(text);
    }
}
