package io.capj.bench.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capj.apiserver.ApiServer;
import io.capj.apiserver.security.TlsSettings;
import io.capj.bench.write.WriteBenchOptions.StoreKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * One API server under test, started on a random port in a private data directory that is deleted on
 * close, with the {@link BenchItemKind} definition applied and a namespace to create into. Hands out
 * {@link PlaneClient}s that authenticate with the admin client certificate.
 */
public final class BenchPlane implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ESTABLISH_TIMEOUT_MILLIS = 30_000;

    private final Path dataDir;
    private final ApiServer server;
    private final SSLContext tls;
    private final PlaneClient admin;

    private BenchPlane(Path dataDir, ApiServer server) {
        this.dataDir = dataDir;
        this.server = server;
        this.tls = TlsSettings.adminClientContext(server.internals().pki());
        this.admin = newClient();
    }

    /** Starts a server on {@code store} in a fresh directory under {@code workDir}. */
    public static BenchPlane start(StoreKind store, Path workDir) {
        Path dir;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, "capj-write-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory in " + workDir, e);
        }
        ApiServer server = ApiServer.builder().dataDir(dir).port(0).storeUrl(store.url(dir)).build().start();
        return new BenchPlane(dir, server);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A new client with its own HTTP/2 connection. */
    public PlaneClient newClient() {
        return new PlaneClient(URI.create(server.url() + "/"), tls);
    }

    /** Creates the CRD and waits until the new resource answers (Established, served). */
    public void defineKind() {
        admin.create("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", BenchItemKind.definitionJson(), 201);
        long deadline = System.currentTimeMillis() + ESTABLISH_TIMEOUT_MILLIS;
        while (admin.get(BenchItemKind.collectionPath("default")).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("CRD " + BenchItemKind.PLURAL + "." + BenchItemKind.GROUP
                        + " was not served within " + ESTABLISH_TIMEOUT_MILLIS + " ms");
            }
            pause(50);
        }
    }

    /** Creates namespace {@code name}. */
    public void createNamespace(String name) {
        admin.create("/api/v1/namespaces",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}", 201);
    }

    /** The list resourceVersion of the namespace's BenchItems: a watch from here sees every later create. */
    public String listRevision(String namespace) {
        return readList(BenchItemKind.collectionPath(namespace) + "?limit=1").path("metadata")
                .path("resourceVersion").asText();
    }

    /** Counts the namespace's BenchItems by paging through a full list ({@code limit=500} + continue). */
    public long countItems(String namespace) {
        long items = 0;
        String token = "";
        do {
            String query = "?limit=500" + (token.isEmpty() ? "" : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            JsonNode page = readList(BenchItemKind.collectionPath(namespace) + query);
            items += page.path("items").size();
            token = page.path("metadata").path("continue").asText("");
        } while (!token.isEmpty());
        return items;
    }

    private JsonNode readList(String path) {
        HttpResponse<String> response = admin.get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " returned " + response.statusCode() + ": "
                    + PlaneClient.abbreviate(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " returned unparseable JSON", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("write-bench: could not delete " + root + ": " + e.getMessage());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the CRD", e);
        }
    }
}
