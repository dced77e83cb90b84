package io.capj.runtime;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;

/** A small test-only kind with a status subresource, known to the runtime only as unstructured data. */
final class Widgets {
    static final ResourceKind<GenericKubernetesResource> KIND =
            ResourceKind.generic("test.capj.io", "v1", "Widget", "widgets", true);

    private Widgets() {
    }

    /** Installs the Widget CRD (idempotent) and waits until the API server serves it. */
    static void install(KubernetesClient client) {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("widgets.test.capj.io").endMetadata()
                .withNewSpec().withGroup("test.capj.io").withScope("Namespaced")
                .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget")
                .withListKind("WidgetList").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSubresources().withNewStatus().endStatus().endSubresources()
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema()
                .endVersion().endSpec().build();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> client.genericKubernetesResources(KIND.definitionContext()).inAnyNamespace().list() != null);
    }

    static GenericKubernetesResource widget(String namespace, String name, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion("test.capj.io/v1").withKind("Widget")
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .addToAdditionalProperties("spec", spec).build();
    }
}
