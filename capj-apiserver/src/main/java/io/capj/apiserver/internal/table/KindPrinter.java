package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/** A {@link RowPrinter} assembled from fixed columns and a cell function, for the built-in kinds. */
record KindPrinter(List<TableColumn> columns, BiFunction<JsonNode, Instant, List<JsonNode>> rows)
        implements RowPrinter {

    @Override
    public List<JsonNode> cells(JsonNode object, Instant now) {
        return rows.apply(object, now);
    }
}
