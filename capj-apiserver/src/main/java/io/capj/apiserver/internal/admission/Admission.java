package io.capj.apiserver.internal.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.registry.ResourceType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The admission chain every write goes through, in upstream's order: prune unknown fields (reported per
 * {@link FieldValidation}), apply defaults, then validate metadata, the schema (with CEL rules) and the
 * kind's own rules. Failures are 400 (strict decoding) or 422 (invalid) and change nothing.
 */
public final class Admission {
    private static final Set<String> OBJECT_META_FIELDS = Set.of("name", "generateName", "namespace", "selfLink",
            "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
            "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

    private Admission() {
    }

    /**
     * Prunes and defaults {@code object} in place and reports unknown fields.
     *
     * @param old the stored object on an update, null on a create (the kind's defaulting may depend on it)
     * @return warnings to send (empty unless {@code validation} is WARN)
     */
    public static List<String> decode(ResourceType type, ObjectNode object, ObjectNode old,
                                      FieldValidation validation) {
        dropEmptyCollections(object, type);
        List<String> unknown = new ArrayList<>(pruneMetadata(object));
        if (type.schema() != null) {
            unknown.addAll(type.schema().prune(object));
        }
        if (type.schema() != null) {
            type.schema().applyDefaults(object);
        }
        type.rules().applyDefaults(object, old);
        return report(type, unknown, validation);
    }

    private static List<String> report(ResourceType type, List<String> unknown, FieldValidation validation) {
        if (unknown.isEmpty() || validation == FieldValidation.IGNORE) {
            return List.of();
        }
        List<String> texts = unknown.stream().map(p -> "unknown field \"" + p + "\"").toList();
        if (validation == FieldValidation.WARN) {
            return texts;
        }
        String kind = type.definition().kind();
        throw StatusException.badRequest(kind + " in version \"" + type.definition().version()
                + "\" cannot be handled as a " + kind + ": strict decoding error: " + String.join(", ", texts));
    }

    /**
     * Empty labels, annotations, finalizers and ownerReferences (client-java sends them) are dropped, as
     * upstream's typed ObjectMeta omits them; so are the empty top-level maps of built-in kinds.
     */
    private static void dropEmptyCollections(ObjectNode object, ResourceType type) {
        if (object.get("metadata") instanceof ObjectNode meta) {
            for (String f : List.of("labels", "annotations", "finalizers", "ownerReferences")) {
                JsonNode v = meta.get(f);
                if (v != null && (v.isNull() || v.isContainerNode() && v.isEmpty())) {
                    meta.remove(f);
                }
            }
        }
        if (!type.isCustomResource()) {
            for (String f : List.of("data", "binaryData", "stringData")) {
                JsonNode v = object.get(f);
                if (v != null && (v.isNull() || v.isContainerNode() && v.isEmpty())) {
                    object.remove(f);
                }
            }
        }
    }

    private static List<String> pruneMetadata(ObjectNode object) {
        List<String> pruned = new ArrayList<>();
        JsonNode meta = object.get("metadata");
        if (meta instanceof ObjectNode m) {
            for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!OBJECT_META_FIELDS.contains(f)) {
                    pruned.add("metadata." + f);
                    it.remove();
                }
            }
        }
        return pruned;
    }

    /** Validates a new object; 422 with every cause if anything is wrong. */
    public static void validateCreate(ResourceType type, ObjectNode object) {
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidator.validate(object, isNamespace(type)));
        if (type.schema() != null) {
            errs.addAll(type.schema().validate(object, null));
        }
        errs.addAll(type.rules().validateCreate(object));
        fail(type, object, errs);
    }

    /** Validates an update against the stored object (ratcheting unchanged values is the schema's job). */
    public static void validateUpdate(ResourceType type, ObjectNode object, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidator.validate(object, isNamespace(type)));
        errs.addAll(ObjectMetaValidator.validateUpdate(object, old));
        if (type.schema() != null) {
            errs.addAll(type.schema().validate(object, old));
        }
        errs.addAll(type.rules().validateUpdate(object, old));
        fail(type, object, errs);
    }

    private static boolean isNamespace(ResourceType type) {
        return type.definition().group().isEmpty() && type.definition().kind().equals("Namespace");
    }

    private static void fail(ResourceType type, JsonNode object, List<FieldError> errs) {
        if (!errs.isEmpty()) {
            throw StatusException.invalid(type.definition().gvk(), ObjectMeta.name(object), errs);
        }
    }
}
