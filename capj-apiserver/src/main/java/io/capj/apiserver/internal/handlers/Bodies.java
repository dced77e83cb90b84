package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.MediaTypes;
import io.capj.apiserver.internal.protobuf.ProtobufBodies;
import io.capj.apiserver.internal.registry.ResourceType;
import java.io.IOException;

/** Decoding of request bodies into objects, with upstream's 400/415 answers for what cannot be decoded. */
public final class Bodies {
    private Bodies() {
    }

    /** The body as a JSON tree (JSON or YAML by content type). */
    public static JsonNode tree(ApiRequest request) {
        String ct = request.contentType();
        if (ct.equals(MediaTypes.PROTOBUF)) {
            return ProtobufBodies.toJson(request.body());
        }
        byte[] body = request.body();
        try {
            if (WriteOptions.isYaml(request)) {
                return Json.YAML.readTree(body);
            }
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw StatusException.badRequest("the object provided is unrecognized or malformed: "
                    + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * The body as an object of {@code type}: apiVersion/kind filled when absent and checked when present,
     * namespace reconciled with the URL's.
     */
    static ObjectNode object(ApiRequest request, ResourceType type, String urlNamespace) {
        JsonNode tree = tree(request);
        if (!(tree instanceof ObjectNode object)) {
            throw StatusException.badRequest("the object provided is unrecognized or malformed: expected a JSON object");
        }
        checkKind(object, type);
        reconcileNamespace(object, type, urlNamespace);
        return object;
    }

    static void checkKind(ObjectNode object, ResourceType type) {
        GroupVersionKind gvk = type.definition().gvk();
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        if (apiVersion.isEmpty()) {
            object.put("apiVersion", gvk.apiVersion());
        } else if (!apiVersion.equals(gvk.apiVersion())) {
            throw StatusException.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + gvk.apiVersion() + ")");
        }
        if (kind.isEmpty()) {
            object.put("kind", gvk.kind());
        } else if (!kind.equals(gvk.kind())) {
            throw StatusException.badRequest("the kind in the data (" + kind + ") does not match the expected kind ("
                    + gvk.kind() + ")");
        }
    }

    static void reconcileNamespace(ObjectNode object, ResourceType type, String urlNamespace) {
        ObjectNode meta = ObjectMeta.of(object);
        if (!type.namespaced()) {
            meta.remove("namespace");
            return;
        }
        String ns = ObjectMeta.namespace(object);
        if (ns.isEmpty()) {
            meta.put("namespace", urlNamespace);
        } else if (!ns.equals(urlNamespace)) {
            throw StatusException.badRequest("the namespace of the provided object does not match the namespace sent"
                    + " on the request");
        }
    }
}
