package io.capj.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Core v1 Pods and their {@code eviction} subresource, through fabric8 and raw HTTPS against a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodEvictionTest {
    private static final String NS = "drain";
    private static final String PODS = "/api/v1/namespaces/" + NS + "/pods";

    private ApiServer server;
    private KubernetesClient client;
    private HttpApi api;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = ApiServer.builder().dataDir(dir).port(0).storeUrl("memory://").build().start();
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(server.adminKubeconfig())))
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
        api = new HttpApi(server);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    private Pod createPod(String name, String node) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("app").withImage("busybox").endContainer()
                .endSpec().build();
        return client.pods().inNamespace(NS).resource(pod).create();
    }

    @Test
    void evictionDeletesThePodAndAnswersSuccess() {
        createPod("evict-me", "node-a");
        assertThat(client.pods().inNamespace(NS).withName("evict-me").evict()).isTrue();
        assertThat(client.pods().inNamespace(NS).withName("evict-me").get()).isNull();
    }

    @Test
    void evictionOfAMissingPodIsNotFound() {
        // fabric8 answers false only for 429 (a disruption budget); a missing pod surfaces as the 404 itself
        assertThatThrownBy(() -> client.pods().inNamespace(NS).withName("no-such-pod").evict())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        HttpApi.Answer raw = api.post(PODS + "/no-such-pod/eviction", eviction("no-such-pod", ""));
        assertThat(raw.code()).isEqualTo(404);
        assertThat(raw.body().path("reason").asText()).isEqualTo("NotFound");
    }

    @Test
    void evictionBodyMustNameThePodAndHonoursItsDeleteOptions() {
        createPod("guarded", "node-a");
        HttpApi.Answer mismatch = api.post(PODS + "/guarded/eviction", eviction("other", ""));
        assertThat(mismatch.code()).isEqualTo(400);
        HttpApi.Answer staleUid = api.post(PODS + "/guarded/eviction",
                eviction("guarded", ",\"deleteOptions\":{\"preconditions\":{\"uid\":\"not-the-uid\"}}"));
        assertThat(staleUid.code()).isEqualTo(409);
        HttpApi.Answer dryRun = api.post(PODS + "/guarded/eviction",
                eviction("guarded", ",\"deleteOptions\":{\"dryRun\":[\"All\"],\"gracePeriodSeconds\":30}"));
        assertThat(dryRun.code()).isEqualTo(201);
        assertThat(client.pods().inNamespace(NS).withName("guarded").get()).isNotNull();
        String uid = client.pods().inNamespace(NS).withName("guarded").get().getMetadata().getUid();
        HttpApi.Answer evicted = api.post(PODS + "/guarded/eviction",
                eviction("guarded", ",\"deleteOptions\":{\"preconditions\":{\"uid\":\"" + uid + "\"}}"));
        assertThat(evicted.code()).isEqualTo(201);
        assertThat(evicted.body().path("kind").asText()).isEqualTo("Status");
        assertThat(evicted.body().path("status").asText()).isEqualTo("Success");
        assertThat(client.pods().inNamespace(NS).withName("guarded").get()).isNull();
    }

    @Test
    void podsAreSelectableByNodeName() {
        createPod("on-b-1", "node-b");
        createPod("on-b-2", "node-b");
        createPod("on-c", "node-c");
        List<String> onB = client.pods().inAnyNamespace().withField("spec.nodeName", "node-b").list().getItems()
                .stream().map(Pod::getMetadata).map(ObjectMeta::getName).sorted().toList();
        assertThat(onB).containsExactly("on-b-1", "on-b-2");
        assertThat(client.pods().inNamespace(NS).withField("status.phase", "Running").list().getItems()).isEmpty();
        assertThat(client.pods().inNamespace(NS).withField("status.phase", "Pending").list().getItems())
                .as("a new pod without a phase is Pending").extracting(p -> p.getMetadata().getName())
                .contains("on-b-1", "on-b-2", "on-c");
    }

    @Test
    void discoveryListsPodsWithStatusAndEviction() {
        JsonNode resources = api.get("/api/v1").body().path("resources");
        JsonNode pods = find(resources, "pods");
        assertThat(pods.path("namespaced").asBoolean()).isTrue();
        assertThat(pods.path("shortNames").toString()).isEqualTo("[\"po\"]");
        assertThat(find(resources, "pods/status").path("kind").asText()).isEqualTo("Pod");
        JsonNode eviction = find(resources, "pods/eviction");
        assertThat(eviction.path("group").asText()).isEqualTo("policy");
        assertThat(eviction.path("version").asText()).isEqualTo("v1");
        assertThat(eviction.path("kind").asText()).isEqualTo("Eviction");
        assertThat(eviction.path("verbs").toString()).isEqualTo("[\"create\"]");
    }

    private static JsonNode find(JsonNode resources, String name) {
        for (JsonNode r : resources) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError(name + " not in discovery: " + resources);
    }

    private static String eviction(String name, String extra) {
        return "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"" + NS + "\"}" + extra + "}";
    }
}
