package io.capj.apiserver.internal.http;

import io.capj.apimachinery.StatusException;
import io.capj.apiserver.security.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One API request as the handlers see it, independent of the HTTP library: method, path, query,
 * headers, the body (read on first use, at most {@link #MAX_BODY} bytes) and the authenticated user.
 */
public final class ApiRequest {
    /** Upstream rejects request bodies over 3 MiB. */
    public static final int MAX_BODY = 3 * 1024 * 1024;

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Function<String, String> headers;
    private final Supplier<byte[]> bodyReader;
    private final UserInfo user;
    private byte[] body;

    public ApiRequest(String method, String path, Map<String, List<String>> query, Function<String, String> headers,
                      Supplier<byte[]> bodyReader, UserInfo user) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.bodyReader = bodyReader;
        this.user = user;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public UserInfo user() {
        return user;
    }

    public String header(String name) {
        return headers.apply(name);
    }

    /** The first value of a query parameter, or {@code ""}. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    public boolean hasParam(String name) {
        return query.containsKey(name);
    }

    /** A boolean query parameter ({@code true}/{@code 1}); anything else but empty is a 400. */
    public boolean flag(String name) {
        String v = param(name);
        if (v.isEmpty() || v.equals("false") || v.equals("0")) {
            return false;
        }
        if (v.equals("true") || v.equals("1")) {
            return true;
        }
        throw StatusException.badRequest("invalid value for " + name + ": " + v);
    }

    /** A non-negative integer query parameter, 0 when absent. */
    public long number(String name) {
        String v = param(name);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw StatusException.badRequest("invalid value for " + name + ": \"" + v + "\"");
        }
    }

    public String contentType() {
        return MediaTypes.base(header("Content-Type"));
    }

    public byte[] body() {
        if (body == null) {
            body = bodyReader.get();
        }
        return body;
    }

    public boolean dryRun() {
        List<String> values = query.getOrDefault("dryRun", List.of());
        for (String v : values) {
            if (!v.equals("All")) {
                throw StatusException.badRequest("dryRun: Unsupported value: \"" + v + "\": supported values: \"All\"");
            }
        }
        return !values.isEmpty();
    }
}
