package io.capj.apiserver.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DiscoveryTest {
    private final Discovery discovery = new Discovery(Fixtures.all());

    @Test
    void legacyApiVersions() {
        assertThat(Json.string(discovery.api(DiscoveryFormat.LEGACY, "127.0.0.1:6443"))).isEqualTo(
                "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
                        + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1:6443\"}]}");
    }

    @Test
    void legacyCoreResourceListHasNoApiVersionAndListsSubresourcesAfterTheirResource() {
        ObjectNode list = discovery.resourceList("", "v1").orElseThrow();
        assertThat(list.has("apiVersion")).isFalse();
        assertThat(list.path("groupVersion").asText()).isEqualTo("v1");
        assertThat(names(list.path("resources"), "name"))
                .containsExactly("configmaps", "namespaces", "namespaces/status", "secrets");
        assertThat(Json.string(list.path("resources").get(0))).isEqualTo("{\"name\":\"configmaps\","
                + "\"singularName\":\"configmap\",\"namespaced\":true,\"kind\":\"ConfigMap\",\"verbs\":[\"create\","
                + "\"delete\",\"deletecollection\",\"get\",\"list\",\"patch\",\"update\",\"watch\"],\"shortNames\":"
                + "[\"cm\"],\"storageVersionHash\":\"" + StorageVersionHash.of("", "v1", "ConfigMap") + "\"}");
        assertThat(list.path("resources").get(3).has("shortNames")).isFalse();
    }

    @Test
    void legacyCrdResourceListWithStatusAndScale() {
        ObjectNode list = discovery.resourceList("cluster.x-k8s.io", "v1beta2").orElseThrow();
        assertThat(list.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(list.path("groupVersion").asText()).isEqualTo("cluster.x-k8s.io/v1beta2");
        JsonNode resources = list.path("resources");
        assertThat(names(resources, "name")).containsExactly("clusters", "clusters/status", "machinedeployments",
                "machinedeployments/scale", "machinedeployments/status");
        JsonNode clusters = resources.get(0);
        assertThat(clusters.path("shortNames").get(0).asText()).isEqualTo("cl");
        assertThat(clusters.path("categories").get(0).asText()).isEqualTo("cluster-api");
        assertThat(Json.string(resources.get(1))).isEqualTo("{\"name\":\"clusters/status\",\"singularName\":\"\","
                + "\"namespaced\":true,\"kind\":\"Cluster\",\"verbs\":[\"get\",\"patch\",\"update\"]}");
        assertThat(Json.string(resources.get(3))).isEqualTo("{\"name\":\"machinedeployments/scale\","
                + "\"singularName\":\"\",\"namespaced\":true,\"group\":\"autoscaling\",\"version\":\"v1\","
                + "\"kind\":\"Scale\",\"verbs\":[\"get\",\"patch\",\"update\"]}");
    }

    @Test
    void storageVersionHashIsTheStorageVersionsForEveryServedVersion() {
        String expected = StorageVersionHash.of("cluster.x-k8s.io", "v1beta2", "Cluster");
        for (String version : List.of("v1beta1", "v1beta2")) {
            JsonNode clusters = discovery.resourceList("cluster.x-k8s.io", version).orElseThrow()
                    .path("resources").get(0);
            assertThat(clusters.path("storageVersionHash").asText()).isEqualTo(expected);
        }
    }

    /** Values served by real kube-apiservers. */
    @ParameterizedTest(name = "[{index}] {0}/{1}/{2}")
    @CsvSource({"'', v1, ConfigMap, qFsyl6wFWjQ=", "'', v1, Namespace, Q3oi5N2YM8M=",
            "apps, v1, Deployment, 8aSe+NMegvE="})
    void storageVersionHashMatchesUpstream(String group, String version, String kind, String hash) {
        assertThat(StorageVersionHash.of(group, version, kind)).isEqualTo(hash);
    }

    @Test
    void legacyGroupListOrdersGroupsAndVersions() {
        ObjectNode list = discovery.apis(DiscoveryFormat.LEGACY);
        assertThat(list.path("kind").asText()).isEqualTo("APIGroupList");
        assertThat(list.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(names(list.path("groups"), "name"))
                .containsExactly("apiextensions.k8s.io", "coordination.k8s.io", "cluster.x-k8s.io");
        assertThat(Json.string(list.path("groups").get(2))).isEqualTo("{\"name\":\"cluster.x-k8s.io\",\"versions\":["
                + "{\"groupVersion\":\"cluster.x-k8s.io/v1beta2\",\"version\":\"v1beta2\"},"
                + "{\"groupVersion\":\"cluster.x-k8s.io/v1beta1\",\"version\":\"v1beta1\"}],"
                + "\"preferredVersion\":{\"groupVersion\":\"cluster.x-k8s.io/v1beta2\",\"version\":\"v1beta2\"}}");
    }

    @Test
    void legacySingleGroup() {
        ObjectNode group = discovery.group("cluster.x-k8s.io").orElseThrow();
        assertThat(group.path("kind").asText()).isEqualTo("APIGroup");
        assertThat(group.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(group.path("preferredVersion").path("version").asText()).isEqualTo("v1beta2");
    }

    @Test
    void unknownPathsAreEmpty() {
        assertThat(discovery.group("nope.example.com")).isEmpty();
        assertThat(discovery.group("")).isEmpty();
        assertThat(discovery.resourceList("cluster.x-k8s.io", "v9")).isEmpty();
        assertThat(discovery.resourceList("", "v2")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DiscoveryFormat.class, names = {"AGGREGATED_V2", "AGGREGATED_V2BETA1"})
    void aggregatedApis(DiscoveryFormat format) {
        ObjectNode doc = discovery.apis(format);
        assertThat(doc.path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
        assertThat(doc.path("apiVersion").asText()).isEqualTo(format.apiVersion());
        assertThat(Json.string(doc.path("metadata"))).isEqualTo("{}");
        JsonNode capi = doc.path("items").get(2);
        assertThat(capi.path("metadata").path("name").asText()).isEqualTo("cluster.x-k8s.io");
        assertThat(names(capi.path("versions"), "version")).containsExactly("v1beta2", "v1beta1");
        JsonNode v1beta2 = capi.path("versions").get(0);
        assertThat(v1beta2.path("freshness").asText()).isEqualTo("Current");
        assertThat(names(v1beta2.path("resources"), "resource")).containsExactly("clusters", "machinedeployments");
        assertThat(Json.string(v1beta2.path("resources").get(0))).isEqualTo("{\"resource\":\"clusters\","
                + "\"responseKind\":{\"group\":\"cluster.x-k8s.io\",\"version\":\"v1beta2\",\"kind\":\"Cluster\"},"
                + "\"scope\":\"Namespaced\",\"singularResource\":\"cluster\",\"verbs\":[\"delete\",\"deletecollection\","
                + "\"get\",\"list\",\"patch\",\"create\",\"update\",\"watch\"],\"shortNames\":[\"cl\"],"
                + "\"categories\":[\"cluster-api\"],\"subresources\":[{\"subresource\":\"status\",\"responseKind\":"
                + "{\"group\":\"cluster.x-k8s.io\",\"version\":\"v1beta2\",\"kind\":\"Cluster\"},"
                + "\"verbs\":[\"get\",\"patch\",\"update\"]}]}");
        JsonNode scale = v1beta2.path("resources").get(1).path("subresources").get(1);
        assertThat(Json.string(scale)).isEqualTo("{\"subresource\":\"scale\",\"responseKind\":{\"group\":"
                + "\"autoscaling\",\"version\":\"v1\",\"kind\":\"Scale\"},\"verbs\":[\"get\",\"patch\",\"update\"]}");
        assertThat(doc.path("items").get(1).path("versions").get(0).path("resources").get(0).path("scope").asText())
                .isEqualTo("Namespaced");
        assertThat(doc.path("items").get(0).path("versions").get(0).path("resources").get(0).path("scope").asText())
                .isEqualTo("Cluster");
    }

    @Test
    void aggregatedApiHoldsTheCoreGroupUnnamed() {
        ObjectNode doc = discovery.api(DiscoveryFormat.AGGREGATED_V2, "ignored:1");
        assertThat(doc.path("items")).hasSize(1);
        JsonNode core = doc.path("items").get(0);
        assertThat(core.path("metadata").path("name").asText()).isEmpty();
        JsonNode namespaces = core.path("versions").get(0).path("resources").get(1);
        assertThat(namespaces.path("resource").asText()).isEqualTo("namespaces");
        assertThat(namespaces.path("shortNames").get(0).asText()).isEqualTo("ns");
        assertThat(Json.string(namespaces.path("responseKind")))
                .isEqualTo("{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Namespace\"}");
    }

    @Test
    void emptySnapshotStillAnswers() {
        Discovery empty = new Discovery(List.of());
        assertThat(Json.string(empty.api(DiscoveryFormat.AGGREGATED_V2, "h:1").path("items"))).isEqualTo("[]");
        assertThat(Json.string(empty.apis(DiscoveryFormat.LEGACY).path("groups"))).isEqualTo("[]");
        assertThat(Json.string(empty.api(DiscoveryFormat.LEGACY, "h:1").path("versions"))).isEqualTo("[]");
    }

    static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }
}
