package io.capj.apiserver.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An object as read from the store, with the revision that last wrote it (its resourceVersion). */
public record StoredObject(ObjectNode object, long revision) {
}
