package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.GroupVersionResource;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apimachinery.Times;
import io.capj.apiserver.internal.admission.Admission;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.StoredObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/**
 * The write path shared by create, update, patch and apply: system fields, admission, generation,
 * managed fields, no-op detection, and deletion once the last finalizer of a deleting object is gone.
 */
public final class ObjectWriter {
    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
    private static final int GENERATE_NAME_ATTEMPTS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiContext ctx;
    private final FieldManager fields;
    private final WriteObserver observer;

    /** Told about every stored write, before the client gets its answer (CRDs register this way). */
    @FunctionalInterface
    public interface WriteObserver {
        void written(ResourceType type, ObjectNode object);
    }

    public ObjectWriter(ApiContext ctx, FieldManager fields, WriteObserver observer) {
        this.ctx = ctx;
        this.fields = fields;
        this.observer = observer;
    }

    /**
     * Creates {@code object} (namespace already set from the URL).
     *
     * @param fieldsComputed true if managedFields were already set (server-side apply)
     */
    public StoredObject create(ResourceType type, ObjectNode object, WriteOptions opts, boolean fieldsComputed) {
        ObjectNode meta = ObjectMeta.of(object);
        if (!ObjectMeta.resourceVersion(object).isEmpty()) {
            throw StatusException.internal("resourceVersion should not be set on objects to be created");
        }
        if (type.definition().statusSubresource()) {
            object.remove("status");
        }
        opts.warnings().addAll(Admission.decode(type, object, null, opts.validation()));
        fillSystemFields(type, meta);
        boolean generated = ObjectMeta.name(object).isEmpty() && !ObjectMeta.text(object, "generateName").isEmpty();
        if (generated) {
            meta.put("name", generateName(ObjectMeta.text(object, "generateName")));
        }
        Admission.validateCreate(type, object);
        NamespaceGuard.checkCreate(ctx, type, ObjectMeta.namespace(object));
        if (!fieldsComputed) {
            fields.recordUpdate(type, null, object, opts.manager(), "");
        }
        if (opts.dryRun()) {
            return new StoredObject(object, 0);
        }
        StoredObject stored = generated ? createWithGeneratedName(type, object) : ctx.objects().create(type, object);
        observer.written(type, stored.object());
        return stored;
    }

    private void fillSystemFields(ResourceType type, ObjectNode meta) {
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", Times.format(ctx.clock().instant()));
        meta.remove(List.of("deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"));
        if (type.rules().tracksGeneration()) {
            meta.put("generation", 1);
        } else {
            meta.remove("generation");
        }
    }

    private StoredObject createWithGeneratedName(ResourceType type, ObjectNode object) {
        String prefix = ObjectMeta.text(object, "generateName");
        for (int attempt = 1; ; attempt++) {
            try {
                return ctx.objects().create(type, object);
            } catch (StatusException e) {
                if (!"AlreadyExists".equals(e.reason()) || attempt == GENERATE_NAME_ATTEMPTS) {
                    throw e;
                }
                ObjectMeta.of(object).put("name", generateName(prefix));
            }
        }
    }

    static String generateName(String prefix) {
        String base = prefix.length() > 58 ? prefix.substring(0, 58) : prefix;
        StringBuilder b = new StringBuilder(base);
        for (int i = 0; i < 5; i++) {
            b.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
        }
        return b.toString();
    }

    /**
     * Replaces {@code current} with {@code candidate} through {@code subresource} ("" or "status"; scale
     * requests arrive here as main-resource writes).
     */
    public StoredObject update(ResourceType type, String subresource, ObjectNode candidate, StoredObject current,
                               WriteOptions opts, boolean fieldsComputed) {
        ObjectNode old = current.object();
        ObjectNode next = subresource.equals("status") ? statusOnly(candidate, old) : candidate;
        if (!subresource.equals("status") && type.definition().statusSubresource()) {
            keepStatus(next, old);
        }
        preserveSystemFields(next, old);
        type.rules().prepareForUpdate(next, old, subresource);
        opts.warnings().addAll(Admission.decode(type, next, old, opts.validation()));
        if (type.rules().tracksGeneration() && !subresource.equals("status") && specChanged(next, old)) {
            ObjectMeta.of(next).put("generation", ObjectMeta.generation(old) + 1);
        }
        Admission.validateUpdate(type, next, old);
        if (!fieldsComputed) {
            fields.recordUpdate(type, old, next, opts.manager(), subresource);
        }
        ObjectMeta.of(next).put("resourceVersion", ObjectMeta.resourceVersion(old));
        if (next.equals(old) || opts.dryRun()) {
            return new StoredObject(next, current.revision());
        }
        if (ObjectMeta.isDeleting(next) && ObjectMeta.finalizers(next).isEmpty() && !type.rules().holdsDeletion(next)) {
            long rev = ctx.objects().delete(type, ObjectMeta.namespace(next), ObjectMeta.name(next), current.revision());
            ObjectMeta.of(next).put("resourceVersion", Long.toString(rev));
            return new StoredObject(next, rev);
        }
        StoredObject stored = ctx.objects().update(type, next, current.revision());
        observer.written(type, stored.object());
        return stored;
    }

    /** Status writes take only status (and the managed fields tracking it) from the request. */
    private static ObjectNode statusOnly(ObjectNode candidate, ObjectNode old) {
        ObjectNode next = old.deepCopy();
        JsonNode status = candidate.get("status");
        if (status == null) {
            next.remove("status");
        } else {
            next.set("status", status);
        }
        JsonNode managed = candidate.path("metadata").get("managedFields");
        if (managed != null) {
            ObjectMeta.of(next).set("managedFields", managed);
        }
        return next;
    }

    private static void keepStatus(ObjectNode next, ObjectNode old) {
        JsonNode status = old.get("status");
        if (status == null) {
            next.remove("status");
        } else {
            next.set("status", status.deepCopy());
        }
    }

    private static void preserveSystemFields(ObjectNode next, ObjectNode old) {
        ObjectNode meta = ObjectMeta.of(next);
        ObjectNode oldMeta = ObjectMeta.of(old);
        if (ObjectMeta.uid(next).isEmpty()) {
            meta.put("uid", ObjectMeta.uid(old));
        }
        for (String f : List.of("creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation")) {
            JsonNode v = oldMeta.get(f);
            if (v == null) {
                meta.remove(f);
            } else {
                meta.set(f, v);
            }
        }
        meta.remove("selfLink");
    }

    /** True if anything outside metadata changed (status is already the old one when it is a subresource). */
    private static boolean specChanged(ObjectNode next, ObjectNode old) {
        ObjectNode a = next.deepCopy();
        ObjectNode b = old.deepCopy();
        a.remove("metadata");
        b.remove("metadata");
        return !a.equals(b);
    }

    /** The resourceVersion precondition of an update: required for some kinds, must match the stored one. */
    public static void checkResourceVersion(ResourceType type, ObjectNode candidate, StoredObject current) {
        String rv = ObjectMeta.resourceVersion(candidate);
        GroupVersionResource gvr = type.gvr();
        if (rv.isEmpty()) {
            if (!type.rules().allowUnconditionalUpdate()) {
                throw StatusException.invalid(type.definition().gvk(), ObjectMeta.name(candidate),
                        List.of(FieldError.invalid("metadata.resourceVersion",
                                new FieldError.Verbatim("0x0"), "must be specified for an update")));
            }
            return;
        }
        if (!rv.equals(Long.toString(current.revision()))) {
            throw StatusException.conflict(gvr, ObjectMeta.name(candidate));
        }
    }
}
