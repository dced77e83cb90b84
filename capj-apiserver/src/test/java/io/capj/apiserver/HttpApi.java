package io.capj.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.Json;
import io.capj.apiserver.security.TlsSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A tiny HTTPS client for tests: the admin client certificate, JSON in and out. */
final class HttpApi implements AutoCloseable {
    private final HttpClient client;
    private final String base;

    HttpApi(ApiServer server) {
        this.client = HttpClient.newBuilder().sslContext(TlsSettings.adminClientContext(server.internals().pki()))
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.base = server.url();
    }

    /** A reply: status code, body as JSON (or text wrapped in a JSON string), and headers. */
    record Answer(int code, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = r.body().isEmpty() ? Json.object() : Json.parse(r.body());
            } catch (RuntimeException e) {
                json = Json.NODES.textNode(r.body());
            }
            return new Answer(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    Answer put(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    Answer patch(String path, String contentType, String body) {
        return send("PATCH", path, contentType, body);
    }

    Answer delete(String path) {
        return send("DELETE", path, "application/json", "{\"propagationPolicy\":\"Background\"}");
    }

    /** Starts a chunked watch; events arrive on the returned queue as parsed JSON lines. */
    BlockingQueue<JsonNode> watch(String pathWithQuery) {
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + pathWithQuery)).GET().build();
        client.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(r -> readLines(r.body(), events));
        return events;
    }

    private static void readLines(InputStream in, BlockingQueue<JsonNode> events) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    events.add(Json.parse(line));
                }
            } catch (IOException e) {
                // stream closed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        // Java 17's HttpClient has no close; its threads are daemons and end with the JVM
    }
}
