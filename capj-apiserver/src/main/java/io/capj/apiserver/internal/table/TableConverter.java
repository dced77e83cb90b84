package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.Json;
import io.capj.apiserver.registry.ResourceDefinition;
import io.capj.apiserver.registry.ResourceDefinition.PrinterColumn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@code meta.k8s.io} {@code Table}s for a resource: columns from the CRD's printer columns (or upstream's
 * defaults for built-in kinds), one row per object, the {@code includeObject} payload and the list metadata.
 * Compiled printers are cached per kind and column set, so watch streams do not re-parse JSONPaths per event.
 * Thread-safe. Rows reference the given objects' nodes rather than copying them; callers must not mutate them
 * before the Table is written.
 */
public final class TableConverter {
    private static final int CACHE_LIMIT = 1024;

    private record PrinterKey(GroupVersionKind gvk, boolean builtin, List<PrinterColumn> columns) {
    }

    private final Map<PrinterKey, RowPrinter> printers = new ConcurrentHashMap<>();

    /** The column definitions a Table of this resource carries. */
    public List<TableColumn> columns(ResourceDefinition definition) {
        return printer(definition).columns();
    }

    /**
     * A Table of a list (or one page of it).
     *
     * @param listMeta the list's metadata ({@code resourceVersion}, {@code continue}, {@code remainingItemCount});
     *                 null for none
     * @param now      the time ages are measured against
     */
    public ObjectNode convert(ResourceDefinition definition, List<? extends JsonNode> objects, JsonNode listMeta,
                              TableOptions options, Instant now) {
        RowPrinter printer = printer(definition);
        ObjectNode table = header(options, listMeta == null ? Json.object() : listMeta);
        if (options.noHeaders()) {
            table.putNull("columnDefinitions"); // upstream leaves the slice nil, which encodes as null
        } else {
            ArrayNode defs = table.putArray("columnDefinitions");
            printer.columns().forEach(c -> defs.add(c.toJson()));
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            printer.cells(object, now).forEach(cells::add);
            row.set("object", rowObject(object, options));
        }
        return table;
    }

    /** A one-row Table of a single object (a GET, or one watch event); its resourceVersion becomes the Table's. */
    public ObjectNode convertObject(ResourceDefinition definition, JsonNode object, TableOptions options,
                                    Instant now) {
        ObjectNode meta = Json.object();
        JsonNode rv = object.path("metadata").path("resourceVersion");
        if (rv.isTextual()) {
            meta.put("resourceVersion", rv.textValue());
        }
        return convert(definition, List.of(object), meta, options, now);
    }

    private static ObjectNode header(TableOptions options, JsonNode listMeta) {
        ObjectNode table = Json.object();
        table.put("kind", "Table").put("apiVersion", options.apiVersion());
        ObjectNode meta = table.putObject("metadata");
        for (String field : List.of("resourceVersion", "continue")) {
            String value = listMeta.path(field).asText("");
            if (!value.isEmpty()) {
                meta.put(field, value);
            }
        }
        if (listMeta.path("remainingItemCount").isIntegralNumber()) {
            meta.put("remainingItemCount", listMeta.path("remainingItemCount").longValue());
        }
        return table;
    }

    private static JsonNode rowObject(JsonNode object, TableOptions options) {
        return switch (options.includeObject()) {
            case OBJECT -> object;
            case NONE -> Json.NODES.nullNode();
            case METADATA -> {
                ObjectNode partial = Json.object();
                partial.put("kind", "PartialObjectMetadata").put("apiVersion", options.apiVersion());
                JsonNode metadata = object.path("metadata");
                partial.set("metadata", metadata.isObject() ? metadata : Json.object());
                yield partial;
            }
        };
    }

    private RowPrinter printer(ResourceDefinition definition) {
        List<PrinterColumn> columns = definition.printerColumns() == null ? List.of() : definition.printerColumns();
        PrinterKey key = new PrinterKey(definition.gvk(), definition.builtin(), columns);
        RowPrinter cached = printers.get(key);
        if (cached != null) {
            return cached;
        }
        if (printers.size() >= CACHE_LIMIT) {
            printers.clear(); // CRD churn only; rebuilding a printer is cheap
        }
        return printers.computeIfAbsent(key, TableConverter::newPrinter);
    }

    private static RowPrinter newPrinter(PrinterKey key) {
        if (key.builtin() && key.columns().isEmpty()) {
            return BuiltinPrinters.forKind(key.gvk().group(), key.gvk().kind());
        }
        return new CustomResourcePrinter(key.columns());
    }
}
