package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.testkit.CapjServer;
import io.capj.testkit.CapjServerHandle;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** PatchHelper against the real API server with a CRD that has a status subresource. */
@CapjServer
class PatchHelperTest {
    private static final String NS = "patch-helper";
    private KubernetesClient client;

    @BeforeEach
    void setUp(CapjServerHandle server) {
        client = server.client();
        Widgets.install(client);
        if (client.namespaces().withName(NS).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                    .create();
        }
    }

    @Test
    void sendsOnlyChangedSpecAndMetadataAndStatusThroughItsSubresource() {
        GenericKubernetesResource created = create("w1", Map.of("size", 1, "color", "red"));
        // Someone else changes another field after our read; our patch must not revert it.
        GenericKubernetesResource other = widgets().withName("w1").get();
        other.setAdditionalProperty("spec", Map.of("size", 1, "color", "blue"));
        widgets().resource(other).update();

        GenericKubernetesResource mine = copy(created);
        PatchHelper helper = PatchHelper.snapshot(client, Widgets.KIND, mine);
        mine.getMetadata().setLabels(Map.of("team", "a"));
        spec(mine).put("size", 3);
        mine.setAdditionalProperty("status", Map.of("phase", "Provisioned"));
        helper.patch(mine);

        GenericKubernetesResource live = widgets().withName("w1").get();
        assertThat(live.getMetadata().getLabels()).containsEntry("team", "a");
        assertThat(spec(live)).containsEntry("size", 3).containsEntry("color", "blue");
        assertThat(live.get("status", "phase").toString()).isEqualTo("Provisioned");
    }

    @Test
    void optimisticLockRejectsAStaleSpecPatch() {
        GenericKubernetesResource created = create("w2", Map.of("size", 1));
        GenericKubernetesResource other = widgets().withName("w2").get();
        other.getMetadata().setLabels(Map.of("touched", "yes"));
        widgets().resource(other).update();

        GenericKubernetesResource mine = copy(created);
        PatchHelper helper = PatchHelper.snapshot(client, Widgets.KIND, mine).withOptimisticLock();
        spec(mine).put("size", 2);

        assertThatThrownBy(() -> helper.patch(mine)).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(e.getCode()).isEqualTo(409));
    }

    /** PatchHelper's condition merge relies on the API server honouring resourceVersion on /status patches. */
    @Test
    void statusPatchWithAStaleResourceVersionIsRejected() {
        GenericKubernetesResource created = create("w5", Map.of("size", 1));
        widgets().withName("w5").subresource("status").patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"phase\":\"A\"}}");

        String stale = "{\"metadata\":{\"resourceVersion\":\"" + created.getMetadata().getResourceVersion()
                + "\"},\"status\":{\"phase\":\"B\"}}";
        assertThatThrownBy(() -> widgets().withName("w5").subresource("status").patch(
                PatchContext.of(PatchType.JSON_MERGE), stale))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(widgets().withName("w5").get().get("status", "phase").toString()).isEqualTo("A");
    }

    /** Two writers that own different conditions, snapshotting the same version, both survive. */
    @RepeatedTest(3)
    void concurrentWritersOfDifferentConditionsDoNotClobberEachOther() throws Exception {
        String name = "w3-" + System.nanoTime();
        GenericKubernetesResource created = create(name, Map.of("size", 1));
        CyclicBarrier bothSnapshotted = new CyclicBarrier(2);

        CompletableFuture<Void> a =
                CompletableFuture.runAsync(() -> writeCondition(created, "InfraReady", bothSnapshotted));
        CompletableFuture<Void> b =
                CompletableFuture.runAsync(() -> writeCondition(created, "BootstrapReady", bothSnapshotted));
        CompletableFuture.allOf(a, b).get();

        List<Condition> conditions = conditionsOf(widgets().withName(name).get());
        assertThat(conditions).extracting(Condition::getType).containsExactlyInAnyOrder("InfraReady", "BootstrapReady");
        assertThat(conditions).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("True"));
    }

    @Test
    void removingMyConditionKeepsTheOthers() {
        GenericKubernetesResource created = create("w4", Map.of("size", 1));
        writeCondition(created, "A", null);
        writeCondition(widgets().withName("w4").get(), "B", null);

        GenericKubernetesResource mine = widgets().withName("w4").get();
        PatchHelper helper = PatchHelper.snapshot(client, Widgets.KIND, mine);
        List<Condition> conditions = conditionsOf(mine);
        Conditions.delete(conditions, "A");
        setConditions(mine, conditions);
        helper.patch(mine);

        assertThat(conditionsOf(widgets().withName("w4").get())).extracting(Condition::getType).containsExactly("B");
    }

    private void writeCondition(GenericKubernetesResource snapshot, String type, CyclicBarrier barrier) {
        GenericKubernetesResource mine = copy(snapshot);
        PatchHelper helper = PatchHelper.snapshot(client, Widgets.KIND, mine);
        List<Condition> conditions = conditionsOf(mine);
        Conditions.set(conditions, Conditions.of(type, Conditions.TRUE, "Provisioned", ""), 1);
        setConditions(mine, conditions);
        try {
            if (barrier != null) {
                barrier.await();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        helper.patch(mine);
    }

    private List<Condition> conditionsOf(GenericKubernetesResource object) {
        Object raw = object.getAdditionalProperties().get("status");
        if (!(raw instanceof Map<?, ?> status) || status.get("conditions") == null) {
            return new ArrayList<>();
        }
        Condition[] parsed =
                client.getKubernetesSerialization().convertValue(status.get("conditions"), Condition[].class);
        return new ArrayList<>(List.of(parsed));
    }

    @SuppressWarnings("unchecked")
    private void setConditions(GenericKubernetesResource object, List<Condition> conditions) {
        Object raw = object.getAdditionalProperties().get("status");
        Map<String, Object> status =
                raw instanceof Map<?, ?> m ? new HashMap<>((Map<String, Object>) m) : new HashMap<>();
        status.put("conditions", client.getKubernetesSerialization().convertValue(conditions, List.class));
        object.setAdditionalProperty("status", status);
    }

    private GenericKubernetesResource create(String name, Map<String, Object> spec) {
        return widgets().resource(Widgets.widget(NS, name, spec)).create();
    }

    private GenericKubernetesResource copy(GenericKubernetesResource object) {
        return client.getKubernetesSerialization().clone(object);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource object) {
        Map<String, Object> spec = new HashMap<>((Map<String, Object>) object.getAdditionalProperties().get("spec"));
        object.setAdditionalProperty("spec", spec);
        return spec;
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> widgets() {
        return client.genericKubernetesResources(Widgets.KIND.definitionContext()).inNamespace(NS);
    }
}
