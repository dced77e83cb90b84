package io.capj.e2e.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.PatchOptions;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Kubernetes Java client (client-java 24, OkHttp, HTTP chunked line-delimited watches), unmodified,
 * against the real server: typed core API calls, a shared informer and the generic API on a custom resource.
 */
class OfficialJavaClientTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static EmbeddedPlane plane;
    private static ApiClient api;
    private static CoreV1Api core;
    private static KubernetesClient fabric8;

    @BeforeAll
    static void startServer() throws Exception {
        plane = EmbeddedPlane.start(dataDir);
        fabric8 = plane.fabric8();
        WidgetCrd.install(fabric8);
        try (Reader kubeconfig = Files.newBufferedReader(plane.kubeconfig())) {
            // Watches stay open for minutes: no read timeout, as client-java's informer examples configure.
            api = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(kubeconfig)).setReadTimeout(Duration.ZERO).build();
        }
        plane.closeBeforeServer(() -> {
            api.getHttpClient().dispatcher().executorService().shutdownNow();
            api.getHttpClient().connectionPool().evictAll();
        });
        core = new CoreV1Api(api);
    }

    @AfterAll
    static void stopServer() {
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void typedConfigMapCreateListPatchReplaceDelete() throws Exception {
        String ns = createNamespace("typed");
        // client-java's models start with empty collections, so this body carries "annotations":{},
        // "finalizers":[], "labels":{}, "ownerReferences":[] (and "binaryData":{}) as every client-java create does.
        V1ConfigMap created = core.createNamespacedConfigMap(ns, new V1ConfigMap()
                .metadata(new V1ObjectMeta().name("settings").putLabelsItem("app", "capj"))
                .putDataItem("a", "1")).execute();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
        assertThat(created.getData()).isEqualTo(Map.of("a", "1"));

        V1ConfigMapList listed = core.listNamespacedConfigMap(ns).labelSelector("app=capj").execute();
        assertThat(listed.getItems()).extracting(cm -> cm.getMetadata().getName()).containsExactly("settings");
        assertThat(listed.getMetadata().getResourceVersion()).isNotBlank();

        assertThat(patch(ns, "settings", V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, "{\"data\":{\"b\":\"2\"}}", null)
                .getData()).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(patch(ns, "settings", V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, "{\"data\":{\"a\":null}}", null)
                .getData()).isEqualTo(Map.of("b", "2"));
        assertThat(patch(ns, "settings", V1Patch.PATCH_FORMAT_JSON_PATCH,
                "[{\"op\":\"replace\",\"path\":\"/data/b\",\"value\":\"3\"}]", null).getData())
                .isEqualTo(Map.of("b", "3"));
        V1ConfigMap applied = patch(ns, "settings", V1Patch.PATCH_FORMAT_APPLY_YAML,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\"},"
                        + "\"data\":{\"c\":\"4\"}}", "capj-e2e");
        assertThat(applied.getData()).isEqualTo(Map.of("b", "3", "c", "4"));
        // client-java 24's JSON drops metadata.managedFields in both directions, so read them with fabric8:
        // the create is recorded under the User-Agent's product name, the apply under its fieldManager.
        assertThat(managers(ns, "settings"))
                .contains(tuple("Kubernetes Java Client", "Update"), tuple("capj-e2e", "Apply"));

        V1ConfigMap read = core.readNamespacedConfigMap("settings", ns).execute();
        V1ConfigMap replaced = core.replaceNamespacedConfigMap("settings", ns, read.putDataItem("d", "5")).execute();
        assertThat(replaced.getData()).containsEntry("d", "5");
        assertThat(managers(ns, "settings"))
                .as("a PUT without managedFields (client-java never sends them) keeps the recorded owners")
                .contains(tuple("capj-e2e", "Apply"));
        assertThatThrownBy(() -> core.replaceNamespacedConfigMap("settings", ns, read.putDataItem("e", "6")).execute())
                .as("PUT with a stale resourceVersion")
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));

        core.deleteNamespacedConfigMap("settings", ns).execute();
        assertThatThrownBy(() -> core.readNamespacedConfigMap("settings", ns).execute())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void sharedInformerSeesAddUpdateAndDeleteOfConfigMaps() throws Exception {
        String ns = createNamespace("informer");
        SharedInformerFactory factory = new SharedInformerFactory(api);
        SharedIndexInformer<V1ConfigMap> informer = factory.sharedIndexInformerFor(
                params -> core.listNamespacedConfigMap(ns)
                        .resourceVersion(params.resourceVersion)
                        .watch(params.watch)
                        .timeoutSeconds(params.timeoutSeconds)
                        .buildCall(null),
                V1ConfigMap.class, V1ConfigMapList.class);
        List<String> events = new CopyOnWriteArrayList<>();
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(V1ConfigMap cm) {
                events.add("add " + cm.getMetadata().getName() + " " + cm.getData());
            }

            @Override
            public void onUpdate(V1ConfigMap before, V1ConfigMap after) {
                events.add("update " + after.getMetadata().getName() + " " + before.getData() + "->" + after.getData());
            }

            @Override
            public void onDelete(V1ConfigMap cm, boolean finalStateUnknown) {
                events.add("delete " + cm.getMetadata().getName() + " " + finalStateUnknown);
            }
        });
        factory.startAllRegisteredInformers();
        try {
            await().atMost(PATIENCE).until(informer::hasSynced);
            core.createNamespacedConfigMap(ns, new V1ConfigMap().metadata(new V1ObjectMeta().name("watched"))
                    .putDataItem("k", "v1")).execute();
            await().atMost(PATIENCE).until(() -> events.contains("add watched {k=v1}"));
            patch(ns, "watched", V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, "{\"data\":{\"k\":\"v2\"}}", null);
            await().atMost(PATIENCE).until(() -> events.contains("update watched {k=v1}->{k=v2}"));
            core.deleteNamespacedConfigMap("watched", ns).execute();
            await().atMost(PATIENCE).until(() -> events.contains("delete watched false"));
            assertThat(events).containsExactly(
                    "add watched {k=v1}", "update watched {k=v1}->{k=v2}", "delete watched false");
            assertThat(informer.getIndexer().list()).isEmpty();
        } finally {
            factory.stopAllRegisteredInformers();
        }
    }

    @Test
    void genericApiCreatesReadsPatchesAppliesAndDeletesCustomResources() throws Exception {
        String ns = createNamespace("generic");
        // DynamicKubernetesApi is client-java's GenericKubernetesApi for unstructured objects; its constructor
        // registers the JSON adapter that (de)serializes DynamicKubernetesObject as the raw object.
        GenericKubernetesApi<DynamicKubernetesObject, DynamicKubernetesListObject> widgets = new DynamicKubernetesApi(
                WidgetCrd.GROUP, WidgetCrd.VERSION, WidgetCrd.PLURAL, api);

        DynamicKubernetesObject created = widgets.create(new DynamicKubernetesObject(json(
                "{\"apiVersion\":\"" + WidgetCrd.API_VERSION + "\",\"kind\":\"Widget\","
                        + "\"metadata\":{\"name\":\"g1\",\"namespace\":\"" + ns + "\"},"
                        + "\"spec\":{\"message\":\"hi\",\"size\":2},\"status\":{\"observed\":\"ignored\"}}")))
                .throwsApiException().getObject();
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(created.getRaw().has("status")).as("status is dropped on create (status subresource)").isFalse();

        assertThat(widgets.get(ns, "g1").throwsApiException().getObject().getRaw()
                .getAsJsonObject("spec").get("message").getAsString()).isEqualTo("hi");
        assertThat(widgets.list(ns).throwsApiException().getObject().getItems())
                .extracting(o -> o.getMetadata().getName()).containsExactly("g1");

        DynamicKubernetesObject patched = widgets.patch(ns, "g1", V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                new V1Patch("{\"spec\":{\"size\":3}}")).throwsApiException().getObject();
        assertThat(patched.getRaw().getAsJsonObject("spec").get("size").getAsInt()).isEqualTo(3);
        assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);

        // PUT .../status takes only the status from the body. (GenericKubernetesApi.updateStatus is not used:
        // in client-java 24.0.0 it sends a JSON Patch labelled application/json, which any API server rejects
        // with 415.)
        JsonObject statusWrite = patched.getRaw().deepCopy();
        statusWrite.add("status", json("{\"observed\":\"hi\"}"));
        statusWrite.getAsJsonObject("spec").addProperty("message", "dropped by the status endpoint");
        new CustomObjectsApi(api).replaceNamespacedCustomObjectStatus(
                WidgetCrd.GROUP, WidgetCrd.VERSION, ns, WidgetCrd.PLURAL, "g1", statusWrite).execute();
        DynamicKubernetesObject withStatus = widgets.get(ns, "g1").throwsApiException().getObject();
        assertThat(withStatus.getRaw().getAsJsonObject("status").get("observed").getAsString()).isEqualTo("hi");
        assertThat(withStatus.getRaw().getAsJsonObject("spec").get("message").getAsString()).isEqualTo("hi");
        assertThat(withStatus.getMetadata().getGeneration()).as("status writes keep generation").isEqualTo(2L);

        DynamicKubernetesObject applied = widgets.patch(ns, "g1", V1Patch.PATCH_FORMAT_APPLY_YAML,
                new V1Patch("{\"apiVersion\":\"" + WidgetCrd.API_VERSION + "\",\"kind\":\"Widget\","
                        + "\"metadata\":{\"name\":\"g1\"},\"spec\":{\"message\":\"applied\"}}"),
                new PatchOptions().fieldManager("capj-e2e").force(true)).throwsApiException().getObject();
        assertThat(applied.getRaw().getAsJsonObject("spec").get("message").getAsString()).isEqualTo("applied");

        assertThat(widgets.delete(ns, "g1").isSuccess()).isTrue();
        KubernetesApiResponse<DynamicKubernetesObject> gone = widgets.get(ns, "g1");
        assertThat(gone.getHttpStatusCode()).isEqualTo(404);
        assertThat(gone.getStatus().getReason()).isEqualTo("NotFound");
    }

    private static V1ConfigMap patch(String ns, String name, String format, String body, String fieldManager)
            throws ApiException {
        return PatchUtils.patch(V1ConfigMap.class,
                () -> core.patchNamespacedConfigMap(name, ns, new V1Patch(body))
                        .fieldManager(fieldManager)
                        .force(fieldManager == null ? null : Boolean.TRUE)
                        .buildCall(null),
                format, api);
    }

    private static List<Tuple> managers(String ns, String name) {
        return fabric8.configMaps().inNamespace(ns).withName(name).get().getMetadata().getManagedFields().stream()
                .map(e -> tuple(e.getManager(), e.getOperation())).collect(Collectors.toList());
    }

    private static String createNamespace(String prefix) throws ApiException {
        return core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().generateName(prefix + "-")))
                .execute().getMetadata().getName();
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
