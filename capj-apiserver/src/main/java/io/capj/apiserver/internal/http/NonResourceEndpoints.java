package io.capj.apiserver.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import java.util.function.BooleanSupplier;

/**
 * Paths that are not resources: health probes, {@code /version}, discovery and OpenAPI documents.
 */
public final class NonResourceEndpoints {
    private final DiscoveryEndpoints discovery;
    private final RequestMetrics metrics;
    private final BooleanSupplier ready;

    public NonResourceEndpoints(DiscoveryEndpoints discovery, RequestMetrics metrics, BooleanSupplier ready) {
        this.discovery = discovery;
        this.metrics = metrics;
        this.ready = ready;
    }

    public Reply handle(ApiRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        String path = request.path();
        return switch (path) {
            case "/healthz", "/livez" -> Reply.text(200, "ok");
            case "/readyz" -> ready.getAsBoolean() ? Reply.text(200, "ok") : Reply.text(503, "not ready");
            case "/version" -> Reply.json(200, version());
            case "/metrics" -> Reply.raw(200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.render().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> discovery.handle(request);
        };
    }

    static ObjectNode version() {
        ObjectNode v = Json.object();
        v.put("major", "1").put("minor", "33").put("gitVersion", "v1.33.0-capj")
                .put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean")
                .put("buildDate", "2026-11-24T00:00:00Z").put("goVersion", "java" + Runtime.version().feature())
                .put("compiler", "capj").put("platform", "linux/amd64");
        return v;
    }
}
