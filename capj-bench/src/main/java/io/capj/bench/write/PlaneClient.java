package io.capj.bench.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * A JSON-over-HTTPS client of the plane on {@link java.net.http.HttpClient}: HTTP/2 negotiated by ALPN,
 * TLS with the admin client certificate. One instance holds one connection; it is safe to share between
 * threads (then requests are multiplexed as HTTP/2 streams).
 */
public final class PlaneClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;

    public PlaneClient(URI base, SSLContext tls) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The underlying client, for streaming requests. */
    public HttpClient http() {
        return http;
    }

    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** A POST of a JSON body, ready to send; reused by the load loop so building it is cheap. */
    public HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    /** Sends {@code request}, returning the response whatever its status. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    /** GETs {@code path} as JSON. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build());
    }

    /** POSTs {@code json} to {@code path} and requires one of {@code expected}; returns the body. */
    public String create(String path, String json, int... expected) {
        HttpResponse<String> response = send(post(path, json));
        for (int code : expected) {
            if (response.statusCode() == code) {
                return response.body();
            }
        }
        throw new IllegalStateException("POST " + path + " returned " + response.statusCode() + ": "
                + abbreviate(response.body()));
    }

    static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
