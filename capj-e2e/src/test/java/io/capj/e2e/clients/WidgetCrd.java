package io.capj.e2e.clients;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code widgets.example.capj.io} custom resource the client tests share: its CRD and object builders. */
final class WidgetCrd {
    static final String NAME = "widgets.example.capj.io";
    static final String GROUP = "example.capj.io";
    static final String VERSION = "v1";
    static final String PLURAL = "widgets";
    static final String KIND = "Widget";
    static final String API_VERSION = GROUP + "/" + VERSION;

    static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
            .withGroup(GROUP).withVersion(VERSION).withPlural(PLURAL).withKind(KIND).withNamespaced(true).build();

    private WidgetCrd() {
    }

    /** The CRD as shipped in {@code clients/widgets-crd.yaml}. */
    static CustomResourceDefinition definition(KubernetesClient client) {
        try (InputStream in = WidgetCrd.class.getResourceAsStream("/clients/widgets-crd.yaml")) {
            return client.apiextensions().v1().customResourceDefinitions().load(in).item();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies the CRD with fabric8's server-side apply and waits until the server reports it Established,
     * which is what a real operator's installer does before it starts informers.
     */
    static void install(KubernetesClient client) {
        client.apiextensions().v1().customResourceDefinitions().resource(definition(client))
                .fieldManager("capj-e2e").forceConflicts().serverSideApply();
        client.apiextensions().v1().customResourceDefinitions().withName(NAME)
                .waitUntilCondition(WidgetCrd::established, 30, TimeUnit.SECONDS);
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream().anyMatch(WidgetCrd::isEstablished);
    }

    private static boolean isEstablished(CustomResourceDefinitionCondition c) {
        return "Established".equals(c.getType()) && "True".equals(c.getStatus());
    }

    /** An unstructured Widget with {@code spec.message}. */
    static GenericKubernetesResource widget(String namespace, String name, String message) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION).withKind(KIND)
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("message", message, "size", 1)))
                .build();
    }

    /** {@code spec.message} of an unstructured Widget, or null. */
    static String message(GenericKubernetesResource widget) {
        return widget == null ? null : widget.get("spec", "message");
    }
}
