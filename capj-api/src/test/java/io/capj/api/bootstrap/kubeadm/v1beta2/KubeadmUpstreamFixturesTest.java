package io.capj.api.bootstrap.kubeadm.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.CapiServerExtension;
import io.capj.api.ServedApi;
import io.capj.api.UpstreamFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream's templates apply unmodified: their KubeadmConfigTemplates are created as written, and every
 * {@code kubeadmConfigSpec} of their KubeadmControlPlane(Template)s (the same type) is accepted as the spec of
 * a KubeadmConfig.
 */
@ExtendWith(CapiServerExtension.class)
class KubeadmUpstreamFixturesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "e2e__data__infrastructure-docker__main__bases__md.yaml",
            "e2e__data__infrastructure-docker__main__bases__cluster-with-kcp.yaml",
            "infrastructure__docker__templates__clusterclass-in-memory.yaml",
            "infrastructure__docker__templates__clusterclass-quick-start.yaml"})
    void upstreamKubeadmObjectsAreAccepted(String file, ServedApi api) {
        String namespace = "kfx-" + Integer.toHexString(file.hashCode());
        api.namespace(namespace);
        List<ObjectNode> fixtures = UpstreamFixtures.load(file, "capi-quickstart", namespace);
        List<ObjectNode> objects = new ArrayList<>();
        for (ObjectNode object : fixtures) {
            if (object.path("apiVersion").asText().equals(BootstrapGroup.API_VERSION)) {
                objects.add(object);
            }
            for (JsonNode spec : object.findValues("kubeadmConfigSpec")) {
                ObjectNode config = KubeadmSamples.object("KubeadmConfig",
                        "from-" + object.at("/metadata/name").asText());
                config.set("spec", spec.deepCopy());
                objects.add(config);
            }
        }
        assertThat(objects).as("kubeadm objects in " + file).isNotEmpty();

        for (ObjectNode object : objects) {
            String plural = object.path("kind").asText().equals("KubeadmConfig") ? "kubeadmconfigs"
                    : "kubeadmconfigtemplates";
            ServedApi.Reply created = api.post(ServedApi.collection(BootstrapGroup.API_VERSION, namespace, plural), object);
            assertThat(created.code()).as(object + " from " + file + ": " + created.body()).isEqualTo(201);
            assertThat(created.body().path("spec")).as("nothing pruned").isEqualTo(object.path("spec"));
        }
    }
}
