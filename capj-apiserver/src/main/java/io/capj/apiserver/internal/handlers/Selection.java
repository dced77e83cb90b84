package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.jsonpath.JsonPath;
import io.capj.apimachinery.selector.FieldSelector;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.registry.ResourceType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** The label and field selectors of a list or watch, as one predicate over objects. */
final class Selection implements Predicate<ObjectNode> {
    private final LabelSelector labels;
    private final FieldSelector fields;
    private final Map<String, Function<JsonNode, String>> fieldReaders;

    private Selection(LabelSelector labels, FieldSelector fields, Map<String, Function<JsonNode, String>> readers) {
        this.labels = labels;
        this.fields = fields;
        this.fieldReaders = readers;
    }

    static Selection from(ApiRequest request, ResourceType type) {
        Map<String, Function<JsonNode, String>> readers = readers(type);
        FieldSelector fields = FieldSelector.parse(request.param("fieldSelector"));
        fields.requireSupported(readers.keySet());
        return new Selection(LabelSelector.parse(request.param("labelSelector")), fields, readers);
    }

    private static Map<String, Function<JsonNode, String>> readers(ResourceType type) {
        Map<String, Function<JsonNode, String>> readers = new HashMap<>();
        readers.put("metadata.name", ObjectMeta::name);
        if (type.namespaced()) {
            readers.put("metadata.namespace", ObjectMeta::namespace);
        }
        readers.putAll(type.rules().fieldLabels());
        for (String path : type.definition().selectableFields()) {
            JsonPath compiled = JsonPath.compile("." + path);
            readers.put(path, o -> {
                List<JsonNode> found = compiled.find(o);
                return found.isEmpty() ? "" : found.get(0).asText();
            });
        }
        return readers;
    }

    @Override
    public boolean test(ObjectNode object) {
        return labels.matches(ObjectMeta.labels(object))
                && fields.matches(f -> fieldReaders.get(f).apply(object));
    }

    /** True without label or field selectors: every object matches, so no object needs decoding to decide. */
    boolean matchesEverything() {
        return labels.isEmpty() && fields.isEmpty();
    }

    /** The object's metadata.name if the field selector pins one, else null (lets watches narrow cheaply). */
    String pinnedName() {
        return fields.exactValue("metadata.name");
    }
}
