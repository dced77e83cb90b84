package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Upstream's printers for the built-in kinds we serve (kube's {@code printers/internalversion}, rendered as the
 * server does, always wide), and the generic apiserver default ({@code Name}, {@code Created At}) for any other
 * built-in kind. Cells may carry a JSON type different from the column's declared type (Secret {@code Data} is an
 * integer in a {@code string} column) because upstream's are.
 */
final class BuiltinPrinters {

    private BuiltinPrinters() {
    }

    static RowPrinter forKind(String group, String kind) {
        return switch (group + "/" + kind) {
            case "/Namespace" -> namespace();
            case "/Secret" -> secret();
            case "/ConfigMap" -> configMap();
            case "/ServiceAccount" -> serviceAccount();
            case "coordination.k8s.io/Lease" -> lease();
            case "/Node" -> NodePrinter.PRINTER;
            case "/Pod" -> PodPrinter.PRINTER;
            case "/Event" -> EventPrinter.CORE;
            case "events.k8s.io/Event" -> EventPrinter.EVENTS_API;
            default -> createdAt();
        };
    }

    private static RowPrinter namespace() {
        return new KindPrinter(List.of(TableColumn.nameColumn(),
                TableColumn.text("Status", "The status of the namespace"), TableColumn.ageColumn()),
                (o, now) -> List.of(Cells.name(o), Cells.text(Cells.string(o, "status", "phase")), Cells.age(o, now)));
    }

    private static RowPrinter secret() {
        return new KindPrinter(List.of(TableColumn.nameColumn(),
                TableColumn.text("Type", "Used to facilitate programmatic handling of secret data. More info: "
                        + "https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"),
                TableColumn.text("Data", "Data contains the secret data. Each key must consist of alphanumeric "
                        + "characters, '-', '_' or '.'."),
                TableColumn.ageColumn()),
                (o, now) -> List.of(Cells.name(o), Cells.text(Cells.string(o, "type")), Cells.count(o.path("data")),
                        Cells.age(o, now)));
    }

    private static RowPrinter configMap() {
        return new KindPrinter(List.of(TableColumn.nameColumn(),
                TableColumn.text("Data", "Data contains the configuration data. Each key must consist of "
                        + "alphanumeric characters, '-', '_' or '.'."),
                TableColumn.ageColumn()),
                (o, now) -> List.of(Cells.name(o), Cells.count(o.path("data"), o.path("binaryData")),
                        Cells.age(o, now)));
    }

    private static RowPrinter serviceAccount() {
        return new KindPrinter(List.of(TableColumn.nameColumn(),
                TableColumn.text("Secrets", "Secrets is a list of the secrets in the same namespace that pods "
                        + "running using this ServiceAccount are allowed to use."),
                TableColumn.ageColumn()),
                (o, now) -> List.of(Cells.name(o), Cells.count(o.path("secrets")), Cells.age(o, now)));
    }

    private static RowPrinter lease() {
        return new KindPrinter(List.of(TableColumn.nameColumn(),
                TableColumn.text("Holder", "holderIdentity contains the identity of the holder of a current lease."),
                TableColumn.ageColumn()),
                (o, now) -> List.of(Cells.name(o), Cells.text(Cells.string(o, "spec", "holderIdentity")),
                        Cells.age(o, now)));
    }

    /** The generic apiserver convertor: the creation time is printed raw, in a {@code date} column. */
    private static RowPrinter createdAt() {
        return new KindPrinter(List.of(TableColumn.nameColumn(),
                new TableColumn("Created At", "date", "", TableColumn.CREATION_DESCRIPTION, 0)),
                (o, now) -> List.of(Cells.name(o), Cells.text(createdAt(o))));
    }

    /** Go's {@code Time.UTC().Format(RFC3339)}; the zero time prints as {@code 0001-01-01T00:00:00Z}. */
    private static String createdAt(JsonNode object) {
        JsonNode ts = object.path("metadata").path("creationTimestamp");
        Instant t = Timestamps.isZero(ts) ? null : Timestamps.parse(ts.asText());
        return t == null ? "0001-01-01T00:00:00Z"
                : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
