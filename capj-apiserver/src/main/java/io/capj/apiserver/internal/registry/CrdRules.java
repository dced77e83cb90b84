package io.capj.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.ObjectMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CustomResourceDefinition defaulting and validation: names, scope, versions (exactly one storage
 * version) and structural schemas; a CRD that would not serve is refused with 422 before it is stored.
 */
final class CrdRules implements KindRules {
    static final String CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

    @Override
    public void applyDefaults(ObjectNode crd, JsonNode old) {
        JsonNode names = crd.path("spec").path("names");
        if (names instanceof ObjectNode n) {
            String kind = n.path("kind").asText("");
            if (!n.hasNonNull("listKind") && !kind.isEmpty()) {
                n.put("listKind", kind + "List");
            }
            if (!n.hasNonNull("singular") && !kind.isEmpty()) {
                n.put("singular", kind.toLowerCase(Locale.ROOT));
            }
        }
        if (crd.path("spec") instanceof ObjectNode spec && !spec.has("conversion")) {
            spec.putObject("conversion").put("strategy", "None");
        }
        List<String> finalizers = new ArrayList<>(ObjectMeta.finalizers(crd));
        if (!finalizers.contains(CLEANUP_FINALIZER) && !ObjectMeta.isDeleting(crd)) {
            finalizers.add(CLEANUP_FINALIZER);
            ObjectMeta.setFinalizers(crd, finalizers);
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode crd) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText("");
        String plural = spec.path("names").path("plural").asText("");
        if (group.isEmpty()) {
            errs.add(FieldError.required("spec.group", ""));
        } else if (!group.contains(".")) {
            errs.add(FieldError.invalid("spec.group", group, "should be a domain with at least one dot"));
        }
        for (String f : List.of("plural", "kind", "singular", "listKind")) {
            if (spec.path("names").path(f).asText("").isEmpty()) {
                errs.add(FieldError.required("spec.names." + f, ""));
            }
        }
        String name = ObjectMeta.name(crd);
        if (!plural.isEmpty() && !group.isEmpty() && !name.equals(plural + "." + group)) {
            errs.add(FieldError.invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
        }
        String scope = spec.path("scope").asText("");
        if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
            errs.add(FieldError.notSupported("spec.scope", scope, List.of("Cluster", "Namespaced")));
        }
        validateVersions(spec.path("versions"), errs);
        return errs;
    }

    private static void validateVersions(JsonNode versions, List<FieldError> errs) {
        if (!versions.isArray() || versions.isEmpty()) {
            errs.add(FieldError.required("spec.versions", "must have exactly one version marked as storage version"));
            return;
        }
        int storage = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < versions.size(); i++) {
            JsonNode v = versions.get(i);
            String path = "spec.versions[" + i + "]";
            String name = v.path("name").asText("");
            if (name.isEmpty()) {
                errs.add(FieldError.required(path + ".name", ""));
            } else if (!seen.add(name)) {
                errs.add(new FieldError(FieldError.Type.DUPLICATE, path + ".name", null, name));
            }
            if (v.path("storage").asBoolean(false)) {
                storage++;
            }
            errs.addAll(CrdTypes.schemaErrors(v, path));
        }
        if (storage != 1) {
            errs.add(FieldError.invalid("spec.versions", "", "must have exactly one version marked as storage version"));
        }
    }

    @Override
    public boolean tracksGeneration() {
        return true;
    }

    @Override
    public boolean allowUnconditionalUpdate() {
        return true;
    }
}
