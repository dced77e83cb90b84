package io.capj.apiserver.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.storage.KeyValue;

/**
 * Turns objects into stored bytes and back. Stored objects carry the storage apiVersion and no
 * resourceVersion: the revision of the key is the resourceVersion, stamped on every read, so the two
 * can never disagree.
 */
public final class ObjectCodec {
    private ObjectCodec() {
    }

    /** The stored form; {@code object} is briefly adjusted in place (no copy on the hot path) and restored. */
    public static byte[] encode(ResourceType type, ObjectNode object) {
        ObjectNode meta = ObjectMeta.of(object);
        com.fasterxml.jackson.databind.JsonNode rv = meta.remove("resourceVersion");
        com.fasterxml.jackson.databind.JsonNode apiVersion = object.get("apiVersion");
        object.put("apiVersion", type.storageApiVersion());
        try {
            return Json.bytes(object);
        } finally {
            if (apiVersion == null) {
                object.remove("apiVersion");
            } else {
                object.set("apiVersion", apiVersion);
            }
            if (rv != null) {
                meta.set("resourceVersion", rv);
            }
        }
    }

    /** Decodes a stored value as {@code type}'s version, with its resourceVersion set. */
    public static StoredObject decode(ResourceType type, KeyValue kv) {
        return decode(type, kv.value(), kv.modRevision());
    }

    public static StoredObject decode(ResourceType type, byte[] value, long revision) {
        ObjectNode object = (ObjectNode) Json.parse(value);
        convert(type, object);
        ObjectMeta.of(object).put("resourceVersion", Long.toString(revision));
        return new StoredObject(object, revision);
    }

    /** Conversion strategy None: versions differ only in apiVersion. */
    private static void convert(ResourceType type, ObjectNode object) {
        ObjectNode ordered = object;
        ordered.put("apiVersion", type.definition().gvk().apiVersion());
        ordered.put("kind", type.definition().kind());
    }
}
