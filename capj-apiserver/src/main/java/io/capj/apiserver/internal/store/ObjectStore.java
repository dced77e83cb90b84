package io.capj.apiserver.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.storage.CompactedException;
import io.capj.storage.FutureRevisionException;
import io.capj.storage.KeyExistsException;
import io.capj.storage.KeyValue;
import io.capj.storage.RevisionConflictException;
import io.capj.storage.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * API objects on top of the revisioned key-value store: key layout, encoding, and the mapping of store
 * failures to API errors (conflicts to 409, compaction to 410, the future to 504).
 */
public final class ObjectStore {
    private final Store store;

    public ObjectStore(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    public long currentRevision() {
        return store.currentRevision();
    }

    /** The object, or null if it does not exist. */
    public StoredObject get(ResourceType type, String namespace, String name) {
        KeyValue kv = store.get(type.key(namespace, name));
        return kv == null ? null : ObjectCodec.decode(type, kv);
    }

    /** The object, or 404. */
    public StoredObject require(ResourceType type, String namespace, String name) {
        StoredObject found = get(type, namespace, name);
        if (found == null) {
            throw StatusException.notFound(type.gvr(), name);
        }
        return found;
    }

    /** Creates the object; 409 AlreadyExists if its key is live. Returns it as stored. */
    public StoredObject create(ResourceType type, ObjectNode object) {
        String name = ObjectMeta.name(object);
        try {
            long rev = store.create(type.key(ObjectMeta.namespace(object), name), ObjectCodec.encode(type, object));
            return stamped(object, rev);
        } catch (KeyExistsException e) {
            throw StatusException.alreadyExists(type.gvr(), name);
        }
    }

    /** Replaces the object if it is still at {@code expectedRevision}; 409 Conflict otherwise. */
    public StoredObject update(ResourceType type, ObjectNode object, long expectedRevision) {
        String name = ObjectMeta.name(object);
        try {
            long rev = store.update(type.key(ObjectMeta.namespace(object), name), expectedRevision,
                    ObjectCodec.encode(type, object));
            return stamped(object, rev);
        } catch (RevisionConflictException e) {
            if (e.current() == null) {
                throw StatusException.notFound(type.gvr(), name);
            }
            throw StatusException.conflict(type.gvr(), name);
        }
    }

    /** Deletes the object if it is still at {@code expectedRevision}; returns the deletion revision. */
    public long delete(ResourceType type, String namespace, String name, long expectedRevision) {
        try {
            return store.delete(type.key(namespace, name), expectedRevision);
        } catch (RevisionConflictException e) {
            if (e.current() == null) {
                throw StatusException.notFound(type.gvr(), name);
            }
            throw StatusException.conflict(type.gvr(), name);
        }
    }

    /**
     * Lists matching objects at {@code revision} (0 = now) from {@code startKey}, stopping after {@code limit}
     * matches (0 = all). Reads the store page by page so a selective filter does not load everything at once.
     */
    public ListResult list(ResourceType type, String namespace, long revision, String startKey, int limit,
                           Predicate<ObjectNode> filter) {
        String prefix = type.keyPrefix(namespace);
        long rev = revision;
        String from = startKey;
        List<ObjectNode> items = new ArrayList<>();
        int pageSize = limit > 0 ? Math.max(limit, 100) : 0;
        while (true) {
            Store.ListPage page = listPage(prefix, from, rev, pageSize);
            rev = page.revision();
            for (int i = 0; i < page.items().size(); i++) {
                KeyValue kv = page.items().get(i);
                ObjectNode object = ObjectCodec.decode(type, kv).object();
                if (!filter.test(object)) {
                    continue;
                }
                if (limit > 0 && items.size() == limit) {
                    return new ListResult(items, rev, kv.key(), remaining(page, i));
                }
                items.add(object);
            }
            if (!page.hasMore()) {
                return new ListResult(items, rev, null, 0);
            }
            from = page.nextKey();
        }
    }

    private static long remaining(Store.ListPage page, int index) {
        return page.hasMore() ? -1 : page.items().size() - index;
    }

    private Store.ListPage listPage(String prefix, String from, long rev, int limit) {
        try {
            return store.list(prefix, from, rev, limit);
        } catch (CompactedException e) {
            throw StatusException.gone("The resourceVersion for the provided list is too old.");
        } catch (FutureRevisionException e) {
            throw StatusException.timeout("Too large resource version: " + e.requested() + ", current: "
                    + e.current(), 1);
        }
    }

    private static StoredObject stamped(ObjectNode object, long rev) {
        ObjectMeta.of(object).put("resourceVersion", Long.toString(rev));
        return new StoredObject(object, rev);
    }

    /**
     * A page of a list.
     *
     * @param nextKey   the key the next page starts at, or null on the last page
     * @param remaining items known to remain after this page, or -1 when unknown, 0 on the last page
     */
    public record ListResult(List<ObjectNode> items, long revision, String nextKey, long remaining) {
    }
}
