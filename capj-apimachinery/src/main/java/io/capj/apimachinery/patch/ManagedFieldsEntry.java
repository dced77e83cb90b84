package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One {@code metadata.managedFields} entry: which fields a manager owns through one kind of operation on
 * one endpoint. Entries are identified by manager, operation and subresource; {@code time} is the last
 * time the manager changed something (RFC 3339, whole seconds, UTC).
 *
 * @param subresource {@code ""} for the main resource, {@code "status"} for the status endpoint
 * @param time may be {@code null} when a stored entry carries none
 */
public record ManagedFieldsEntry(String manager, Operation operation, String apiVersion, Instant time,
        String subresource, FieldSet fields) {

    /** The operation that gave the manager its fields; declared in upstream's sort order. */
    public enum Operation {
        APPLY("Apply"), UPDATE("Update");

        public final String wireName;

        Operation(String wireName) {
            this.wireName = wireName;
        }

        static Operation of(String wireName) {
            for (Operation o : values()) {
                if (o.wireName.equals(wireName)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("operation must be `Apply` or `Update`");
        }
    }

    /** The identity of an entry; a write replaces the entry with the same identity. */
    public record Identity(String manager, Operation operation, String subresource) {
    }

    public ManagedFieldsEntry {
        subresource = subresource == null ? "" : subresource;
        time = time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
    }

    public Identity identity() {
        return new Identity(manager, operation, subresource);
    }

    ManagedFieldsEntry withFields(FieldSet newFields) {
        return new ManagedFieldsEntry(manager, operation, apiVersion, time, subresource, newFields);
    }

    /** Parses one entry; throws {@link IllegalArgumentException} for entries upstream would reject. */
    public static ManagedFieldsEntry fromJson(JsonNode entry) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("managedFields entry must be an object");
        }
        Operation operation = Operation.of(entry.path("operation").asText(""));
        String apiVersion = entry.path("apiVersion").asText("");
        if (apiVersion.isEmpty()) {
            throw new IllegalArgumentException("apiVersion must not be empty");
        }
        String fieldsType = entry.path("fieldsType").asText("");
        if (!fieldsType.equals("FieldsV1")) {
            throw new IllegalArgumentException(fieldsType.isEmpty() ? "missing fieldsType in managed fields entry"
                    : "invalid fieldsType " + GoJson.quote(fieldsType) + " in managed fields entry");
        }
        return new ManagedFieldsEntry(entry.path("manager").asText(""), operation, apiVersion,
                parseTime(entry.get("time")), entry.path("subresource").asText(""),
                FieldsV1.parse(entry.get("fieldsV1")));
    }

    private static Instant parseTime(JsonNode time) {
        if (time == null || time.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid time " + GoJson.quote(time.asText()), e);
        }
    }

    /** The wire form, fields in upstream's order. */
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        if (!manager.isEmpty()) {
            out.put("manager", manager);
        }
        out.put("operation", operation.wireName);
        out.put("apiVersion", apiVersion);
        if (time != null) {
            out.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        }
        out.put("fieldsType", "FieldsV1");
        out.set("fieldsV1", fields.toFieldsV1());
        if (!subresource.isEmpty()) {
            out.put("subresource", subresource);
        }
        return out;
    }

    /**
     * How conflict messages name this manager: {@code "kubectl"} for an applier, {@code "m" using v1} for an
     * updater, with {@code with subresource "status"} when it wrote through the status endpoint.
     */
    String printed() {
        String out = GoJson.quote(manager);
        if (!subresource.isEmpty()) {
            out += " with subresource " + GoJson.quote(subresource);
        }
        return operation == Operation.UPDATE ? out + " using " + apiVersion : out;
    }

    /** Upstream's manager identifier (compact JSON), by which conflict messages sort managers. */
    String identifierJson() {
        StringBuilder b = new StringBuilder("{");
        if (!manager.isEmpty()) {
            b.append("\"manager\":");
            GoJson.writeString(b, manager);
            b.append(',');
        }
        b.append("\"operation\":\"").append(operation.wireName).append('"');
        if (operation == Operation.UPDATE) {
            b.append(",\"apiVersion\":");
            GoJson.writeString(b, apiVersion);
        }
        if (!subresource.isEmpty()) {
            b.append(",\"subresource\":");
            GoJson.writeString(b, subresource);
        }
        return b.append('}').toString();
    }
}
