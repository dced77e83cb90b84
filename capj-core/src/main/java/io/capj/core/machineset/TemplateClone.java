package io.capj.core.machineset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.contract.TemplateContract;
import java.util.Map;

/**
 * The object cut from a provider template (an InfraMachineTemplate or BootstrapConfigTemplate), as upstream's
 * {@code external.GenerateTemplate}: {@code spec.template} becomes the object (its metadata and spec), the kind
 * is the template's kind without the {@code Template} suffix in the template's API version, and it carries the
 * given labels and annotations, the cluster-name label, the {@code cloned-from-name} and
 * {@code cloned-from-groupkind} annotations and one ownerReference.
 */
public final class TemplateClone {
    static final String TEMPLATE_SUFFIX = "Template";

    private TemplateClone() {
    }

    /** The kind cloned from a template kind: {@code DevMachineTemplate} → {@code DevMachine}. */
    public static String clonedKind(String templateKind) {
        return templateKind.endsWith(TEMPLATE_SUFFIX)
                ? templateKind.substring(0, templateKind.length() - TEMPLATE_SUFFIX.length()) : templateKind;
    }

    /**
     * The clone of {@code template} (read with {@code contract}) named {@code name} in {@code namespace}.
     *
     * @param ownerRef the ownerReference the clone gets (upstream: the MachineSet, until the Machine adopts it)
     */
    public static ObjectNode generate(ObjectNode template, String contract, String name, String namespace, String clusterName,
            Map<String, String> labels, Map<String, String> annotations, ObjectNode ownerRef) {
        TemplateContract fields = TemplateContract.forContract(contract);
        ObjectNode clone = Json.object();
        clone.put("apiVersion", template.path("apiVersion").asText());
        clone.put("kind", clonedKind(template.path("kind").asText()));
        ObjectNode metadata = clone.putObject("metadata");
        ObjectNode templateMetadata = fields.templateMetadata().get(template).orElse(Json.object());
        copyStrings(templateMetadata.path("labels"), metadata.putObject("labels"));
        copyStrings(templateMetadata.path("annotations"), metadata.putObject("annotations"));
        metadata.put("name", name).put("namespace", namespace);
        annotations.forEach(metadata.with("annotations")::put);
        metadata.with("annotations").put(CoreAnnotations.TemplateClonedFromNameAnnotation,
                template.at("/metadata/name").asText());
        metadata.with("annotations").put(CoreAnnotations.TemplateClonedFromGroupKindAnnotation,
                groupKind(template));
        labels.forEach(metadata.with("labels")::put);
        metadata.with("labels").put(CoreLabels.ClusterNameLabel, clusterName);
        metadata.putArray("ownerReferences").add(ownerRef);
        fields.templateSpec().get(template).ifPresent(spec -> clone.set("spec", spec));
        return clone;
    }

    /** {@code Kind.group} of {@code object}, as Go's {@code GroupKind.String()}. */
    static String groupKind(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String kind = object.path("kind").asText();
        return group.isEmpty() ? kind : kind + "." + group;
    }

    private static void copyStrings(JsonNode from, ObjectNode to) {
        if (from.isObject()) {
            from.fields().forEachRemaining(e -> to.put(e.getKey(), e.getValue().asText()));
        }
    }
}
