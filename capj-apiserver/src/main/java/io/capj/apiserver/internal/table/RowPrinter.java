package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The columns of one kind and how to fill them from an object; one cell per column, null for no value. */
interface RowPrinter {

    List<TableColumn> columns();

    List<JsonNode> cells(JsonNode object, Instant now);
}
