package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.MediaTypes;
import io.capj.apiserver.internal.http.Reply;
import io.capj.apiserver.internal.registry.ResourceType;
import java.util.List;

/** Encodes objects and lists as JSON, or as a Table when the client's Accept asks for one. */
public final class Responses {
    private final TableRenderer tables;

    public Responses(TableRenderer tables) {
        this.tables = tables;
    }

    public Reply object(ApiRequest request, ResourceType type, ObjectNode object, int code) {
        if (MediaTypes.wantsTable(request.header("Accept"))) {
            return Reply.json(code, tables.render(type, List.of(object), Json.object(), request.param("includeObject"),
                    true, MediaTypes.tableVersion(request.header("Accept"))));
        }
        return Reply.json(code, object);
    }

    public Reply plain(ObjectNode object, int code) {
        return Reply.json(code, object);
    }

    public Reply list(ApiRequest request, ResourceType type, List<ObjectNode> items, ObjectNode listMeta) {
        if (MediaTypes.wantsTable(request.header("Accept"))) {
            return Reply.json(200, tables.render(type, items, listMeta, request.param("includeObject"), true,
                    MediaTypes.tableVersion(request.header("Accept"))));
        }
        return Reply.json(200, listObject(type, items, listMeta));
    }

    static ObjectNode listObject(ResourceType type, List<ObjectNode> items, ObjectNode listMeta) {
        ObjectNode list = Json.object();
        list.put("apiVersion", type.definition().gvk().apiVersion());
        list.put("kind", type.definition().listKind());
        list.set("metadata", listMeta);
        ArrayNode array = list.putArray("items");
        items.forEach(array::add);
        return list;
    }
}
