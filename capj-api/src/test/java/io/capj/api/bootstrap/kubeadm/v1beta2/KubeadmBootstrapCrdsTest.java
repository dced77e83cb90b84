package io.capj.api.bootstrap.kubeadm.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.CapiServerExtension;
import io.capj.api.ServedApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kubeadm bootstrap CRDs as upstream defines them: names, labels and subresources; a spec using nearly
 * every field is stored as written; {@code kubectl get} shows upstream's columns.
 */
@ExtendWith(CapiServerExtension.class)
class KubeadmBootstrapCrdsTest {
    private static final String NS = "kubeadm-crds";

    @Test
    void definitionsCarryUpstreamNamesLabelsAndSubresources() {
        List<ObjectNode> crds = KubeadmBootstrapCrds.all();

        assertThat(crds).extracting(crd -> crd.at("/metadata/name").asText())
                .containsExactly("kubeadmconfigs.bootstrap.cluster.x-k8s.io",
                        "kubeadmconfigtemplates.bootstrap.cluster.x-k8s.io");
        for (ObjectNode crd : crds) {
            assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
            assertThat(crd.at("/spec/names/categories/0").asText()).isEqualTo("cluster-api");
            assertThat(crd.at("/spec/names/shortNames").isMissingNode()).isTrue();
            assertThat(crd.at("/metadata/labels/cluster.x-k8s.io~1v1beta2").asText()).isEqualTo("v1beta2");
            assertThat(crd.at("/metadata/labels/cluster.x-k8s.io~1v1beta1").asText()).isEqualTo("v1beta1");
        }
        assertThat(crds.get(0).at("/spec/versions/0/subresources").has("status")).isTrue();
        assertThat(crds.get(1).at("/spec/versions/0/subresources").has("status")).isFalse();
    }

    @Test
    void fullSpecIsStoredAsWritten(ServedApi api) {
        api.namespace(NS);
        ObjectNode config = KubeadmSamples.object("KubeadmConfig", "full");
        config.set("spec", KubeadmSamples.fullSpec());
        ObjectNode template = KubeadmSamples.object("KubeadmConfigTemplate", "full");
        template.putObject("spec").putObject("template").set("spec", KubeadmSamples.fullSpec());

        ServedApi.Reply createdConfig = api.post(ServedApi.collection(BootstrapGroup.API_VERSION, NS, "kubeadmconfigs"), config);
        ServedApi.Reply createdTemplate = api.post(ServedApi.collection(BootstrapGroup.API_VERSION, NS, "kubeadmconfigtemplates"), template);

        assertThat(createdConfig.code()).as(createdConfig.body().toString()).isEqualTo(201);
        assertThat(createdConfig.body().path("spec")).isEqualTo(KubeadmSamples.fullSpec());
        assertThat(createdTemplate.code()).as(createdTemplate.body().toString()).isEqualTo(201);
        assertThat(createdTemplate.body().at("/spec/template/spec")).isEqualTo(KubeadmSamples.fullSpec());
    }

    @Test
    void configTableShowsClusterAndDataSecret(ServedApi api) {
        api.namespace(NS);
        String configs = ServedApi.collection(BootstrapGroup.API_VERSION, NS, "kubeadmconfigs");
        ObjectNode config = KubeadmSamples.config("row");
        config.withObjectProperty("metadata").putObject("labels").put("cluster.x-k8s.io/cluster-name", "c1");
        assertThat(api.post(configs, config).code()).isEqualTo(201);
        ServedApi.Reply patched = api.mergePatch(configs + "/row/status", """
                {"status":{"initialization":{"dataSecretCreated":true},"dataSecretName":"row",
                 "observedGeneration":1,
                 "conditions":[{"type":"Paused","status":"False","reason":"NotPaused","message":"",
                                "lastTransitionTime":"2026-01-01T00:00:00Z"}],
                 "deprecated":{"v1beta1":{"conditions":[{"type":"Ready","status":"True",
                                "lastTransitionTime":"2026-01-01T00:00:00Z"}]}}}}""");
        assertThat(patched.code()).as(patched.body().toString()).isEqualTo(200);

        JsonNode table = api.table(configs + "?fieldSelector=metadata.name%3Drow").body();

        assertThat(columns(table, false)).containsExactly("Name", "Cluster", "Paused", "Data secret created", "Age");
        assertThat(columns(table, true)).containsExactly("Paused");
        assertThat(row(table)).containsEntry("Cluster", "c1").containsEntry("Paused", "False")
                .containsEntry("Data secret created", "true");
    }

    @Test
    void templateTableShowsOwners(ServedApi api) {
        api.namespace(NS);
        String templates = ServedApi.collection(BootstrapGroup.API_VERSION, NS, "kubeadmconfigtemplates");
        assertThat(api.post(templates, KubeadmSamples.template("owned")).code()).isEqualTo(201);

        JsonNode table = api.table(templates + "?fieldSelector=metadata.name%3Downed").body();

        assertThat(columns(table, false)).containsExactly("Name", "ClusterClass", "Cluster", "Age");
    }

    private static List<String> columns(JsonNode table, boolean wideOnly) {
        List<String> names = new ArrayList<>();
        for (JsonNode column : table.path("columnDefinitions")) {
            if (!wideOnly || column.path("priority").asInt() > 0) {
                names.add(column.path("name").asText());
            }
        }
        return names;
    }

    private static Map<String, String> row(JsonNode table) {
        assertThat(table.path("rows")).hasSize(1);
        JsonNode cells = table.path("rows").get(0).path("cells");
        Map<String, String> row = new LinkedHashMap<>();
        JsonNode columns = table.path("columnDefinitions");
        for (int i = 0; i < columns.size(); i++) {
            row.putIfAbsent(columns.get(i).path("name").asText(), cells.get(i).asText());
        }
        return row;
    }
}
