package io.capj.apiserver.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiTest {
    private static final String CLUSTER_ITEM = "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/clusters/{name}";
    private final OpenApi openApi = new OpenApi(Fixtures.all());

    @Test
    void rootListsEveryGroupVersionWithItsHash() {
        ObjectNode root = openApi.root();
        List<String> keys = new ArrayList<>();
        root.path("paths").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("api/v1", "apis/apiextensions.k8s.io/v1", "apis/coordination.k8s.io/v1",
                "apis/cluster.x-k8s.io/v1beta2", "apis/cluster.x-k8s.io/v1beta1");
        String url = root.path("paths").path("apis/cluster.x-k8s.io/v1beta2").path("serverRelativeURL").asText();
        String hash = openApi.hash("apis/cluster.x-k8s.io/v1beta2").orElseThrow();
        assertThat(url).isEqualTo("/openapi/v3/apis/cluster.x-k8s.io/v1beta2?hash=" + hash);
        assertThat(hash).matches("[0-9A-F]{128}");
        assertThat(new OpenApi(Fixtures.all()).hash("apis/cluster.x-k8s.io/v1beta2")).contains(hash);
        assertThat(openApi.documentBytes("apis/cluster.x-k8s.io/v1beta2").orElseThrow())
                .isEqualTo(Json.bytes(openApi.document("apis/cluster.x-k8s.io/v1beta2").orElseThrow()));
        assertThat(openApi.document("apis/nope/v1")).isEmpty();
    }

    /** kubectl's field-validation probe (cli-runtime QueryParamVerifierV3), run over one document. */
    private static boolean kubectlProbeFindsFieldValidation(JsonNode doc, String group, String version, String kind) {
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            JsonNode patch = path.getValue().path("patch");
            JsonNode gvk = patch.path("x-kubernetes-group-version-kind");
            if (!patch.isObject() || !gvk.path("group").asText().equals(group)
                    || !gvk.path("version").asText().equals(version) || !gvk.path("kind").asText().equals(kind)) {
                continue;
            }
            boolean found = false;
            for (JsonNode p : patch.path("parameters")) {
                found |= p.path("name").asText().equals("fieldValidation") && p.path("in").asText().equals("query");
            }
            if (!found) {
                return false; // upstream stops at the first matching PATCH, in random map order
            }
        }
        return true;
    }

    @Test
    void customResourcePatchPassesKubectlsFieldValidationProbe() {
        JsonNode doc = openApi.document("apis/cluster.x-k8s.io/v1beta2").orElseThrow();
        assertThat(kubectlProbeFindsFieldValidation(doc, "cluster.x-k8s.io", "v1beta2", "Cluster")).isTrue();
        assertThat(kubectlProbeFindsFieldValidation(doc, "cluster.x-k8s.io", "v1beta2", "MachineDeployment")).isTrue();
        JsonNode patch = doc.path("paths").path(CLUSTER_ITEM).path("patch");
        assertThat(Json.string(patch.path("x-kubernetes-group-version-kind")))
                .isEqualTo("{\"group\":\"cluster.x-k8s.io\",\"version\":\"v1beta2\",\"kind\":\"Cluster\"}");
        assertThat(patch.path("x-kubernetes-action").asText()).isEqualTo("patch");
        assertThat(DiscoveryTest.names(patch.path("parameters"), "name"))
                .containsExactly("dryRun", "fieldManager", "fieldValidation", "force");
        assertThat(fieldNames(patch.path("requestBody").path("content"))).containsExactly(
                "application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml");
        assertThat(patch.path("requestBody").path("required").asBoolean()).isTrue();
    }

    @Test
    void coreKindsDoNotAdvertiseStrategicMergePatch() {
        JsonNode doc = openApi.document("api/v1").orElseThrow();
        JsonNode patch = doc.path("paths").path("/api/v1/namespaces/{namespace}/configmaps/{name}").path("patch");
        assertThat(patch.path("operationId").asText()).isEqualTo("patchCoreV1NamespacedConfigMap");
        assertThat(fieldNames(patch.path("requestBody").path("content")))
                .doesNotContain("application/strategic-merge-patch+json");
        assertThat(kubectlProbeFindsFieldValidation(doc, "", "v1", "ConfigMap")).isTrue();
        assertThat(Json.string(doc)).doesNotContain("strategic-merge-patch");
    }

    @Test
    void pathsOfANamespacedCustomResource() {
        JsonNode paths = openApi.document("apis/cluster.x-k8s.io/v1beta2").orElseThrow().path("paths");
        assertThat(fieldNames(paths)).containsExactly(
                "/apis/cluster.x-k8s.io/v1beta2/clusters",
                "/apis/cluster.x-k8s.io/v1beta2/machinedeployments",
                "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/clusters",
                CLUSTER_ITEM,
                CLUSTER_ITEM + "/status",
                "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/machinedeployments",
                "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/machinedeployments/{name}",
                "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/machinedeployments/{name}/scale",
                "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/machinedeployments/{name}/status");
        assertThat(fieldNames(paths.path(CLUSTER_ITEM))).containsExactly("get", "put", "delete", "patch", "parameters");
        assertThat(DiscoveryTest.names(paths.path(CLUSTER_ITEM).path("parameters"), "name"))
                .containsExactly("name", "namespace", "pretty");
        JsonNode scalePatch = paths.path("/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/machinedeployments/"
                + "{name}/scale").path("patch");
        assertThat(scalePatch.path("x-kubernetes-group-version-kind").path("kind").asText())
                .isEqualTo("MachineDeployment");
        assertThat(scalePatch.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/io.k8s.api.autoscaling.v1.Scale");
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/apis/cluster.x-k8s.io/v1beta2/clusters | get | listClusterXK8sIoV1beta2ClusterForAllNamespaces | list | list objects of kind Cluster",
            "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/clusters | post | createClusterXK8sIoV1beta2NamespacedCluster | post | create a Cluster",
            "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/clusters | delete | deleteClusterXK8sIoV1beta2CollectionNamespacedCluster | deletecollection | delete collection of Cluster",
            "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/clusters/{name} | get | readClusterXK8sIoV1beta2NamespacedCluster | get | read the specified Cluster",
            "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/clusters/{name}/status | patch | patchClusterXK8sIoV1beta2NamespacedClusterStatus | patch | partially update status of the specified Cluster",
            "/apis/cluster.x-k8s.io/v1beta2/namespaces/{namespace}/clusters/{name}/status | put | replaceClusterXK8sIoV1beta2NamespacedClusterStatus | put | replace status of the specified Cluster",
    })
    void operationNamesAndActions(String path, String method, String operationId, String action, String doc) {
        JsonNode op = openApi.document("apis/cluster.x-k8s.io/v1beta2").orElseThrow()
                .path("paths").path(path).path(method);
        assertThat(op.path("operationId").asText()).isEqualTo(operationId);
        assertThat(op.path("x-kubernetes-action").asText()).isEqualTo(action);
        assertThat(op.path("description").asText()).isEqualTo(doc);
        assertThat(op.path("tags").get(0).asText()).isEqualTo("clusterXK8sIo_v1beta2");
    }

    @Test
    void clusterScopedBuiltinPathsAndNames() {
        JsonNode doc = openApi.document("apis/coordination.k8s.io/v1").orElseThrow();
        assertThat(doc.path("paths").path("/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases")
                .path("post").path("operationId").asText()).isEqualTo("createCoordinationV1NamespacedLease");
        JsonNode core = openApi.document("api/v1").orElseThrow().path("paths");
        assertThat(core.path("/api/v1/namespaces/{name}").path("patch").path("operationId").asText())
                .isEqualTo("patchCoreV1Namespace");
        assertThat(core.path("/api/v1/namespaces/{name}/status").path("get").path("operationId").asText())
                .isEqualTo("readCoreV1NamespaceStatus");
    }

    @Test
    void schemasAreNamedAndTaggedForKubectlExplain() {
        JsonNode schemas = openApi.document("apis/cluster.x-k8s.io/v1beta2").orElseThrow()
                .path("components").path("schemas");
        JsonNode cluster = schemas.path("io.x-k8s.cluster.v1beta2.Cluster");
        assertThat(Json.string(cluster.path("x-kubernetes-group-version-kind")))
                .isEqualTo("[{\"group\":\"cluster.x-k8s.io\",\"kind\":\"Cluster\",\"version\":\"v1beta2\"}]");
        assertThat(cluster.path("properties").path("spec").path("properties").path("paused").path("type").asText())
                .isEqualTo("boolean");
        assertThat(Json.string(cluster.path("properties").path("metadata").path("allOf")))
                .isEqualTo("[{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta\"}]");
        assertThat(cluster.path("properties").path("kind").path("description").asText()).startsWith("Kind is");
        JsonNode template = cluster.path("properties").path("spec").path("properties").path("template");
        assertThat(template.path("properties").has("metadata")).isTrue();
        assertThat(DiscoveryTest.names(template.path("required"), "x")).hasSize(2);
        assertThat(Fixtures.CLUSTER_SCHEMA.path("properties").path("metadata").has("allOf")).isFalse();

        JsonNode list = schemas.path("io.x-k8s.cluster.v1beta2.ClusterList");
        assertThat(list.path("properties").path("items").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/io.x-k8s.cluster.v1beta2.Cluster");
        assertThat(list.path("x-kubernetes-group-version-kind").get(0).path("kind").asText()).isEqualTo("ClusterList");
        assertThat(schemas.has("io.k8s.api.autoscaling.v1.Scale")).isTrue();
        assertThat(schemas.path("io.x-k8s.cluster.v1beta2.MachineDeployment")
                .path("x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
    }

    @Test
    void builtinSchemasArePermissiveAndNamedLikeUpstream() {
        JsonNode schemas = openApi.document("api/v1").orElseThrow().path("components").path("schemas");
        JsonNode configMap = schemas.path("io.k8s.api.core.v1.ConfigMap");
        assertThat(configMap.path("type").asText()).isEqualTo("object");
        assertThat(configMap.path("x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
        assertThat(schemas.has("io.k8s.api.core.v1.ConfigMapList")).isTrue();
        assertThat(schemas.has("io.k8s.api.autoscaling.v1.Scale")).isFalse();
        assertThat(openApi.document("apis/apiextensions.k8s.io/v1").orElseThrow().path("components").path("schemas")
                .has("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition")).isTrue();
    }

    @Test
    void everyReferenceResolves() {
        for (String path : List.of("api/v1", "apis/cluster.x-k8s.io/v1beta2", "apis/coordination.k8s.io/v1")) {
            JsonNode doc = openApi.document(path).orElseThrow();
            List<String> refs = new ArrayList<>();
            collectRefs(doc, refs);
            assertThat(refs).isNotEmpty();
            for (String ref : refs) {
                String name = ref.substring("#/components/schemas/".length());
                assertThat(doc.path("components").path("schemas").has(name)).as(ref).isTrue();
            }
        }
    }

    @Test
    void openApiV2IsAnEmptyProtobufDocument() {
        assertThat(OpenApi.V2_CONTENT_TYPE).isEqualTo("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
        assertThat(OpenApi.v2Body()).isEmpty();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
