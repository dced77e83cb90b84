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

    public static byte[] encode(ResourceType type, ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.put("apiVersion", type.storageApiVersion());
        ObjectMeta.of(copy).remove("resourceVersion");
        return Json.bytes(copy);
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
