package io.capj.e2e.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java Operator SDK 5.2.3 operator, unmodified, against the real server. JOSDK 5 talks to the API almost only
 * through server-side apply: it adds its finalizer by applying a partial object (name, namespace, finalizers),
 * writes status by applying to {@code /status} with {@code force=true}, and compares what it owns through
 * {@code metadata.managedFields}. The test asserts the resulting state of the object, not the calls.
 */
class OperatorSdkTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static EmbeddedPlane plane;
    private static KubernetesClient client;

    @BeforeAll
    static void startServer() {
        plane = EmbeddedPlane.start(dataDir);
        client = plane.fabric8();
        WidgetCrd.install(client);
    }

    @AfterAll
    static void stopServer() {
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void operatorAddsFinalizerAppliesStatusAndCleansUpOnDelete() {
        String ns = EmbeddedPlane.createNamespace(client, "josdk");
        WidgetReconciler reconciler = new WidgetReconciler();
        List<Throwable> informerFailures = new CopyOnWriteArrayList<>();
        // JOSDK's default reaction to a stopped informer is System.exit(1), which would kill the test JVM;
        // record the failure instead so the test reports it.
        Operator operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .checkingCRDAndValidateLocalModel(false)
                .withInformerStoppedHandler((informer, cause) -> informerFailures.add(cause)));
        RegisteredController<Widget> controller = operator.register(reconciler, c -> c.settingNamespaces(ns));
        String finalizer = controller.getConfiguration().getFinalizerName();
        String fieldManager = controller.getConfiguration().fieldManager();
        try {
            operator.start();
            Resource<Widget> widget = client.resources(Widget.class).inNamespace(ns).withName("w1");
            client.resources(Widget.class).inNamespace(ns).resource(newWidget(ns, "w1", "hello")).create();

            ConditionFactory eventually = await().atMost(PATIENCE)
                    .failFast("an operator informer stopped", () -> !informerFailures.isEmpty());
            eventually.untilAsserted(() -> {
                Widget current = widget.get();
                assertThat(current.getMetadata().getFinalizers()).containsExactly(finalizer);
                assertThat(current.getStatus()).isNotNull();
                assertThat(current.getStatus().getObserved()).isEqualTo("hello");
            });
            Widget reconciled = widget.get();
            assertThat(reconciled.getMetadata().getGeneration())
                    .as("finalizer and status writes leave generation alone (JOSDK reconciles on generation)")
                    .isEqualTo(1L);
            assertAppliedBy(reconciled, fieldManager, "", List.of("f:metadata", "f:finalizers"),
                    "v:\"" + finalizer + "\"");
            assertAppliedBy(reconciled, fieldManager, "status", List.of("f:status"), "f:observed");

            widget.edit(w -> {
                w.getSpec().setMessage("again");
                return w;
            });
            eventually.untilAsserted(() -> assertThat(widget.get().getStatus().getObserved()).isEqualTo("again"));
            assertThat(widget.get().getMetadata().getGeneration()).isEqualTo(2L);

            widget.delete();
            eventually.untilAsserted(() -> assertThat(widget.get()).isNull());
            assertThat(reconciler.cleanedUp).containsExactly("w1");
        } finally {
            operator.stop();
        }
    }

    private static Widget newWidget(String ns, String name, String message) {
        Widget w = new Widget();
        w.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        WidgetSpec spec = new WidgetSpec();
        spec.setMessage(message);
        spec.setSize(1);
        w.setSpec(spec);
        return w;
    }

    /**
     * Asserts that {@code manager} owns, through an {@code Apply} entry for {@code subresource} (empty for the
     * main resource), the FieldsV1 key {@code leaf} under {@code path}: the shape JOSDK's SSA matcher reads.
     */
    private static void assertAppliedBy(Widget widget, String manager, String subresource, List<String> path,
                                        String leaf) {
        assertThat(widget.getMetadata().getManagedFields())
                .as("managedFields of %s", widget.getMetadata().getName())
                .anySatisfy(entry -> {
                    assertThat(entry.getManager()).isEqualTo(manager);
                    assertThat(entry.getOperation()).isEqualTo("Apply");
                    assertThat(entry.getSubresource() == null ? "" : entry.getSubresource()).isEqualTo(subresource);
                    assertThat(entry.getFieldsType()).isEqualTo("FieldsV1");
                    assertThat(fieldsAt(entry, path)).containsKey(leaf);
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fieldsAt(ManagedFieldsEntry entry, List<String> path) {
        Map<String, Object> node = entry.getFieldsV1().getAdditionalProperties();
        for (String key : path) {
            Object child = node.get(key);
            assertThat(child).as("FieldsV1 key %s in %s", key, node).isInstanceOf(Map.class);
            node = (Map<String, Object>) child;
        }
        return node;
    }
}
