package io.capj.api.infrastructure.dev.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.admission.AdmissionHook;
import java.util.ArrayList;
import java.util.List;

/**
 * DevCluster's webhook. Defaults: the Docker backend when no backend is chosen; with Docker, control plane
 * endpoint port 6443 and {@code controlPlane: false} on failure domains that do not say. Validation: Docker
 * failure domains sorted by name.
 */
final class DevClusterWebhook implements AdmissionHook {
    static final int DEFAULT_API_SERVER_PORT = 6443;

    @Override
    public void applyDefaults(ObjectNode cluster, JsonNode old) {
        if (cluster.get("spec") instanceof ObjectNode spec) {
            defaultSpec(spec);
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode cluster) {
        return validateSpec("spec", cluster.path("spec"));
    }

    /** Fills a DevCluster spec's defaults in place (also used for {@code spec.template.spec} of templates). */
    static void defaultSpec(ObjectNode spec) {
        ObjectNode backend = spec.withObjectProperty("backend");
        if (!backend.has("docker") && !backend.has("inMemory")) {
            backend.putObject("docker");
        }
        if (!(backend.get("docker") instanceof ObjectNode docker)) {
            return;
        }
        ObjectNode endpoint = spec.withObjectProperty("controlPlaneEndpoint");
        if (endpoint.path("port").asInt(0) == 0) {
            endpoint.put("port", DEFAULT_API_SERVER_PORT);
        }
        for (JsonNode domain : docker.path("failureDomains")) {
            if (domain instanceof ObjectNode fd && !fd.has("controlPlane")) {
                fd.put("controlPlane", false);
            }
        }
    }

    /** Errors of a DevCluster spec found at {@code path}. */
    static List<FieldError> validateSpec(String path, JsonNode spec) {
        JsonNode docker = spec.path("backend").path("docker");
        if (!docker.isObject()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        docker.path("failureDomains").forEach(fd -> names.add(fd.path("name").asText()));
        if (!names.equals(names.stream().sorted().toList())) {
            return List.of(FieldError.invalid(path + ".backend.docker.failureDomains", names,
                    "failure domains must be sorted by name"));
        }
        return List.of();
    }
}
