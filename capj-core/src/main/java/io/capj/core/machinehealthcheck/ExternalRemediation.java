package io.capj.core.machinehealthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.contract.ContractVersion;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Manager;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Hands remediation to a controller outside Cluster API, through {@code spec.remediation.templateRef}: for an
 * unhealthy Machine it creates a remediation request of the template's kind minus {@code Template}, named after
 * the Machine, owned by it, with the template's {@code spec.template.spec}; once the Machine is healthy again
 * the request is deleted. The template's {@code apiVersion} is used as given (no contract resolution); each
 * kind's plural comes from its CRD.
 */
final class ExternalRemediation {
    private static final String TEMPLATE_SUFFIX = "Template";
    private static final int CONFLICT = 409;

    private final Manager manager;

    ExternalRemediation(Manager manager) {
        this.manager = manager;
    }

    /** The template {@code templateRef} names; empty when the template or its CRD does not exist. */
    Optional<ObjectNode> template(JsonNode templateRef, String namespace) {
        return kind(templateRef.path("apiVersion").asText(), templateRef.path("kind").asText())
                .flatMap(k -> manager.cache().get(k, namespace, templateRef.path("name").asText()))
                .map(Trees::of);
    }

    /** Whether the remediation request for {@code machine} exists. */
    boolean requested(JsonNode templateRef, JsonNode machine) {
        return request(templateRef, machine).isPresent();
    }

    /**
     * Creates the remediation request for {@code machine} from {@code template}; an existing one counts as
     * created.
     */
    void create(JsonNode templateRef, ObjectNode template, JsonNode machine) {
        String kindName = remediationKind(templateRef);
        ResourceKind<GenericKubernetesResource> kind = kind(templateRef.path("apiVersion").asText(), kindName)
                .orElseThrow(() -> new IllegalStateException("failed to create remediation request for Machine "
                        + key(machine) + ": no CustomResourceDefinition for " + kindName));
        ObjectNode request = Json.object().put("apiVersion", templateRef.path("apiVersion").asText())
                .put("kind", kindName);
        ObjectNode metadata = request.putObject("metadata").put("name", machine.at("/metadata/name").asText())
                .put("namespace", machine.at("/metadata/namespace").asText());
        JsonNode templateMetadata = template.at("/spec/template/metadata");
        ObjectNode labels = metadata.putObject("labels");
        templateMetadata.path("labels").properties().forEach(e -> labels.set(e.getKey(), e.getValue()));
        labels.put(CoreLabels.ClusterNameLabel, machine.at("/spec/clusterName").asText());
        ObjectNode annotations = metadata.putObject("annotations");
        templateMetadata.path("annotations").properties().forEach(e -> annotations.set(e.getKey(), e.getValue()));
        annotations.put(CoreAnnotations.TemplateClonedFromNameAnnotation, templateRef.path("name").asText());
        annotations.put(CoreAnnotations.TemplateClonedFromGroupKindAnnotation,
                templateRef.path("kind").asText() + "." + group(templateRef.path("apiVersion").asText()));
        metadata.putArray("ownerReferences").addObject().put("apiVersion", CoreGroup.API_VERSION)
                .put("kind", "Machine").put("name", machine.at("/metadata/name").asText())
                .put("uid", machine.at("/metadata/uid").asText());
        JsonNode spec = template.at("/spec/template/spec");
        request.set("spec", spec.isObject() ? spec.deepCopy() : Json.object());
        try {
            manager.client().genericKubernetesResources(kind.definitionContext())
                    .inNamespace(machine.at("/metadata/namespace").asText()).resource(Trees.generic(request)).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != CONFLICT) {
                throw new IllegalStateException("failed to create remediation request " + kindName + " "
                        + key(machine) + ": " + e.getMessage(), e);
            }
        }
    }

    /** Deletes the remediation request for {@code machine}, if it exists and is not already deleting. */
    void delete(JsonNode templateRef, JsonNode machine) {
        Optional<GenericKubernetesResource> request = request(templateRef, machine);
        if (request.isEmpty() || request.get().getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        ResourceKind<GenericKubernetesResource> kind = kind(templateRef.path("apiVersion").asText(),
                remediationKind(templateRef)).orElseThrow();
        try {
            manager.client().genericKubernetesResources(kind.definitionContext())
                    .inNamespace(machine.at("/metadata/namespace").asText())
                    .withName(machine.at("/metadata/name").asText()).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw new IllegalStateException("failed to delete remediation request " + kind.kind() + " "
                        + key(machine) + ": " + e.getMessage(), e);
            }
        }
    }

    private Optional<GenericKubernetesResource> request(JsonNode templateRef, JsonNode machine) {
        return kind(templateRef.path("apiVersion").asText(), remediationKind(templateRef))
                .flatMap(k -> manager.cache().get(k, machine.at("/metadata/namespace").asText(),
                        machine.at("/metadata/name").asText()));
    }

    /** The kind {@code kindName} of {@code apiVersion}, if its CRD exists and serves that version. */
    private Optional<ResourceKind<GenericKubernetesResource>> kind(String apiVersion, String kindName) {
        String group = group(apiVersion);
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Optional<CustomResourceDefinition> crd = manager.cache().get(CoreKinds.CRD, "",
                ContractVersion.crdName(group, kindName));
        return crd.map(c -> ResourceKind.generic(group, version, kindName, c.getSpec().getNames().getPlural(),
                !"Cluster".equals(c.getSpec().getScope())));
    }

    static String remediationKind(JsonNode templateRef) {
        String kind = templateRef.path("kind").asText();
        return kind.endsWith(TEMPLATE_SUFFIX) ? kind.substring(0, kind.length() - TEMPLATE_SUFFIX.length()) : kind;
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String key(JsonNode machine) {
        return machine.at("/metadata/namespace").asText() + "/" + machine.at("/metadata/name").asText();
    }
}
