package io.capj.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.testkit.Await;
import io.capj.testkit.CapjServer;
import io.capj.testkit.CapjServerHandle;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Version resolution against CRDs stored by the real embedded API server: a small test-only provider kind
 * carrying the contract label is installed, read back by its contract-mandated name, resolved, and an
 * object of the resolved version is read through the matching contract's paths.
 */
@CapjServer
class StoredCrdResolutionTest {
    private static final String GROUP = "infrastructure.test.capj.io";

    @Test
    void resolvesTheV1beta2ContractFromAStoredCrd(CapjServerHandle server) {
        KubernetesClient client = server.client();
        install(client, "TestMachine", Map.of("cluster.x-k8s.io/v1beta2", "v1beta1_v1beta2"));

        ContractVersion.Resolved resolved = ContractVersion.resolve(storedCrd(server, "TestMachine"));

        assertThat(resolved.crdName()).isEqualTo("testmachines." + GROUP);
        assertThat(resolved.contract()).isEqualTo("v1beta2");
        assertThat(resolved.apiVersion()).isEqualTo(GROUP + "/v1beta2");
        JsonNode machine = createAndRead(client, resolved.apiVersion(), "TestMachine", "m-1",
                "{'spec':{'providerID':'test://m-1'},'status':{'ready':false,"
                        + "'initialization':{'provisioned':true},'failureDomain':'fd-2'}}");
        InfraMachineContract contract = InfraMachineContract.forContract(resolved.contract());
        assertThat(contract.providerID().get(machine)).contains("test://m-1");
        assertThat(contract.provisioned().get(machine)).contains(true);
        assertThat(contract.failureDomain().get(machine)).contains("fd-2");
    }

    @Test
    void fallsBackToTheV1beta1ContractAndItsPaths(CapjServerHandle server) {
        KubernetesClient client = server.client();
        install(client, "LegacyMachine", Map.of("cluster.x-k8s.io/v1beta1", "v1beta1"));

        ContractVersion.Resolved resolved = ContractVersion.resolve(storedCrd(server, "LegacyMachine"));

        assertThat(resolved.contract()).isEqualTo("v1beta1");
        assertThat(resolved.apiVersion()).isEqualTo(GROUP + "/v1beta1");
        JsonNode machine = createAndRead(client, resolved.apiVersion(), "LegacyMachine", "m-1",
                "{'spec':{'providerID':'test://m-1','failureDomain':'fd-1'},'status':{'ready':true}}");
        InfraMachineContract contract = InfraMachineContract.forContract(resolved.contract());
        assertThat(contract.provisioned().get(machine)).contains(true);
        assertThat(contract.deprecatedFailureDomain().get(machine)).contains("fd-1");
    }

    @Test
    void rejectsAStoredCrdWithoutTheContractLabel(CapjServerHandle server) {
        install(server.client(), "UnlabelledMachine", Map.of("app", "test"));

        assertThatThrownBy(() -> ContractVersion.resolve(storedCrd(server, "UnlabelledMachine")))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("for CRD unlabelledmachines." + GROUP)
                .hasMessageContaining("cluster.x-k8s.io/v1beta2, cluster.x-k8s.io/v1beta1 are missing or empty");
    }

    /** Installs a namespaced kind serving v1beta1 and v1beta2 (storage) under {@link #GROUP}. */
    private static void install(KubernetesClient client, String kind, Map<String, String> labels) {
        String plural = kind.toLowerCase() + "s";
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(ContractVersion.crdName(GROUP, kind)).withLabels(labels).endMetadata()
                .withNewSpec().withGroup(GROUP).withScope("Namespaced")
                .withNewNames().withKind(kind).withPlural(plural).withSingular(kind.toLowerCase())
                .withListKind(kind + "List").endNames()
                .withVersions(version("v1beta1", false), version("v1beta2", true))
                .endSpec().build();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        Await.until(Duration.ofSeconds(30), () -> {
            try {
                return client.genericKubernetesResources(GROUP + "/v1beta2", kind).inNamespace("default").list()
                        != null;
            } catch (RuntimeException notYetServed) {
                return false;
            }
        }, kind + " to be served");
    }

    private static CustomResourceDefinitionVersion version(String name, boolean storage) {
        return new CustomResourceDefinitionVersionBuilder().withName(name).withServed(true).withStorage(storage)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema().build();
    }

    /** The CRD exactly as the server stores and returns it, fetched by the contract-mandated name. */
    private static JsonNode storedCrd(CapjServerHandle server, String kind) {
        String raw = server.client().raw(server.url() + "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
                + ContractVersion.crdName(GROUP, kind));
        assertThat(raw).as("stored CRD for %s", kind).isNotNull();
        return Json.parse(raw);
    }

    private static JsonNode createAndRead(KubernetesClient client, String apiVersion, String kind, String name,
            String singleQuotedBody) {
        ObjectNode body = Trees.obj(singleQuotedBody);
        body.put("apiVersion", apiVersion);
        body.put("kind", kind);
        body.putObject("metadata").put("namespace", "default").put("name", name);
        GenericKubernetesResource resource = Json.MAPPER.convertValue(body, GenericKubernetesResource.class);
        client.genericKubernetesResources(apiVersion, kind).inNamespace("default").resource(resource).create();
        GenericKubernetesResource stored =
                client.genericKubernetesResources(apiVersion, kind).inNamespace("default").withName(name).get();
        return Json.MAPPER.valueToTree(stored);
    }
}
