package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * kube's Event printer ({@code LAST SEEN TYPE REASON OBJECT MESSAGE}, wide {@code SUBOBJECT SOURCE FIRST SEEN
 * COUNT NAME}; the only kind whose Name column is not first). It reads both {@code v1} Events and
 * {@code events.k8s.io/v1} Events (regarding/note/deprecated* fields), which upstream prints through the same
 * internal type.
 */
final class EventPrinter {
    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.text("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
            TableColumn.text("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
            TableColumn.text("Reason", "This should be a short, machine understandable string that gives the "
                    + "reason for the transition into the object's current status."),
            TableColumn.text("Object", "The object that this event is about."),
            TableColumn.wide("Subobject", "If referring to a piece of an object instead of an entire object, this "
                    + "string should contain a valid JSON/Go field access statement."),
            TableColumn.wide("Source", "The component reporting this event. Should be a short machine "
                    + "understandable string."),
            TableColumn.text("Message", "A human-readable description of the status of this operation."),
            TableColumn.wide("First Seen", "The time at which the event was first recorded. (Time of server "
                    + "receipt is in TypeMeta.)"),
            TableColumn.wide("Count", "The number of times this event has occurred."),
            new TableColumn("Name", "string", "name", TableColumn.NAME_DESCRIPTION, 1));

    /** {@code v1} Events. */
    static final RowPrinter CORE = new KindPrinter(COLUMNS, (e, now) -> cells(e, now, true));
    /** {@code events.k8s.io/v1} Events. */
    static final RowPrinter EVENTS_API = new KindPrinter(COLUMNS, (e, now) -> cells(e, now, false));

    private EventPrinter() {
    }

    private static List<JsonNode> cells(JsonNode e, Instant now, boolean v1) {
        JsonNode involved = e.path(v1 ? "involvedObject" : "regarding");
        JsonNode firstTs = e.path(v1 ? "firstTimestamp" : "deprecatedFirstTimestamp");
        JsonNode lastTs = e.path(v1 ? "lastTimestamp" : "deprecatedLastTimestamp");
        JsonNode source = e.path(v1 ? "source" : "deprecatedSource");

        String first = Timestamps.isZero(firstTs) ? Timestamps.since(e.path("eventTime"), now)
                : Timestamps.since(firstTs, now);
        String last = Timestamps.isZero(lastTs) ? first : Timestamps.since(lastTs, now);
        long count = e.path(v1 ? "count" : "deprecatedCount").asLong(0);
        JsonNode series = e.path("series");
        if (series.isObject()) {
            last = Timestamps.since(series.path("lastObservedTime"), now);
            count = series.path("count").asLong(0);
        } else if (count == 0) {
            count = 1; // singleton events carry no count in the new API
        }
        String kind = Cells.string(involved, "kind").toLowerCase(Locale.ROOT);
        String name = Cells.string(involved, "name");
        String target = name.isEmpty() ? kind : kind + "/" + name;
        return List.of(Cells.text(last), Cells.text(Cells.string(e, "type")), Cells.text(Cells.string(e, "reason")),
                Cells.text(target), Cells.text(Cells.string(involved, "fieldPath")),
                Cells.text(source(source, e, v1)), Cells.text(Cells.string(e, v1 ? "message" : "note").strip()),
                Cells.text(first), LongNode.valueOf(count), Cells.name(e));
    }

    /** {@code component, host}, falling back to the reporting controller and instance. */
    private static String source(JsonNode source, JsonNode e, boolean v1) {
        String controller = Cells.string(e, v1 ? "reportingComponent" : "reportingController");
        String component = firstNonEmpty(Cells.string(source, "component"), controller);
        String instance = firstNonEmpty(Cells.string(source, "host"), Cells.string(e, "reportingInstance"));
        return instance.isEmpty() ? component : component + ", " + instance;
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
