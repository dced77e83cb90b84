package io.capj.apiserver.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.List;

/** A finished response: status code, content type, body and warning headers. */
public final class Reply {
    private final int code;
    private final String contentType;
    private final byte[] body;
    private final List<String> warnings = new ArrayList<>();

    private Reply(int code, String contentType, byte[] body) {
        this.code = code;
        this.contentType = contentType;
        this.body = body;
    }

    public static Reply json(int code, JsonNode body) {
        return new Reply(code, MediaTypes.JSON, Json.bytes(body));
    }

    public static Reply json(int code, JsonNode body, String contentType) {
        return new Reply(code, contentType, Json.bytes(body));
    }

    public static Reply raw(int code, String contentType, byte[] body) {
        return new Reply(code, contentType, body);
    }

    public static Reply text(int code, String text) {
        return new Reply(code, "text/plain; charset=utf-8", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Reply warn(List<String> texts) {
        warnings.addAll(texts);
        return this;
    }

    public int code() {
        return code;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public List<String> warnings() {
        return warnings;
    }
}
