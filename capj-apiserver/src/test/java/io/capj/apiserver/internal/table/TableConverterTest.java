package io.capj.apiserver.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.registry.ResourceDefinition;
import io.capj.apiserver.registry.ResourceDefinition.PrinterColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableConverterTest {
    private static final Instant NOW = Instant.parse("2026-11-24T07:00:00Z");
    private static final List<PrinterColumn> CLUSTER_COLUMNS = List.of(
            new PrinterColumn("ClusterClass", "string", "", "ClusterClass of this Cluster", 0,
                    ".spec.topology.classRef.name"),
            new PrinterColumn("Available", "string", "", null, 0,
                    ".status.conditions[?(@.type==\"Available\")].status"),
            new PrinterColumn("CP Desired", "integer", "", null, 0, ".status.controlPlane.desiredReplicas"),
            new PrinterColumn("Paused", "string", "", null, 10, ".status.conditions[?(@.type==\"Paused\")].status"),
            new PrinterColumn("Ratio", "number", "", null, 10, ".status.ratio"),
            new PrinterColumn("Ready", "boolean", "", null, 10, ".status.ready"),
            new PrinterColumn("Age", "date", "", null, 0, ".metadata.creationTimestamp"),
            new PrinterColumn("Version", "string", "", null, 0, ".spec.topology.version"));
    private static final ObjectNode CLUSTER = (ObjectNode) Json.parse("""
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"Cluster",
             "metadata":{"name":"c1","namespace":"default","resourceVersion":"42",
                         "creationTimestamp":"2026-11-24T06:55:00Z","uid":"u-1"},
             "spec":{"topology":{"classRef":{"name":"quick-start"},"version":"v1.31.0"}},
             "status":{"conditions":[{"type":"Available","status":"True"},{"type":"Paused","status":"False"}],
                       "controlPlane":{"desiredReplicas":3},"ratio":2.0,"ready":"yes"}}
            """);

    private final TableConverter converter = new TableConverter();

    @Test
    void crdColumnsStartWithNameAndKeepOrderPriorityAndTypes() {
        ObjectNode table = converter.convert(Definitions.crd("Cluster", CLUSTER_COLUMNS), List.of(CLUSTER),
                Json.parse("{\"resourceVersion\":\"99\",\"continue\":\"abc\",\"remainingItemCount\":5}"),
                TableOptions.defaults(), NOW);

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(Json.string(table.path("metadata")))
                .isEqualTo("{\"resourceVersion\":\"99\",\"continue\":\"abc\",\"remainingItemCount\":5}");
        JsonNode defs = table.path("columnDefinitions");
        assertThat(names(defs)).containsExactly("Name", "ClusterClass", "Available", "CP Desired", "Paused", "Ratio",
                "Ready", "Age", "Version");
        assertThat(defs.get(0).path("format").asText()).isEqualTo("name");
        assertThat(defs.get(1).path("description").asText()).isEqualTo("ClusterClass of this Cluster");
        assertThat(defs.get(2).path("description").asText()).isEqualTo(
                "Custom resource definition column (in JSONPath format): .status.conditions[?(@.type==\"Available\")].status");
        assertThat(defs.get(4).path("priority").asInt()).isEqualTo(10);
        assertThat(defs.get(7).path("type").asText()).isEqualTo("date");
        assertThat(Json.string(table.path("rows").get(0).path("cells")))
                .isEqualTo("[\"c1\",\"quick-start\",\"True\",3,\"False\",2,null,\"5m\",\"v1.31.0\"]");
    }

    @Test
    void missingValuesAreNullCells() {
        ObjectNode bare = (ObjectNode) Json.parse("{\"metadata\":{\"name\":\"c2\"}}");
        ObjectNode table = converter.convert(Definitions.crd("Cluster", CLUSTER_COLUMNS), List.of(bare), null,
                TableOptions.defaults(), NOW);
        assertThat(Json.string(table.path("rows").get(0).path("cells")))
                .isEqualTo("[\"c2\",null,null,null,null,null,null,null,null]");
        assertThat(Json.string(table.path("metadata"))).isEqualTo("{}");
    }

    @Test
    void crdWithoutColumnsGetsAgeAsDate() {
        ObjectNode table = converter.convertObject(Definitions.crd("Machine", List.of()), CLUSTER,
                TableOptions.defaults(), NOW);
        JsonNode defs = table.path("columnDefinitions");
        assertThat(names(defs)).containsExactly("Name", "Age");
        assertThat(defs.get(1).path("type").asText()).isEqualTo("date");
        assertThat(Json.string(table.path("rows").get(0).path("cells"))).isEqualTo("[\"c1\",\"5m\"]");
        assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("42");
    }

    @Test
    void dateCellsRenderInvalidAndUnknown() {
        ResourceDefinition def = Definitions.crd("Thing", List.of(
                new PrinterColumn("When", "date", "", null, 0, ".spec.when")));
        assertThat(cells(def, "{\"metadata\":{\"name\":\"a\"},\"spec\":{\"when\":\"yesterday\"}}"))
                .isEqualTo("[\"a\",\"<invalid>\"]");
        assertThat(cells(def, "{\"metadata\":{\"name\":\"a\"},\"spec\":{\"when\":\"\"}}"))
                .isEqualTo("[\"a\",\"<unknown>\"]");
        assertThat(cells(def, "{\"metadata\":{\"name\":\"a\"},\"spec\":{\"when\":5}}")).isEqualTo("[\"a\",null]");
    }

    @Test
    void stringCellsPrintNonStringsAsGoText() {
        ResourceDefinition def = Definitions.crd("Thing", List.of(
                new PrinterColumn("N", "string", "", null, 0, ".spec.n"),
                new PrinterColumn("M", "string", "", null, 0, ".spec.m"),
                new PrinterColumn("Z", "string", "", null, 0, ".spec.z"),
                new PrinterColumn("I", "integer", "", null, 0, ".spec.f")));
        assertThat(cells(def, "{\"metadata\":{\"name\":\"a\"},\"spec\":{\"n\":7,\"m\":{\"k\":\"v\"},\"z\":null,"
                + "\"f\":2.9}}")).isEqualTo("[\"a\",\"7\",\"map[k:v]\",\"<no value>\",2]");
    }

    @Test
    void includeObjectVariants() {
        ResourceDefinition def = Definitions.crd("Cluster", List.of());
        JsonNode partial = converter.convertObject(def, CLUSTER, TableOptions.defaults(), NOW)
                .path("rows").get(0).path("object");
        assertThat(partial.path("kind").asText()).isEqualTo("PartialObjectMetadata");
        assertThat(partial.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(partial.path("metadata")).isEqualTo(CLUSTER.path("metadata"));
        assertThat(partial.has("spec")).isFalse();

        JsonNode full = converter.convertObject(def,
                CLUSTER, new TableOptions(TableOptions.IncludeObject.OBJECT, false, null), NOW)
                .path("rows").get(0).path("object");
        assertThat(full).isEqualTo(CLUSTER);

        JsonNode none = converter.convertObject(def, CLUSTER,
                new TableOptions(TableOptions.IncludeObject.NONE, false, null), NOW).path("rows").get(0);
        assertThat(none.has("object")).isTrue();
        assertThat(none.path("object").isNull()).isTrue();

        JsonNode beta = converter.convertObject(def, CLUSTER,
                new TableOptions(TableOptions.IncludeObject.METADATA, false, "meta.k8s.io/v1beta1"), NOW);
        assertThat(beta.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1beta1");
        assertThat(beta.path("rows").get(0).path("object").path("apiVersion").asText())
                .isEqualTo("meta.k8s.io/v1beta1");
    }

    @Test
    void includeObjectParameter() {
        assertThat(TableOptions.parseIncludeObject(null)).isEqualTo(TableOptions.IncludeObject.METADATA);
        assertThat(TableOptions.parseIncludeObject("Object")).isEqualTo(TableOptions.IncludeObject.OBJECT);
        assertThat(TableOptions.parseIncludeObject("None")).isEqualTo(TableOptions.IncludeObject.NONE);
        assertThatThrownBy(() -> TableOptions.parseIncludeObject("All"))
                .isInstanceOf(StatusException.class)
                .hasMessage("unrecognized includeObject value: \"All\"");
    }

    @Test
    void noHeadersVariantForWatchEvents() {
        ObjectNode table = converter.convertObject(Definitions.crd("Cluster", CLUSTER_COLUMNS), CLUSTER,
                TableOptions.defaults().withNoHeaders(), NOW);
        assertThat(table.path("columnDefinitions").isNull()).isTrue();
        assertThat(table.path("rows")).hasSize(1);
    }

    @Test
    void emptyListHasEmptyRows() {
        ObjectNode table = converter.convert(Definitions.crd("Cluster", CLUSTER_COLUMNS), List.of(),
                Json.parse("{\"resourceVersion\":\"7\"}"), TableOptions.defaults(), NOW);
        assertThat(Json.string(table.path("rows"))).isEqualTo("[]");
        assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("7");
    }

    static List<String> names(JsonNode defs) {
        List<String> names = new ArrayList<>();
        defs.forEach(d -> names.add(d.path("name").asText()));
        return names;
    }

    private String cells(ResourceDefinition def, String object) {
        return Json.string(converter.convertObject(def, Json.parse(object), TableOptions.defaults(), NOW)
                .path("rows").get(0).path("cells"));
    }
}
