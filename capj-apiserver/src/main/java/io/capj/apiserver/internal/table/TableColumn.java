package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;

/**
 * One {@code columnDefinitions} entry. {@code type} is the OpenAPI type of the cells ({@code string},
 * {@code integer}, {@code number}, {@code boolean}, {@code date}); {@code format} is {@code name} for the column
 * kubectl uses as the object's name; columns with {@code priority > 0} show only with {@code -o wide}.
 */
public record TableColumn(String name, String type, String format, String description, int priority) {
    static final String NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when creating "
            + "resources, although some resources may allow a client to request the generation of an appropriate name "
            + "automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot "
            + "be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
    static final String CREATION_DESCRIPTION = "CreationTimestamp is a timestamp representing the server time when "
            + "this object was created. It is not guaranteed to be set in happens-before order across separate "
            + "operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\n"
            + "Populated by the system. Read-only. Null for lists. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    public TableColumn {
        format = format == null ? "" : format;
        description = description == null ? "" : description;
    }

    /** The {@code Name} column every kind but Event starts with. */
    static TableColumn nameColumn() {
        return new TableColumn("Name", "string", "name", NAME_DESCRIPTION, 0);
    }

    /** The built-in printers' {@code Age}: a server-rendered string, not a {@code date}. */
    static TableColumn ageColumn() {
        return text("Age", CREATION_DESCRIPTION);
    }

    static TableColumn text(String name, String description) {
        return new TableColumn(name, "string", "", description, 0);
    }

    static TableColumn wide(String name, String description) {
        return new TableColumn(name, "string", "", description, 1);
    }

    ObjectNode toJson() {
        ObjectNode c = Json.object();
        c.put("name", name).put("type", type).put("format", format).put("description", description);
        c.put("priority", priority);
        return c;
    }
}
