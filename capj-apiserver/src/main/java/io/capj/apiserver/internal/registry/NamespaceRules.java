package io.capj.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * Namespaces: created Active with the {@code kubernetes} finalizer in spec; spec.finalizers change only
 * through {@code /finalize} and status only through {@code /status}; {@code status.phase} is selectable.
 */
final class NamespaceRules implements KindRules {
    static final String FINALIZER = "kubernetes";

    @Override
    public void applyDefaults(ObjectNode object, JsonNode old) {
        String name = io.capj.apimachinery.ObjectMeta.name(object);
        if (!name.isEmpty()) {
            io.capj.apimachinery.ObjectMeta.of(object).withObjectProperty("labels").put("kubernetes.io/metadata.name", name);
        }
        ObjectNode spec = object.has("spec") && object.get("spec").isObject()
                ? (ObjectNode) object.get("spec") : object.putObject("spec");
        if (!spec.has("finalizers")) {
            spec.putArray("finalizers").add(FINALIZER);
        }
        ObjectNode status = object.has("status") && object.get("status").isObject()
                ? (ObjectNode) object.get("status") : object.putObject("status");
        if (!status.has("phase")) {
            status.put("phase", "Active");
        }
    }

    @Override
    public void prepareForUpdate(ObjectNode next, ObjectNode old, String subresource) {
        JsonNode oldFinalizers = old.path("spec").path("finalizers");
        if (subresource.equals("finalize")) {
            return;
        }
        ObjectNode spec = next.has("spec") && next.get("spec").isObject()
                ? (ObjectNode) next.get("spec") : next.putObject("spec");
        if (oldFinalizers.isArray()) {
            spec.set("finalizers", oldFinalizers.deepCopy());
        } else {
            spec.remove("finalizers");
        }
    }

    @Override
    public boolean holdsDeletion(JsonNode object) {
        return object.path("spec").path("finalizers").size() > 0;
    }

    @Override
    public void onDeletionStarted(ObjectNode object) {
        JsonNode status = object.get("status");
        ObjectNode s = status instanceof ObjectNode o ? o : object.putObject("status");
        s.put("phase", "Terminating");
    }

    @Override
    public Map<String, Function<JsonNode, String>> fieldLabels() {
        return Map.of("status.phase", o -> o.path("status").path("phase").asText(""));
    }

    static boolean hasSpecFinalizer(JsonNode namespace) {
        for (JsonNode f : namespace.path("spec").path("finalizers")) {
            if (f.asText().equals(FINALIZER)) {
                return true;
            }
        }
        return false;
    }

    static void removeSpecFinalizer(ObjectNode namespace) {
        JsonNode list = namespace.path("spec").path("finalizers");
        if (list instanceof ArrayNode a) {
            for (int i = a.size() - 1; i >= 0; i--) {
                if (a.get(i).asText().equals(FINALIZER)) {
                    a.remove(i);
                }
            }
        }
    }
}
