package io.capj.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Node metadata the Machine controller keeps in sync, as merge patches. */
class NodeMetadataSyncTest {

    private static final JsonNode MACHINE = Json.parse("""
            {"metadata":{"name":"m1","namespace":"ns",
              "labels":{"node-role.kubernetes.io/worker":"","team":"x","a.node-restriction.kubernetes.io/zone":"z",
                        "node.cluster.x-k8s.io/pool":"blue"},
              "annotations":{"node.cluster.x-k8s.io/owner":"me","other":"o"},
              "ownerReferences":[{"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"MachineSet","name":"ms",
                                  "uid":"u","controller":true}]},
             "spec":{"clusterName":"c1"}}""");

    @Test
    void managedMetadataIsLimitedToCapiDomainsAndBookkeeping() {
        assertThat(NodeMetadataSync.managedAnnotations(MACHINE)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cluster.x-k8s.io/cluster-name", "c1", "cluster.x-k8s.io/cluster-namespace", "ns",
                "cluster.x-k8s.io/machine", "m1", "cluster.x-k8s.io/owner-kind", "MachineSet",
                "cluster.x-k8s.io/owner-name", "ms", "node.cluster.x-k8s.io/owner", "me"));
        assertThat(NodeMetadataSync.managedLabels(MACHINE, true)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "node-role.kubernetes.io/worker", "", "a.node-restriction.kubernetes.io/zone", "z",
                "node.cluster.x-k8s.io/pool", "blue", "cluster.x-k8s.io/interruptible", ""));
    }

    @Test
    void patchAddsMetadataRemovesDroppedLabelsAndTheUninitializedTaint() {
        JsonNode node = Json.parse("""
                {"metadata":{"name":"n1","resourceVersion":"7",
                  "labels":{"node.cluster.x-k8s.io/old":"1","kubernetes.io/hostname":"n1"},
                  "annotations":{"cluster.x-k8s.io/labels-from-machine":"node.cluster.x-k8s.io/old"}},
                 "spec":{"taints":[{"key":"node.cluster.x-k8s.io/uninitialized","effect":"NoSchedule"},
                                   {"key":"other","effect":"NoExecute"}]}}""");

        ObjectNode patch = NodeMetadataSync.patchFor(node, NodeMetadataSync.managedAnnotations(MACHINE),
                NodeMetadataSync.managedLabels(MACHINE, false)).orElseThrow();

        assertThat(patch.at("/metadata/resourceVersion").asText()).isEqualTo("7");
        assertThat(patch.at("/metadata/labels").has("node.cluster.x-k8s.io/old")).isTrue();
        assertThat(patch.at("/metadata/labels/node.cluster.x-k8s.io~1old").isNull()).isTrue();
        assertThat(patch.at("/metadata/labels").has("kubernetes.io/hostname")).isFalse();
        assertThat(patch.at("/metadata/labels/node-role.kubernetes.io~1worker").asText()).isEmpty();
        assertThat(patch.at("/metadata/annotations/cluster.x-k8s.io~1machine").asText()).isEqualTo("m1");
        assertThat(patch.at("/metadata/annotations/cluster.x-k8s.io~1labels-from-machine").asText())
                .isEqualTo("a.node-restriction.kubernetes.io/zone,node-role.kubernetes.io/worker,node.cluster.x-k8s.io/pool");
        assertThat(patch.at("/metadata/annotations/cluster.x-k8s.io~1annotations-from-machine").asText())
                .isEqualTo("node.cluster.x-k8s.io/owner");
        assertThat(patch.at("/spec/taints").toString()).isEqualTo("[{\"key\":\"other\",\"effect\":\"NoExecute\"}]");
    }

    @Test
    void noPatchOnceInSync() {
        Map<String, String> annotations = NodeMetadataSync.managedAnnotations(MACHINE);
        Map<String, String> labels = NodeMetadataSync.managedLabels(MACHINE, false);
        ObjectNode node = (ObjectNode) Json.parse("{\"metadata\":{\"name\":\"n1\",\"resourceVersion\":\"7\"},\"spec\":{}}");
        ObjectNode patch = NodeMetadataSync.patchFor(node, annotations, labels).orElseThrow();
        ObjectNode synced = node.deepCopy();
        synced.withObject("metadata").set("labels", patch.at("/metadata/labels"));
        synced.withObject("metadata").set("annotations", patch.at("/metadata/annotations"));

        Optional<ObjectNode> again = NodeMetadataSync.patchFor(synced, annotations, labels);

        assertThat(again).isEmpty();
    }
}
