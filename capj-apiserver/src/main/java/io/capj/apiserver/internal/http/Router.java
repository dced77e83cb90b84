package io.capj.apiserver.internal.http;

import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.handlers.Bodies;
import io.capj.apiserver.internal.handlers.CreateHandler;
import io.capj.apiserver.internal.handlers.DeleteHandler;
import io.capj.apiserver.internal.handlers.EvictionHandler;
import io.capj.apiserver.internal.handlers.GetHandler;
import io.capj.apiserver.internal.handlers.ListHandler;
import io.capj.apiserver.internal.handlers.PatchHandler;
import io.capj.apiserver.internal.handlers.UpdateHandler;
import io.capj.apiserver.internal.handlers.WatchHandler;
import io.capj.apiserver.internal.handlers.WatchSink;
import io.capj.apiserver.internal.registry.Registry;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.registry.ResourceDefinition;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * Sends each request to the endpoint that serves it: non-resource paths (health, version, discovery,
 * OpenAPI) to {@link NonResourceEndpoints}, resource paths to the verb's handler.
 */
public final class Router {
    private final Registry registry;
    private final NonResourceEndpoints nonResource;
    private final Verbs verbs;
    private final ServerWebSocketContainer webSockets;
    private final ExecutorService streams;

    /** The verb handlers, one per verb, and the pods' eviction subresource. */
    public record Verbs(CreateHandler create, GetHandler get, ListHandler list, UpdateHandler update,
                        PatchHandler patch, DeleteHandler delete, WatchHandler watch, EvictionHandler evict) {
    }

    public Router(Registry registry, NonResourceEndpoints nonResource, Verbs verbs,
                  ServerWebSocketContainer webSockets, ExecutorService streams) {
        this.registry = registry;
        this.nonResource = nonResource;
        this.verbs = verbs;
        this.webSockets = webSockets;
        this.streams = streams;
    }

    public void route(ApiRequest request, Exchange exchange) {
        RequestInfo info = RequestInfo.parse(request.path());
        if (info == null) {
            exchange.reply(nonResource.handle(request));
            return;
        }
        if (AccessReviews.isReview(info) && request.method().equals("POST")) {
            exchange.reply(AccessReviews.handle(request, info, Bodies.tree(request)));
            return;
        }
        ResourceType type = registry.lookup(info.group(), info.version(), info.resource());
        if (type == null) {
            throw StatusException.pathNotFound();
        }
        if (info.subresource().equals("eviction")) {
            exchange.reply(verbs.evict().handle(request, info, type));
            return;
        }
        String verb = info.verb(request.method(), request.flag("watch"));
        if (verb.equals("watch")) {
            watch(request, info, type, exchange);
            return;
        }
        Reply reply = switch (verb) {
            case "get" -> verbs.get().handle(request, info, type);
            case "list" -> verbs.list().handle(request, info, type);
            case "create" -> verbs.create().handle(request, info, type);
            case "update" -> verbs.update().handle(request, info, type);
            case "patch" -> verbs.patch().handle(request, info, type);
            case "delete" -> verbs.delete().handle(request, info, type);
            case "deletecollection" -> verbs.delete().handleCollection(request, info, type);
            default -> throw StatusException.methodNotAllowed("unsupported verb " + verb);
        };
        exchange.reply(deprecationWarning(type).map(w -> reply.warn(List.of(w))).orElse(reply));
    }

    /** Upstream's warning for a deprecated version: the CRD's text, or "X is deprecated; use Y". */
    private Optional<String> deprecationWarning(ResourceType type) {
        ResourceDefinition def = type.definition();
        if (!def.deprecated()) {
            return Optional.empty();
        }
        if (def.deprecationWarning() != null) {
            return Optional.of(def.deprecationWarning());
        }
        String text = def.gvk().apiVersion() + " " + def.kind() + " is deprecated";
        return Optional.of(registry.versionsOf(type).stream()
                .filter(t -> !t.definition().deprecated())
                .sorted((a, b) -> Boolean.compare(b.definition().storageVersion(), a.definition().storageVersion()))
                .findFirst()
                .map(t -> text + "; use " + t.definition().gvk().apiVersion() + " " + t.definition().kind())
                .orElse(text));
    }

    private void watch(ApiRequest request, RequestInfo info, ResourceType type, Exchange exchange) {
        WatchHandler.Plan plan = verbs.watch().plan(request, info, type);
        if (exchange.isWebSocketUpgrade()) {
            boolean upgraded = webSockets.upgrade((rq, rs, cb) -> new WebSocketWatch(plan, streams),
                    exchange.jettyRequest(), exchange.jettyResponse(), exchange.jettyCallback());
            if (upgraded) {
                return;
            }
        }
        OutputStream out = exchange.startStream(plan.contentType());
        Throwable failure = null;
        try {
            plan.stream(new LineSink(out));
        } catch (IOException e) {
            failure = null; // the client went away: a normal end of a watch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
        exchange.endStream(out, failure);
    }

    /** Chunked HTTP: one JSON document per line. */
    private record LineSink(OutputStream out) implements WatchSink {
        @Override
        public void send(byte[] eventJson) throws IOException {
            out.write(eventJson);
            out.write('\n');
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
