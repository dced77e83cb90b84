package io.capj.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.patch.MergeSchema;
import io.capj.apimachinery.schema.SchemaException;
import io.capj.apimachinery.schema.StructuralSchema;
import io.capj.apimachinery.admission.AdmissionHook;
import io.capj.apimachinery.admission.AdmissionHooks;
import io.capj.apiserver.registry.ResourceDefinition;
import io.capj.apiserver.registry.ResourceDefinition.PrinterColumn;
import io.capj.apiserver.registry.ResourceDefinition.ScaleSubresource;
import java.util.ArrayList;
import java.util.List;

/** Turns a CustomResourceDefinition object into the resource types it serves, one per served version. */
public final class CrdTypes {
    private CrdTypes() {
    }

    /** The served versions of {@code crd}; compiles each version's schema once. */
    public static List<ResourceType> from(JsonNode crd, AdmissionHooks hooks) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText();
        String storageVersion = "";
        for (JsonNode v : spec.path("versions")) {
            if (v.path("storage").asBoolean(false)) {
                storageVersion = v.path("name").asText();
            }
        }
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode v : spec.path("versions")) {
            if (v.path("served").asBoolean(true)) {
                types.add(type(crd, group, v, group + "/" + storageVersion, hooks));
            }
        }
        return types;
    }

    private static ResourceType type(JsonNode crd, String group, JsonNode version, String storageApiVersion,
                                     AdmissionHooks hooks) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        String versionName = version.path("name").asText();
        JsonNode schemaNode = version.path("schema").path("openAPIV3Schema");
        StructuralSchema schema = schemaNode.isObject() ? StructuralSchema.compile(schemaNode) : null;
        JsonNode sub = version.path("subresources");
        ResourceDefinition def = new ResourceDefinition(
                new GroupVersionKind(group, versionName, names.path("kind").asText()),
                names.path("plural").asText(), names.path("singular").asText(),
                spec.path("scope").asText().equals("Namespaced"), names.path("listKind").asText(),
                strings(names.path("shortNames")), strings(names.path("categories")), ResourceDefinition.ALL_VERBS,
                sub.has("status"), scale(sub.path("scale")), printerColumns(version.path("additionalPrinterColumns")),
                schemaNode.isObject() ? schemaNode : null, version.path("storage").asBoolean(false),
                version.path("deprecated").asBoolean(false), textOrNull(version.path("deprecationWarning")), false,
                selectableFields(version.path("selectableFields")));
        MergeSchema merge = schema == null ? MergeSchema.DEDUCED : schema.mergeSchema();
        AdmissionHook hook = hooks.forKind(def.gvk());
        KindRules rules = hook == null ? KindRules.CUSTOM_RESOURCE : new HookedCustomResourceRules(hook);
        return new ResourceType(def, schema, merge, rules, storageApiVersion, ObjectMeta.name(crd));
    }

    /** Structural-schema errors of one CRD version, with paths under {@code path.schema.openAPIV3Schema}. */
    static List<FieldError> schemaErrors(JsonNode version, String path) {
        JsonNode schemaNode = version.path("schema").path("openAPIV3Schema");
        if (!schemaNode.isObject()) {
            return List.of();
        }
        try {
            StructuralSchema.compile(schemaNode);
            return List.of();
        } catch (SchemaException e) {
            String prefix = path + ".schema.openAPIV3Schema";
            return e.errors().stream().map(err -> new FieldError(err.type(),
                    err.field().isEmpty() ? prefix : prefix + "." + err.field(), err.detail(), err.badValue())).toList();
        }
    }

    private static ScaleSubresource scale(JsonNode scale) {
        if (!scale.isObject()) {
            return null;
        }
        return new ScaleSubresource(scale.path("specReplicasPath").asText(), scale.path("statusReplicasPath").asText(),
                textOrNull(scale.path("labelSelectorPath")));
    }

    private static List<PrinterColumn> printerColumns(JsonNode columns) {
        List<PrinterColumn> out = new ArrayList<>();
        for (JsonNode c : columns) {
            out.add(new PrinterColumn(c.path("name").asText(), c.path("type").asText("string"),
                    c.path("format").asText(""), c.path("description").asText(""), c.path("priority").asInt(0),
                    c.path("jsonPath").asText()));
        }
        return out;
    }

    private static List<String> selectableFields(JsonNode fields) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : fields) {
            out.add(f.path("jsonPath").asText().replaceFirst("^\\.", ""));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
