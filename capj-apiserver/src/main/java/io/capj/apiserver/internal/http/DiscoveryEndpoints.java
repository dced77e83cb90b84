package io.capj.apiserver.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.discovery.Discovery;
import io.capj.apiserver.internal.discovery.DiscoveryFormat;
import io.capj.apiserver.internal.discovery.DiscoveryNegotiation;
import io.capj.apiserver.internal.discovery.OpenApi;
import io.capj.apiserver.internal.registry.Registry;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Discovery and OpenAPI paths. Documents are built from one registry snapshot and rebuilt lazily after
 * the registry changes (a CRD applied is visible on the next request).
 */
public final class DiscoveryEndpoints {
    private final Registry registry;
    private volatile Documents documents;

    /** Discovery and OpenAPI built from the same registry snapshot. */
    private record Documents(Discovery discovery, OpenApi openApi) {
    }

    public DiscoveryEndpoints(Registry registry) {
        this.registry = registry;
        registry.onChange(() -> documents = null);
    }

    private Documents documents() {
        Documents d = documents;
        if (d == null) {
            var definitions = registry.definitions();
            d = new Documents(new Discovery(definitions), new OpenApi(definitions));
            documents = d;
        }
        return d;
    }

    private Discovery discovery() {
        return documents().discovery();
    }

    public Reply handle(ApiRequest request) {
        String path = request.path();
        if (path.equals("/openapi/v2") || path.equals("/swagger-2.0.0.pb-v1")) {
            return Reply.raw(200, OpenApi.V2_CONTENT_TYPE, OpenApi.v2Body());
        }
        if (path.equals("/openapi/v3")) {
            return Reply.json(200, documents().openApi().root());
        }
        if (path.startsWith("/openapi/v3/")) {
            byte[] doc = documents().openApi().documentBytes(path.substring("/openapi/v3/".length()))
                    .orElseThrow(StatusException::pathNotFound);
            return Reply.raw(200, MediaTypes.JSON, doc);
        }
        List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (parts.isEmpty()) {
            throw StatusException.pathNotFound();
        }
        return switch (parts.get(0)) {
            case "api" -> api(request, parts);
            case "apis" -> apis(request, parts);
            default -> throw StatusException.pathNotFound();
        };
    }

    private Reply api(ApiRequest request, List<String> parts) {
        if (parts.size() == 1) {
            DiscoveryFormat format = DiscoveryNegotiation.negotiate(request.header("Accept"));
            String host = request.header("Host");
            return Reply.json(200, discovery().api(format, host == null ? "127.0.0.1" : host), format.contentType());
        }
        if (parts.size() == 2) {
            return found(discovery().resourceList("", parts.get(1)));
        }
        throw StatusException.pathNotFound();
    }

    private Reply apis(ApiRequest request, List<String> parts) {
        return switch (parts.size()) {
            case 1 -> {
                DiscoveryFormat format = DiscoveryNegotiation.negotiate(request.header("Accept"));
                yield Reply.json(200, discovery().apis(format), format.contentType());
            }
            case 2 -> found(discovery().group(parts.get(1)));
            case 3 -> found(discovery().resourceList(parts.get(1), parts.get(2)));
            default -> throw StatusException.pathNotFound();
        };
    }

    private static Reply found(Optional<ObjectNode> doc) {
        return Reply.json(200, doc.orElseThrow(StatusException::pathNotFound));
    }
}
