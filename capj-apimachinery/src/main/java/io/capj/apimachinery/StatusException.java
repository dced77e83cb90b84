package io.capj.apimachinery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An API error carried as upstream's {@code Status} object: HTTP code, reason, message and details.
 * Factories reproduce apimachinery's {@code errors.go} messages, which clients match on.
 */
public class StatusException extends RuntimeException {
    private final int code;
    private final String reason;
    private final transient ObjectNode details;

    public StatusException(int code, String reason, String message, ObjectNode details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public ObjectNode details() {
        return details;
    }

    /** The {@code Status} object to send. */
    public ObjectNode toStatus() {
        ObjectNode s = Json.object();
        s.put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure").put("message", getMessage());
        if (reason != null && !reason.isEmpty()) {
            s.put("reason", reason);
        }
        if (details != null && !details.isEmpty()) {
            s.set("details", details);
        }
        s.put("code", code);
        return s;
    }

    private static ObjectNode details(String name, String group, String kind) {
        ObjectNode d = Json.object();
        if (name != null && !name.isEmpty()) {
            d.put("name", name);
        }
        if (group != null && !group.isEmpty()) {
            d.put("group", group);
        }
        if (kind != null && !kind.isEmpty()) {
            d.put("kind", kind);
        }
        return d;
    }

    /** 404 {@code clusters.cluster.x-k8s.io "c1" not found}. */
    public static StatusException notFound(GroupVersionResource gvr, String name) {
        return new StatusException(404, "NotFound", gvr.groupResource() + " \"" + name + "\" not found",
                details(name, gvr.group(), gvr.resource()));
    }

    /** 404 for an unknown path. */
    public static StatusException pathNotFound() {
        return new StatusException(404, "NotFound", "the server could not find the requested resource", null);
    }

    /** 409 AlreadyExists. */
    public static StatusException alreadyExists(GroupVersionResource gvr, String name) {
        return new StatusException(409, "AlreadyExists", gvr.groupResource() + " \"" + name + "\" already exists",
                details(name, gvr.group(), gvr.resource()));
    }

    /** 409 Conflict: the optimistic-lock message. */
    public static StatusException conflict(GroupVersionResource gvr, String name) {
        return conflict(gvr, name, "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** 409 Conflict with a custom cause text. */
    public static StatusException conflict(GroupVersionResource gvr, String name, String why) {
        return new StatusException(409, "Conflict",
                "Operation cannot be fulfilled on " + gvr.groupResource() + " \"" + name + "\": " + why,
                details(name, gvr.group(), gvr.resource()));
    }

    /** 422 Invalid with field causes: {@code Cluster.cluster.x-k8s.io "c1" is invalid: spec.x: Required value}. */
    public static StatusException invalid(GroupVersionKind gvk, String name, List<FieldError> errors) {
        String qualified = gvk.group().isEmpty() ? gvk.kind() : gvk.kind() + "." + gvk.group();
        String joined = errors.size() == 1 ? errors.get(0).toString()
                : "[" + String.join(", ", errors.stream().map(FieldError::toString).toList()) + "]";
        ObjectNode d = details(name, gvk.group(), gvk.kind());
        ArrayNode causes = d.putArray("causes");
        for (FieldError e : errors) {
            causes.addObject().put("reason", e.type().reason).put("message", e.message()).put("field", e.field());
        }
        return new StatusException(422, "Invalid", qualified + " \"" + name + "\" is invalid: " + joined, d);
    }

    public static StatusException badRequest(String message) {
        return new StatusException(400, "BadRequest", message, null);
    }

    public static StatusException unauthorized() {
        return new StatusException(401, "Unauthorized", "Unauthorized", null);
    }

    public static StatusException forbidden(GroupVersionResource gvr, String name, String why) {
        String target = name == null || name.isEmpty() ? gvr.groupResource() : gvr.groupResource() + " \"" + name + "\"";
        return new StatusException(403, "Forbidden", target + " is forbidden: " + why, details(name, gvr.group(), gvr.resource()));
    }

    public static StatusException methodNotAllowed(String message) {
        return new StatusException(405, "MethodNotAllowed", message, null);
    }

    public static StatusException notAcceptable(String message) {
        return new StatusException(406, "NotAcceptable", message, null);
    }

    /** 410 Expired (HTTP Gone). */
    public static StatusException gone(String message) {
        return new StatusException(410, "Expired", message, null);
    }

    public static StatusException unsupportedMediaType(String message) {
        return new StatusException(415, "UnsupportedMediaType", message, null);
    }

    public static StatusException tooLarge(String message) {
        return new StatusException(413, "RequestEntityTooLarge", message, null);
    }

    public static StatusException internal(String message) {
        return new StatusException(500, "InternalError", "Internal error occurred: " + message, null);
    }

    /** 504 Timeout, e.g. a resourceVersion from the future. */
    public static StatusException timeout(String message, int retryAfterSeconds) {
        ObjectNode d = Json.object();
        d.put("retryAfterSeconds", retryAfterSeconds);
        return new StatusException(504, "Timeout", message, d);
    }
}
