package io.capj.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The API server's semantics over real HTTPS, against a real server with the memory store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTest {
    private static final String WIDGETS = "/apis/example.capj.io/v1/namespaces/default/widgets";

    private ApiServer server;
    private HttpApi api;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = ApiServer.builder().dataDir(dir).port(0).storeUrl("memory://").build().start();
        api = new HttpApi(server);
        try (InputStream in = getClass().getResourceAsStream("/apiserver/widgets-crd.json")) {
            String crd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(api.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).code()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String widget(String name, String color) {
        return "{\"apiVersion\":\"example.capj.io/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"color\":\"" + color + "\"}}";
    }

    @Test
    void customResourceIsServedRightAfterItsDefinition() {
        HttpApi.Answer created = api.post(WIDGETS, widget("w-created", "red"));
        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body().at("/metadata/generation").asInt()).isEqualTo(1);
        assertThat(created.body().at("/spec/replicas").asInt()).as("schema default").isEqualTo(1);
        assertThat(Long.parseLong(created.body().at("/metadata/resourceVersion").asText())).isPositive();
        HttpApi.Answer got = api.get(WIDGETS + "/w-created");
        assertThat(got.body().at("/metadata/uid").asText()).isEqualTo(created.body().at("/metadata/uid").asText());
    }

    @Test
    void requestsWithoutCredentialsAreUnauthorized() throws Exception {
        java.net.http.HttpClient anonymous = java.net.http.HttpClient.newBuilder()
                .sslContext(io.capj.apiserver.security.TlsSettings.clientContext(server.internals().pki())).build();
        var r = anonymous.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/v1/namespaces"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"reason\":\"Unauthorized\"");
    }

    @Test
    void specChangesBumpGenerationAndStatusIsIsolated() {
        api.post(WIDGETS, widget("w-gen", "red"));
        JsonNode afterSpec = api.patch(WIDGETS + "/w-gen", "application/merge-patch+json",
                "{\"spec\":{\"color\":\"blue\"},\"status\":{\"phase\":\"ignored\"}}").body();
        assertThat(afterSpec.at("/metadata/generation").asInt()).isEqualTo(2);
        assertThat(afterSpec.at("/status/phase").isMissingNode()).as("main endpoint ignores status").isTrue();
        JsonNode afterStatus = api.patch(WIDGETS + "/w-gen/status", "application/merge-patch+json",
                "{\"spec\":{\"color\":\"green\"},\"status\":{\"phase\":\"Ready\"}}").body();
        assertThat(afterStatus.at("/status/phase").asText()).isEqualTo("Ready");
        assertThat(afterStatus.at("/spec/color").asText()).as("status endpoint ignores spec").isEqualTo("blue");
        assertThat(afterStatus.at("/metadata/generation").asInt()).isEqualTo(2);
        JsonNode afterLabel = api.patch(WIDGETS + "/w-gen", "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}").body();
        assertThat(afterLabel.at("/metadata/generation").asInt()).as("metadata changes keep generation").isEqualTo(2);
    }

    @Test
    void staleResourceVersionConflictsAndNoOpWritesKeepIt() {
        JsonNode created = api.post(WIDGETS, widget("w-rv", "red")).body();
        String rv = created.at("/metadata/resourceVersion").asText();
        HttpApi.Answer first = api.put(WIDGETS + "/w-rv", created.toString().replace("\"red\"", "\"green\""));
        assertThat(first.code()).isEqualTo(200);
        HttpApi.Answer stale = api.put(WIDGETS + "/w-rv", created.toString());
        assertThat(stale.code()).isEqualTo(409);
        assertThat(stale.body().path("message").asText()).isEqualTo("Operation cannot be fulfilled on"
                + " widgets.example.capj.io \"w-rv\": the object has been modified; please apply your changes to the"
                + " latest version and try again");
        JsonNode current = first.body();
        HttpApi.Answer noop = api.put(WIDGETS + "/w-rv", current.toString());
        assertThat(noop.body().at("/metadata/resourceVersion").asText())
                .isEqualTo(current.at("/metadata/resourceVersion").asText()).isNotEqualTo(rv);
    }

    @Test
    void schemaViolationsAre422WithFieldCauses() {
        HttpApi.Answer bad = api.post(WIDGETS, widget("w-bad", "pink"));
        assertThat(bad.code()).isEqualTo(422);
        assertThat(bad.body().path("reason").asText()).isEqualTo("Invalid");
        assertThat(bad.body().at("/details/causes/0/field").asText()).isEqualTo("spec.color");
        assertThat(api.get(WIDGETS + "/w-bad").code()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void unknownFieldsFailUnderStrictAndWarnOtherwise() {
        String body = widget("w-strict", "red").replace("\"spec\":{", "\"spec\":{\"bogus\":1,");
        HttpApi.Answer strict = api.post(WIDGETS + "?fieldValidation=Strict", body);
        assertThat(strict.code()).isEqualTo(400);
        assertThat(strict.body().path("message").asText()).contains("unknown field \"spec.bogus\"");
        HttpApi.Answer warn = api.post(WIDGETS, body);
        assertThat(warn.code()).isEqualTo(201);
        assertThat(warn.header("Warning")).contains("unknown field \\\"spec.bogus\\\"");
        assertThat(warn.body().at("/spec/bogus").isMissingNode()).isTrue();
    }

    @Test
    void strategicMergePatchOnCustomResourcesIs415() {
        api.post(WIDGETS, widget("w-smp", "red"));
        HttpApi.Answer smp = api.patch(WIDGETS + "/w-smp", "application/strategic-merge-patch+json", "{}");
        assertThat(smp.code()).isEqualTo(415);
        assertThat(smp.body().path("message").asText()).isEqualTo("the body of the request was in an unknown format"
                + " - accepted media types include: application/json-patch+json, application/merge-patch+json,"
                + " application/apply-patch+yaml");
    }

    @Test
    void finalizersHoldDeletionUntilRemoved() {
        api.post(WIDGETS, widget("w-fin", "red").replace("\"name\":\"w-fin\"",
                "\"name\":\"w-fin\",\"finalizers\":[\"example.capj.io/hold\"]"));
        assertThat(api.delete(WIDGETS + "/w-fin").code()).isEqualTo(200);
        JsonNode held = api.get(WIDGETS + "/w-fin").body();
        assertThat(held.at("/metadata/deletionTimestamp").asText()).isNotEmpty();
        api.patch(WIDGETS + "/w-fin", "application/json-patch+json", "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
        assertThat(api.get(WIDGETS + "/w-fin").code()).isEqualTo(404);
    }

    @Test
    void deletingAnOwnerCollectsItsDependents() {
        JsonNode owner = api.post("/api/v1/namespaces/default/configmaps",
                "{\"metadata\":{\"name\":\"owner\"},\"data\":{\"a\":\"b\"}}").body();
        String dependent = widget("w-dep", "red").replace("\"name\":\"w-dep\"", "\"name\":\"w-dep\",\"ownerReferences\":"
                + "[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"owner\",\"uid\":\""
                + owner.at("/metadata/uid").asText() + "\"}]");
        assertThat(api.post(WIDGETS, dependent).code()).isEqualTo(201);
        api.delete("/api/v1/namespaces/default/configmaps/owner");
        awaitTrue(() -> api.get(WIDGETS + "/w-dep").code() == 404, "dependent collected");
    }

    @Test
    void garbageCollectionContinuesAfterCompaction() {
        JsonNode owner = api.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"after-compact\"}}")
                .body();
        server.internals().store().compact(server.internals().store().currentRevision());
        api.post(WIDGETS, widget("w-compact", "red").replace("\"name\":\"w-compact\"", "\"name\":\"w-compact\","
                + "\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"after-compact\","
                + "\"uid\":\"" + owner.at("/metadata/uid").asText() + "\"}]"));
        api.delete("/api/v1/namespaces/default/configmaps/after-compact");
        awaitTrue(() -> api.get(WIDGETS + "/w-compact").code() == 404, "dependent collected after compaction");
    }

    @Test
    void namespaceDeletionRemovesItsContentThenItself() {
        assertThat(api.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"doomed\"}}").code()).isEqualTo(201);
        api.post("/api/v1/namespaces/doomed/configmaps", "{\"metadata\":{\"name\":\"c\"}}");
        assertThat(api.delete("/api/v1/namespaces/doomed").body().at("/status/phase").asText()).isEqualTo("Terminating");
        HttpApi.Answer refused = api.post("/api/v1/namespaces/doomed/configmaps", "{\"metadata\":{\"name\":\"d\"}}");
        assertThat(refused.code()).isIn(403, 404);
        awaitTrue(() -> api.get("/api/v1/namespaces/doomed").code() == 404, "namespace gone");
        assertThat(api.get("/api/v1/namespaces/doomed/configmaps/c").code()).isEqualTo(404);
    }

    @Test
    void watchStreamsChangesInOrder() throws InterruptedException {
        String list = api.get(WIDGETS + "?labelSelector=watch%3Dme").body().at("/metadata/resourceVersion").asText();
        BlockingQueue<JsonNode> events = api.watch(WIDGETS + "?watch=true&labelSelector=watch%3Dme&resourceVersion=" + list);
        String labeled = widget("w-watch", "red").replace("\"name\":\"w-watch\"",
                "\"name\":\"w-watch\",\"labels\":{\"watch\":\"me\"}");
        api.post(WIDGETS, labeled);
        api.patch(WIDGETS + "/w-watch", "application/merge-patch+json", "{\"spec\":{\"color\":\"blue\"}}");
        api.delete(WIDGETS + "/w-watch");
        assertThat(events.poll(10, TimeUnit.SECONDS).path("type").asText()).isEqualTo("ADDED");
        JsonNode modified = events.poll(10, TimeUnit.SECONDS);
        assertThat(modified.path("type").asText()).isEqualTo("MODIFIED");
        assertThat(modified.at("/object/spec/color").asText()).isEqualTo("blue");
        assertThat(events.poll(10, TimeUnit.SECONDS).path("type").asText()).isEqualTo("DELETED");
    }

    @Test
    void watchFromCompactedRevisionGets410Event() throws InterruptedException {
        api.post(WIDGETS, widget("w-old", "red"));
        long rev = server.internals().store().currentRevision();
        server.internals().store().compact(rev);
        BlockingQueue<JsonNode> events = api.watch(WIDGETS + "?watch=true&resourceVersion=1");
        JsonNode error = events.poll(10, TimeUnit.SECONDS);
        assertThat(error.path("type").asText()).isEqualTo("ERROR");
        assertThat(error.at("/object/code").asInt()).isEqualTo(410);
        assertThat(error.at("/object/reason").asText()).isEqualTo("Expired");
    }

    @Test
    void scaleSubresourceReadsAndWritesReplicas() {
        api.post(WIDGETS, widget("w-scale", "red"));
        JsonNode scale = api.get(WIDGETS + "/w-scale/scale").body();
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(1);
        JsonNode scaled = api.patch(WIDGETS + "/w-scale/scale", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":3}}").body();
        assertThat(scaled.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(api.get(WIDGETS + "/w-scale").body().at("/spec/replicas").asInt()).isEqualTo(3);
    }

    @Test
    void serverSideApplyConflictsUntilForced() {
        String applied = widget("w-ssa", "red");
        assertThat(api.patch(WIDGETS + "/w-ssa?fieldManager=alice", "application/apply-patch+yaml", applied).code())
                .isEqualTo(201);
        HttpApi.Answer conflict = api.patch(WIDGETS + "/w-ssa?fieldManager=bob", "application/apply-patch+yaml",
                widget("w-ssa", "blue"));
        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.body().at("/details/causes/0/field").asText()).isEqualTo(".spec.color");
        HttpApi.Answer forced = api.patch(WIDGETS + "/w-ssa?fieldManager=bob&force=true",
                "application/apply-patch+yaml", widget("w-ssa", "blue"));
        assertThat(forced.code()).isEqualTo(200);
        assertThat(forced.body().at("/spec/color").asText()).isEqualTo("blue");
        assertThat(forced.body().at("/metadata/managedFields").toString()).contains("\"manager\":\"bob\"");
    }

    @Test
    void orphanPropagationKeepsDependentsWithoutTheOwnerReference() {
        JsonNode owner = api.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"orphaner\"}}").body();
        api.post(WIDGETS, widget("w-orphan", "red").replace("\"name\":\"w-orphan\"", "\"name\":\"w-orphan\","
                + "\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"orphaner\",\"uid\":\""
                + owner.at("/metadata/uid").asText() + "\"}]"));
        api.send("DELETE", "/api/v1/namespaces/default/configmaps/orphaner", "application/json",
                "{\"propagationPolicy\":\"Orphan\"}");
        awaitTrue(() -> api.get("/api/v1/namespaces/default/configmaps/orphaner").code() == 404, "owner gone");
        JsonNode dependent = api.get(WIDGETS + "/w-orphan").body();
        assertThat(dependent.at("/metadata/ownerReferences").isMissingNode()).isTrue();
    }

    @Test
    void foregroundPropagationDeletesDependentsBeforeTheOwner() {
        JsonNode owner = api.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"fg-owner\"}}").body();
        api.post(WIDGETS, widget("w-fg", "red").replace("\"name\":\"w-fg\"", "\"name\":\"w-fg\","
                + "\"finalizers\":[\"example.capj.io/hold\"],\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":"
                + "\"ConfigMap\",\"name\":\"fg-owner\",\"blockOwnerDeletion\":true,\"uid\":\""
                + owner.at("/metadata/uid").asText() + "\"}]"));
        JsonNode deleting = api.send("DELETE", "/api/v1/namespaces/default/configmaps/fg-owner", "application/json",
                "{\"propagationPolicy\":\"Foreground\"}").body();
        assertThat(deleting.at("/metadata/finalizers").toString()).contains("foregroundDeletion");
        awaitTrue(() -> api.get(WIDGETS + "/w-fg").body().at("/metadata/deletionTimestamp").isTextual(),
                "dependent deleting");
        assertThat(api.get("/api/v1/namespaces/default/configmaps/fg-owner").code())
                .as("owner waits for its blocking dependent").isEqualTo(200);
        api.patch(WIDGETS + "/w-fg", "application/json-patch+json", "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
        awaitTrue(() -> api.get("/api/v1/namespaces/default/configmaps/fg-owner").code() == 404, "owner gone");
    }

    @Test
    void deletingADefinitionRemovesItsResourcesAndStopsServingThem() throws IOException {
        String crd;
        try (InputStream in = getClass().getResourceAsStream("/apiserver/widgets-crd.json")) {
            crd = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("widgets", "gadgets")
                    .replace("\"Widget\"", "\"Gadget\"").replace("widget", "gadget").replace("\"wd\"", "\"gd\"");
        }
        assertThat(api.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).code()).isEqualTo(201);
        String gadgets = "/apis/example.capj.io/v1/namespaces/default/gadgets";
        assertThat(api.post(gadgets, widget("g1", "red").replace("Widget", "Gadget")).code()).isEqualTo(201);
        api.delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.capj.io");
        awaitTrue(() -> api.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.capj.io")
                .code() == 404, "definition gone");
        assertThat(api.get(gadgets).code()).isEqualTo(404);
        assertThat(server.internals().store().count("/registry/example.capj.io/gadgets/")).isZero();
    }

    @Test
    void definitionsReportEstablished() {
        awaitTrue(() -> api.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.capj.io")
                .body().at("/status/conditions").toString().contains("\"Established\""), "Established condition");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
