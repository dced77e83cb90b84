package io.capj.api.infrastructure.dev.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.List;

/**
 * DevMachine's webhook. Defaults: the Docker backend when no backend is chosen. Validation: the Docker
 * custom image cannot change once set on a Docker-backed machine.
 */
final class DevMachineWebhook implements AdmissionHook {
    private static final String CUSTOM_IMAGE = "spec.backend.docker.customImage";

    @Override
    public void applyDefaults(ObjectNode machine, JsonNode old) {
        if (machine.get("spec") instanceof ObjectNode spec) {
            defaultSpec(spec);
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode machine) {
        return List.of();
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode machine, JsonNode old) {
        JsonNode before = old.path("spec").path("backend").path("docker");
        JsonNode after = machine.path("spec").path("backend").path("docker");
        if (before.isObject() && after.isObject()
                && !before.path("customImage").asText("").equals(after.path("customImage").asText(""))) {
            return List.of(FieldError.forbidden(CUSTOM_IMAGE, "cannot be modified"));
        }
        return List.of();
    }

    /** Fills a DevMachine spec's defaults in place (also used for {@code spec.template.spec} of templates). */
    static void defaultSpec(ObjectNode spec) {
        ObjectNode backend = spec.withObjectProperty("backend");
        if (!backend.has("docker") && !backend.has("inMemory")) {
            backend.putObject("docker");
        }
    }
}
