package io.capj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apiserver.ApiServer;
import io.capj.apimachinery.admission.AdmissionHooks;
import io.capj.apiserver.security.TlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real embedded API server (memory store) with {@link CapiCrds#all()} installed, reached over HTTPS as
 * cluster-admin. Started once per test run by {@link CapiServerExtension}.
 */
public final class ServedApi implements AutoCloseable {
    static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";
    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final Path dataDir;
    private final ApiServer server;
    private final HttpClient http;

    private ServedApi(Path dataDir, AdmissionHooks hooks) {
        this.dataDir = dataDir;
        this.server = ApiServer.builder().dataDir(dataDir).port(0).storeUrl("memory://").admissionHooks(hooks)
                .build().start();
        this.http = HttpClient.newBuilder().sslContext(TlsSettings.adminClientContext(server.internals().pki()))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Starts a server and creates every CRD, failing loudly if the server refuses one. */
    public static ServedApi start() {
        return start(AdmissionHooks.NONE);
    }

    /** As {@link #start()}, with in-process admission hooks (webhooks) for some kinds. */
    public static ServedApi start(AdmissionHooks hooks) {
        try {
            ServedApi api = new ServedApi(Files.createTempDirectory("capj-api-test"), hooks);
            for (ObjectNode crd : CapiCrds.all()) {
                Reply reply = api.send("POST", CRDS, "application/json", Json.string(crd), "application/json");
                if (reply.code() != 201) {
                    api.close();
                    throw new IllegalStateException("CRD " + crd.at("/metadata/name").asText() + " refused: "
                            + reply.code() + " " + reply.body());
                }
            }
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The collection path of a namespaced kind: {@code /apis/<apiVersion>/namespaces/<namespace>/<plural>}. */
    public static String collection(String apiVersion, String namespace, String plural) {
        return "/apis/" + apiVersion + "/namespaces/" + namespace + "/" + plural;
    }

    /** A status code and a JSON body. */
    public record Reply(int code, JsonNode body) {
    }

    public Reply get(String path) {
        return send("GET", path, null, null, "application/json");
    }

    public Reply table(String path) {
        return send("GET", path, null, null, TABLE);
    }

    public Reply post(String path, JsonNode body) {
        return send("POST", path, "application/json", Json.string(body), "application/json");
    }

    public Reply put(String path, JsonNode body) {
        return send("PUT", path, "application/json", Json.string(body), "application/json");
    }

    public Reply mergePatch(String path, String body) {
        return send("PATCH", path, "application/merge-patch+json", body, "application/json");
    }

    /** Creates a namespace, tolerating one that already exists. */
    public void namespace(String name) {
        ObjectNode ns = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
        ns.putObject("metadata").put("name", name);
        int code = post("/api/v1/namespaces", ns).code();
        if (code != 201 && code != 409) {
            throw new IllegalStateException("namespace " + name + " not created: " + code);
        }
    }

    private Reply send(String method, String path, String contentType, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? Json.object() : Json.parse(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to delete " + dataDir, e);
        }
    }
}
