package io.capj.api.infrastructure.dev.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.webhooks.MetadataRules;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The webhook of DevClusterTemplate and DevMachineTemplate: the kind's spec defaults applied to
 * {@code spec.template.spec}; on create the kind's spec rules and valid template labels and annotations;
 * on update, in addition, {@code spec.template.spec} is immutable.
 */
final class TemplateWebhook implements AdmissionHook {
    private final String kind;
    private final Consumer<ObjectNode> specDefaults;
    private final BiFunction<String, JsonNode, List<FieldError>> specRules;

    private TemplateWebhook(String kind, Consumer<ObjectNode> specDefaults,
                            BiFunction<String, JsonNode, List<FieldError>> specRules) {
        this.kind = kind;
        this.specDefaults = specDefaults;
        this.specRules = specRules;
    }

    static TemplateWebhook forClusters() {
        return new TemplateWebhook("DevClusterTemplate", DevClusterWebhook::defaultSpec, DevClusterWebhook::validateSpec);
    }

    static TemplateWebhook forMachines() {
        return new TemplateWebhook("DevMachineTemplate", DevMachineWebhook::defaultSpec, (path, spec) -> List.of());
    }

    @Override
    public void applyDefaults(ObjectNode template, JsonNode old) {
        if (template.get("spec") instanceof ObjectNode spec && spec.get("template") instanceof ObjectNode resource
                && resource.get("spec") instanceof ObjectNode resourceSpec) {
            specDefaults.accept(resourceSpec);
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode template) {
        JsonNode resource = template.path("spec").path("template");
        List<FieldError> errs = new ArrayList<>(specRules.apply("spec.template.spec", resource.path("spec")));
        errs.addAll(MetadataRules.validate("spec.template.metadata", resource.path("metadata")));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode template, JsonNode old) {
        List<FieldError> errs = new ArrayList<>(validateCreate(template));
        ObjectNode before = old.path("spec").path("template").path("spec").deepCopy();
        specDefaults.accept(before);
        if (!before.equals(template.path("spec").path("template").path("spec"))) {
            errs.add(FieldError.invalid("spec.template.spec", null, kind
                    + " spec.template.spec field is immutable. Please create a new resource instead."));
        }
        return errs;
    }
}
