package io.capj.apimachinery.schema;

import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Schema-time rules for {@code x-kubernetes-list-type} and {@code x-kubernetes-list-map-keys}: the list type needs an
 * array, set items must be scalars or atomic, and map-list keys must name scalar item properties that are required or
 * defaulted and never nullable, so every item has a key that server-side apply can match on.
 */
final class ListTypeRules {
    private ListTypeRules() {
    }

    static void check(SchemaNode s, FieldPath path, List<FieldError> errors) {
        if (s.listType != null) {
            listType(s, path, errors);
        }
        if (!s.listMapKeys.isEmpty() && !"map".equals(s.listType)) {
            String detail = "must be map if x-kubernetes-list-map-keys is non-empty";
            String p = path.child("x-kubernetes-list-type").toString();
            errors.add(s.listType == null ? FieldError.required(p, detail) : FieldError.invalid(p, s.listType, detail));
        }
        if ("map".equals(s.listType)) {
            mapList(s, path, errors);
        }
        if (("map".equals(s.listType) || "set".equals(s.listType)) && s.items != null && s.items.nullable) {
            errors.add(FieldError.forbidden(path.child("items").child("nullable").toString(),
                    "cannot be nullable when x-kubernetes-list-type is " + s.listType));
        }
    }

    private static void listType(SchemaNode s, FieldPath path, List<FieldError> errors) {
        String detail = "must be array if x-kubernetes-list-type is specified";
        String typePath = path.child("type").toString();
        if (s.type.isEmpty()) {
            errors.add(FieldError.required(typePath, detail));
        } else if (!s.type.equals("array")) {
            errors.add(FieldError.invalid(typePath, s.type, detail));
        } else if (s.listType.equals("set") && s.items != null) {
            setItems(s.items, path.child("items"), errors);
        }
        if (!List.of("atomic", "set", "map").contains(s.listType)) {
            errors.add(FieldError.notSupported(path.child("x-kubernetes-list-type").toString(), s.listType,
                    List.of("atomic", "set", "map")));
        }
    }

    /** Set items are compared whole, so they must not be granular themselves. */
    private static void setItems(SchemaNode items, FieldPath path, List<FieldError> errors) {
        String detail = "must be atomic as item of a list with x-kubernetes-list-type=set";
        if (items.type.equals("array") && items.listType != null && !items.listType.equals("atomic")) {
            errors.add(FieldError.invalid(path.child("x-kubernetes-list-type").toString(), items.listType, detail));
        }
        if (items.type.equals("object") && !"atomic".equals(items.mapType)) {
            errors.add(FieldError.invalid(path.child("x-kubernetes-map-type").toString(), items.mapType, detail));
        }
    }

    private static void mapList(SchemaNode s, FieldPath path, List<FieldError> errors) {
        FieldPath keysPath = path.child("x-kubernetes-list-map-keys");
        if (s.listMapKeys.isEmpty()) {
            errors.add(FieldError.required(keysPath.toString(), "must not be empty if x-kubernetes-list-type is map"));
        }
        if (s.items == null) {
            errors.add(FieldError.required(path.child("items").toString(),
                    "must have a schema if x-kubernetes-list-type is map"));
            return;
        }
        if (!s.items.type.equals("object")) {
            errors.add(FieldError.invalid(path.child("items").child("type").toString(), s.items.type,
                    "must be object if parent array's x-kubernetes-list-type is map"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String key : s.listMapKeys) {
            mapKey(s.items, key, path.child("items").child("properties").key(key), keysPath, s, errors);
            if (!seen.add(key)) {
                errors.add(FieldError.invalid(keysPath.toString(), keysJson(s), "must not contain duplicate entries"));
            }
        }
    }

    private static void mapKey(SchemaNode items, String key, FieldPath keyPath, FieldPath keysPath, SchemaNode list,
            List<FieldError> errors) {
        SchemaNode prop = items.properties.get(key);
        if (prop == null) {
            errors.add(FieldError.invalid(keysPath.toString(), keysJson(list),
                    "entries must all be names of item properties"));
            return;
        }
        if (prop.type.equals("array") || prop.type.equals("object")) {
            errors.add(FieldError.invalid(keyPath.child("type").toString(), items.type,
                    "must be a scalar type if parent array's x-kubernetes-list-type is map"));
        }
        if (!items.constraints.required.contains(key) && prop.defaultValue == null) {
            errors.add(FieldError.required(keyPath.child("default").toString(),
                    "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required "
                            + "property"));
        }
        if (prop.nullable) {
            errors.add(FieldError.forbidden(keyPath.child("nullable").toString(),
                    "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
        }
    }

    private static Object keysJson(SchemaNode list) {
        return Json.MAPPER.valueToTree(list.listMapKeys);
    }
}
