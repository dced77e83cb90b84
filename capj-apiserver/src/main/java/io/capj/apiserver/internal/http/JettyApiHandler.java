package io.capj.apiserver.internal.http;

import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.security.Authenticator;
import io.capj.apiserver.security.UserInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty entry point: authenticates, turns the Jetty request into an {@link ApiRequest}, lets the
 * {@link Router} answer, and writes the reply or the stream. Errors become {@code Status} objects.
 */
public final class JettyApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(JettyApiHandler.class);
    private static final List<String> PUBLIC_PATHS = List.of("/healthz", "/readyz", "/livez", "/version");

    private final Authenticator authenticator;
    private final Router router;
    private final RequestMetrics metrics;

    public JettyApiHandler(Authenticator authenticator, Router router, RequestMetrics metrics) {
        this.authenticator = authenticator;
        this.router = router;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        ApiRequest api = null;
        try {
            api = toApiRequest(request);
            router.route(api, new JettyExchange(request, response, callback));
        } catch (StatusException e) {
            writeReply(response, callback, Reply.json(e.code(), e.toStatus()));
        } catch (RuntimeException e) {
            LOG.error("request failed method={} path={}", request.getMethod(), request.getHttpURI().getPath(), e);
            writeReply(response, callback, Reply.json(500, StatusException.internal(String.valueOf(e.getMessage())).toStatus()));
        }
        record(api, response.getStatus(), System.nanoTime() - start);
        return true;
    }

    private void record(ApiRequest api, int code, long nanos) {
        if (api == null) {
            return;
        }
        try {
            RequestInfo info = RequestInfo.parse(api.path());
            if (info != null) {
                String verb = info.verb(api.method(), api.hasParam("watch") && api.flag("watch"));
                metrics.record(verb, info.group(), info.resource(), code, verb.equals("watch") ? -1 : nanos);
            }
        } catch (StatusException e) {
            // malformed paths are answered already; they have no resource to count under
        }
    }

    private ApiRequest toApiRequest(Request request) {
        String path = request.getHttpURI().getDecodedPath();
        UserInfo user = authenticate(request).orElse(null);
        if (user == null && !PUBLIC_PATHS.contains(path)) {
            throw StatusException.unauthorized();
        }
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            query.put(f.getName(), f.getValues());
        }
        return new ApiRequest(request.getMethod(), path, query, name -> request.getHeaders().get(name),
                () -> readBody(request), user);
    }

    private Optional<UserInfo> authenticate(Request request) {
        X509Certificate[] chain = null;
        EndPoint.SslSessionData ssl = request.getConnectionMetaData().isSecure()
                ? (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) : null;
        if (ssl != null) {
            chain = ssl.peerCertificates();
        }
        return authenticator.authenticate(chain, request.getHeaders().get(HttpHeader.AUTHORIZATION));
    }

    private static byte[] readBody(Request request) {
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes(ApiRequest.MAX_BODY + 1);
            if (body.length > ApiRequest.MAX_BODY) {
                throw StatusException.tooLarge("request entity too large: limit is 3145728");
            }
            return body;
        } catch (IOException e) {
            throw StatusException.badRequest("failed to read request body: " + e.getMessage());
        }
    }

    static void writeReply(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.code());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        for (String w : reply.warnings()) {
            response.getHeaders().add("Warning", "299 - " + Json.string(Json.NODES.textNode(w)));
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /** Gives the router a way to answer once or to stream. */
    private record JettyExchange(Request request, Response response, Callback callback) implements Exchange {
        @Override
        public void reply(Reply reply) {
            writeReply(response, callback, reply);
        }

        @Override
        public OutputStream startStream(String contentType) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, private");
            try {
                // commit the headers now, as upstream does: clients' Watch() returns before the first event
                Content.Sink.write(response, false, ByteBuffer.allocate(0));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("client went away", e);
            }
            return Content.Sink.asOutputStream(response);
        }

        @Override
        public void endStream(OutputStream out, Throwable failure) {
            try {
                out.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
            if (failure == null) {
                callback.succeeded();
            } else {
                callback.failed(failure);
            }
        }

        @Override
        public boolean isWebSocketUpgrade() {
            return "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
        }

        @Override
        public Request jettyRequest() {
            return request;
        }

        @Override
        public Response jettyResponse() {
            return response;
        }

        @Override
        public Callback jettyCallback() {
            return callback;
        }
    }
}
