package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules that make a schema structural and usable by a CRD, as apiextensions-apiserver enforces them when a CRD is
 * written: every node has a type (unless int-or-string or preserve-unknown-fields), {@code items} for arrays, no
 * {@code additionalProperties} next to {@code properties}, root metadata restricted to name and generateName,
 * consistent list and map types, and value validations ({@code allOf} ...) that only restrict, never shape.
 * Messages and paths are upstream's.
 */
final class StructuralRules {
    private enum Level { ROOT, ITEMS, FIELD }

    private static final List<String> TYPES = List.of("array", "boolean", "integer", "number", "object", "string");
    private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private final List<FieldError> errors;

    private StructuralRules(List<FieldError> errors) {
        this.errors = errors;
    }

    static void check(SchemaNode root, List<FieldError> errors) {
        StructuralRules rules = new StructuralRules(errors);
        rules.node(root, Level.ROOT, FieldPath.ROOT);
        new NestedRules(errors).completeness(root, FieldPath.ROOT);
    }

    private void node(SchemaNode s, Level level, FieldPath path) {
        type(s, level, path);
        shape(s, level, path);
        extensions(s, path);
        mapType(s, path);
        ListTypeRules.check(s, path, errors);
        metaFields(s, level, path);
        new NestedRules(errors).compositions(s, path);
        if (s.items != null) {
            node(s.items, Level.ITEMS, path.child("items"));
        }
        s.properties.forEach((k, v) -> node(v, Level.FIELD, path.child("properties").key(k)));
        if (s.additionalProperties != null && s.additionalProperties != SchemaNode.EMPTY) {
            node(s.additionalProperties, Level.FIELD, path.child("additionalProperties"));
        }
    }

    private void type(SchemaNode s, Level level, FieldPath path) {
        String typePath = path.child("type").toString();
        if (s.type.equals("null")) {
            errors.add(FieldError.forbidden(typePath, "type cannot be set to null, use nullable as an alternative"));
        } else if (!s.type.isEmpty() && !TYPES.contains(s.type)) {
            errors.add(FieldError.notSupported(typePath, s.type, TYPES));
        }
        if (s.embeddedResource && !s.type.equals("object")) {
            String detail = "must be object if x-kubernetes-embedded-resource is true";
            errors.add(s.type.isEmpty() ? FieldError.required(typePath, detail)
                    : FieldError.invalid(typePath, s.type, detail));
        } else if (s.type.isEmpty() && !s.intOrString && !s.preserveUnknownFields) {
            errors.add(FieldError.required(typePath, switch (level) {
                case ROOT -> "must not be empty at the root";
                case ITEMS -> "must not be empty for specified array items";
                case FIELD -> "must not be empty for specified object fields";
            }));
        }
        if (level == Level.ROOT && !s.type.isEmpty() && !s.type.equals("object")) {
            errors.add(FieldError.invalid(typePath, s.type, "must be object at the root"));
        }
    }

    private void shape(SchemaNode s, Level level, FieldPath path) {
        JsonNode additional = s.source.get("additionalProperties");
        String additionalPath = path.child("additionalProperties").toString();
        if (s.type.equals("array") && s.items == null) {
            errors.add(FieldError.required(path.child("items").toString(), "must be specified"));
        }
        if (additional != null && level == Level.ROOT) {
            errors.add(FieldError.forbidden(additionalPath, "must not be used at the root"));
        }
        if (additional != null && !s.properties.isEmpty() && !(additional.isBoolean() && additional.asBoolean())) {
            errors.add(FieldError.forbidden(additionalPath,
                    "additionalProperties and properties are mutual exclusive"));
        }
        if (s.embeddedResource && additional != null) {
            errors.add(FieldError.forbidden(additionalPath,
                    "must not be used if x-kubernetes-embedded-resource is set"));
        }
        if (s.embeddedResource && !s.preserveUnknownFields && s.properties.isEmpty()) {
            errors.add(FieldError.required(path.child("properties").toString(), "must not be empty if "
                    + "x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }
        if (s.constraints.uniqueItems) {
            errors.add(FieldError.forbidden(path.child("uniqueItems").toString(),
                    "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }
        if (level == Level.ROOT && s.nullable) {
            errors.add(FieldError.forbidden(path.child("nullable").toString(), "nullable cannot be true at the root"));
        }
    }

    private void extensions(SchemaNode s, FieldPath path) {
        String detail = "must be false if x-kubernetes-int-or-string is true";
        if (s.intOrString && s.preserveUnknownFields) {
            errors.add(FieldError.invalid(path.child("x-kubernetes-preserve-unknown-fields").toString(), true, detail));
        }
        if (s.intOrString && s.embeddedResource) {
            errors.add(FieldError.invalid(path.child("x-kubernetes-embedded-resource").toString(), true, detail));
        }
        JsonNode preserve = s.source.get("x-kubernetes-preserve-unknown-fields");
        if (preserve != null && preserve.isBoolean() && !preserve.asBoolean()) {
            errors.add(FieldError.invalid(path.child("x-kubernetes-preserve-unknown-fields").toString(), false,
                    "must be true or undefined"));
        }
    }

    private void mapType(SchemaNode s, FieldPath path) {
        if (s.mapType == null) {
            return;
        }
        String typePath = path.child("type").toString();
        String detail = "must be object if x-kubernetes-map-type is specified";
        if (s.type.isEmpty()) {
            errors.add(FieldError.required(typePath, detail));
        } else if (!s.type.equals("object")) {
            errors.add(FieldError.invalid(typePath, s.type, detail));
        }
        if (!s.mapType.equals("atomic") && !s.mapType.equals("granular")) {
            errors.add(FieldError.notSupported(path.child("x-kubernetes-map-type").toString(), s.mapType,
                    List.of("atomic", "granular")));
        }
    }

    /** apiVersion, kind and metadata at the root and in embedded resources are type meta and ObjectMeta. */
    private void metaFields(SchemaNode s, Level level, FieldPath path) {
        boolean checkMetadata = level == Level.ROOT || s.embeddedResource;
        for (String field : List.of("kind", "apiVersion")) {
            SchemaNode f = s.properties.get(field);
            if (f != null && checkMetadata && !f.type.equals("string")) {
                errors.add(FieldError.invalid(path.child("properties").key(field).child("type").toString(), f.type,
                        "must be string"));
            }
        }
        SchemaNode metadata = s.properties.get("metadata");
        FieldPath metaPath = path.child("properties").key("metadata");
        if (metadata != null && checkMetadata && !metadata.type.equals("object")) {
            errors.add(FieldError.invalid(metaPath.child("type").toString(), metadata.type, "must be object"));
        }
        if (metadata != null && level == Level.ROOT && !onlyNameAndGenerateName(metadata)) {
            errors.add(FieldError.forbidden(metaPath.toString(), "must not specify anything other than name and "
                    + "generateName, but metadata is implicitly specified"));
        }
        if (level == Level.ROOT) {
            META_FIELDS.stream().filter(f -> s.properties.containsKey(f) && s.properties.get(f).defaultValue != null)
                    .forEach(f -> errors.add(FieldError.forbidden(path.child("properties").key(f).child("default")
                            .toString(), "must not be set in top-level " + f)));
        }
    }

    private static boolean onlyNameAndGenerateName(SchemaNode metadata) {
        Set<String> allowed = Set.of("type", "description", "title", "default", "properties");
        Set<String> keys = new HashSet<>();
        metadata.source.fieldNames().forEachRemaining(keys::add);
        return allowed.containsAll(keys) && Set.of("name", "generateName").containsAll(metadata.properties.keySet());
    }
}
