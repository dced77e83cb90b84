package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.capj.apimachinery.jsonpath.JsonPath;
import io.capj.apimachinery.jsonpath.JsonPathException;
import io.capj.apimachinery.jsonpath.JsonPathPrinter;
import io.capj.apiserver.registry.ResourceDefinition.PrinterColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * apiextensions' table convertor: {@code Name}, then the CRD's additionalPrinterColumns in order (a CRD without
 * columns gets {@code Age} = {@code .metadata.creationTimestamp} as a {@code date}). Each cell takes only the first
 * JSONPath result; {@code string} cells are that value printed as text, other types keep the JSON type, {@code date}
 * cells become human durations, and a missing value or evaluation error is a null cell.
 */
final class CustomResourcePrinter implements RowPrinter {
    private static final PrinterColumn DEFAULT_AGE = new PrinterColumn("Age", "date", "",
            TableColumn.CREATION_DESCRIPTION, 0, ".metadata.creationTimestamp");

    private final List<TableColumn> columns = new ArrayList<>();
    private final List<JsonPath> paths = new ArrayList<>();
    private final List<String> types = new ArrayList<>();

    CustomResourcePrinter(List<PrinterColumn> printerColumns) {
        columns.add(TableColumn.nameColumn());
        for (PrinterColumn c : printerColumns.isEmpty() ? List.of(DEFAULT_AGE) : printerColumns) {
            String description = c.description() == null || c.description().isEmpty()
                    ? "Custom resource definition column (in JSONPath format): " + c.jsonPath() : c.description();
            columns.add(new TableColumn(c.name(), c.type(), c.format(), description, c.priority()));
            paths.add(compileOrNull(c.jsonPath()));
            types.add(c.type());
        }
    }

    /** Upstream wraps the column path in braces; a path that does not parse yields null cells, not a failure. */
    private static JsonPath compileOrNull(String jsonPath) {
        try {
            return JsonPath.template("{" + jsonPath + "}");
        } catch (JsonPathException e) {
            return null;
        }
    }

    @Override
    public List<TableColumn> columns() {
        return columns;
    }

    @Override
    public List<JsonNode> cells(JsonNode object, Instant now) {
        List<JsonNode> cells = new ArrayList<>(columns.size());
        cells.add(TextNode.valueOf(object.path("metadata").path("name").asText("")));
        for (int i = 0; i < paths.size(); i++) {
            JsonNode first = firstResult(paths.get(i), object);
            if (first == null) {
                cells.add(NullNode.getInstance());
            } else if (types.get(i).equals("string")) {
                cells.add(TextNode.valueOf(JsonPathPrinter.text(first)));
            } else {
                cells.add(typedCell(types.get(i), first, now));
            }
        }
        return cells;
    }

    private static JsonNode firstResult(JsonPath path, JsonNode object) {
        if (path == null) {
            return null;
        }
        try {
            List<List<JsonNode>> results = path.findResults(object);
            return results.isEmpty() || results.get(0).isEmpty() ? null : results.get(0).get(0);
        } catch (JsonPathException e) {
            return null;
        }
    }

    /** Upstream's {@code cellForJSONValue}: a value of the wrong JSON type prints as nothing. */
    static JsonNode typedCell(String type, JsonNode value, Instant now) {
        if (value.isNull()) {
            return NullNode.getInstance();
        }
        return switch (type) {
            case "integer" -> value.isIntegralNumber() ? LongNode.valueOf(value.longValue())
                    : value.isNumber() ? LongNode.valueOf((long) value.doubleValue()) : NullNode.getInstance();
            case "number" -> value.isNumber() ? number(value.doubleValue()) : NullNode.getInstance();
            case "boolean" -> value.isBoolean() ? value : NullNode.getInstance();
            case "date" -> value.isTextual() ? TextNode.valueOf(date(value, now)) : NullNode.getInstance();
            default -> NullNode.getInstance();
        };
    }

    private static String date(JsonNode value, Instant now) {
        if (Timestamps.isZero(value)) {
            return Timestamps.UNKNOWN;
        }
        Instant t = Timestamps.parse(value.textValue());
        return t == null ? "<invalid>" : HumanDuration.since(t, now);
    }

    /** A float64 cell; whole values are written without a fraction, as Go's encoder does. */
    private static JsonNode number(double d) {
        boolean whole = d == Math.rint(d) && Math.abs(d) < 1e15;
        return whole ? LongNode.valueOf((long) d) : DoubleNode.valueOf(d);
    }
}
