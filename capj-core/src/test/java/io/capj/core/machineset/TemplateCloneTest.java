package io.capj.core.machineset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cutting a provider object from its template, as upstream's GenerateTemplate. */
class TemplateCloneTest {

    @Test
    void cloneTakesTemplateMetadataAndSpecThenAddsOwnership() {
        ObjectNode template = (ObjectNode) Json.parse("""
                {"apiVersion":"infrastructure.cluster.x-k8s.io/v1beta2","kind":"DevMachineTemplate",
                 "metadata":{"name":"workers","namespace":"ns","uid":"t-1","resourceVersion":"9"},
                 "spec":{"template":{"metadata":{"labels":{"from":"template"},"annotations":{"a":"1"}},
                                    "spec":{"image":"kindest"}}}}""");
        ObjectNode owner = Json.object().put("kind", "MachineSet").put("name", "ms");

        ObjectNode clone = TemplateClone.generate(template, "v1beta2", "ms-abcde", "ns", "c1",
                Map.of("cluster.x-k8s.io/set-name", "ms"), Map.of("b", "2"), owner);

        assertThat(clone.path("kind").asText()).isEqualTo("DevMachine");
        assertThat(clone.path("apiVersion").asText()).isEqualTo("infrastructure.cluster.x-k8s.io/v1beta2");
        assertThat(clone.at("/metadata/name").asText()).isEqualTo("ms-abcde");
        assertThat(clone.at("/metadata/resourceVersion").isMissingNode()).isTrue();
        assertThat(clone.at("/metadata/labels")).isEqualTo(Json.parse(
                "{\"from\":\"template\",\"cluster.x-k8s.io/set-name\":\"ms\","
                        + "\"cluster.x-k8s.io/cluster-name\":\"c1\"}"));
        assertThat(clone.at("/metadata/annotations")).isEqualTo(Json.parse("{\"a\":\"1\",\"b\":\"2\","
                + "\"cluster.x-k8s.io/cloned-from-name\":\"workers\","
                + "\"cluster.x-k8s.io/cloned-from-groupkind\":"
                + "\"DevMachineTemplate.infrastructure.cluster.x-k8s.io\"}"));
        assertThat(clone.at("/metadata/ownerReferences/0")).isEqualTo(owner);
        assertThat(clone.at("/spec/image").asText()).isEqualTo("kindest");
    }

    @Test
    void kindLosesOnlyATemplateSuffix() {
        assertThat(TemplateClone.clonedKind("KubeadmConfigTemplate")).isEqualTo("KubeadmConfig");
        assertThat(TemplateClone.clonedKind("TemplateThing")).isEqualTo("TemplateThing");
    }
}
