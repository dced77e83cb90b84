package io.capj.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code kubectl get} output: the server renders upstream's printer columns in a meta.k8s.io Table. */
@ExtendWith(CapiServerExtension.class)
class PrinterColumnsTest {
    private static final String NS = "printing";

    static Stream<Arguments> columnsByResource() {
        return Stream.of(
                Arguments.of("clusters", SampleObjects.cluster("c1"), List.of("Name", "ClusterClass", "Available",
                        "CP Desired", "CP Current", "CP Ready", "CP Available", "CP Up-to-date", "W Desired",
                        "W Current", "W Ready", "W Available", "W Up-to-date", "Paused", "Phase", "Age",
                        "Version"), List.of("CP Current", "CP Ready", "W Current", "W Ready", "Paused")),
                Arguments.of("machines", SampleObjects.machine("m1"), List.of("Name", "Cluster", "Node Name",
                        "Provider ID", "Failure domain", "Ready", "Available", "Up-to-date", "Internal-IP",
                        "External-IP", "OS-Image", "Paused", "Phase", "Age", "Version"),
                        List.of("Provider ID", "Internal-IP", "External-IP", "OS-Image", "Paused")),
                Arguments.of("machinesets", SampleObjects.machineSet("ms1"), List.of("Name", "Cluster", "Desired",
                        "Current", "Ready", "Available", "Up-to-date", "Paused", "Age", "Version"),
                        List.of("Paused")),
                Arguments.of("machinedeployments", SampleObjects.machineDeployment("md1"), List.of("Name", "Cluster",
                        "Available", "Desired", "Current", "Ready", "Available", "Up-to-date", "Paused", "Phase",
                        "Age", "Version"), List.of("Paused")),
                Arguments.of("machinehealthchecks", SampleObjects.machineHealthCheck("mhc1"), List.of("Name", "Cluster",
                        "Replicas", "Healthy", "Paused", "Age"), List.of("Paused")),
                Arguments.of("clusterclasses", SampleObjects.clusterClass("cc1"), List.of("Name", "Paused",
                        "Variables Ready", "Age"), List.of("Paused")),
                Arguments.of("machinepools", SampleObjects.machinePool("mp1"), List.of("Name", "Cluster", "Desired",
                        "Current", "Ready", "Available", "Up-to-date", "Paused", "Phase", "Age", "Version"),
                        List.of("Paused")),
                Arguments.of("machinedrainrules", SampleObjects.machineDrainRule("mdr1"), List.of("Name", "Behavior",
                        "Order", "Age"), List.of()));
    }

    @ParameterizedTest
    @MethodSource("columnsByResource")
    void tableHasUpstreamColumns(String plural, ObjectNode object, List<String> columns, List<String> wide,
                                 ServedApi api) {
        api.namespace(NS);
        assertThat(api.post(SampleObjects.path(NS, plural), object).code()).isEqualTo(201);
        ServedApi.Reply table = api.table(SampleObjects.path(NS, plural));
        assertThat(table.code()).isEqualTo(200);
        assertThat(table.body().path("kind").asText()).isEqualTo("Table");
        List<String> names = new ArrayList<>();
        List<String> wideNames = new ArrayList<>();
        for (JsonNode column : table.body().path("columnDefinitions")) {
            names.add(column.path("name").asText());
            if (column.path("priority").asInt() == 10) {
                wideNames.add(column.path("name").asText());
            }
        }
        assertThat(names).isEqualTo(columns);
        assertThat(wideNames).isEqualTo(wide);
    }

    @Test
    void machineRowShowsStatusThroughJsonPathFilters(ServedApi api) {
        api.namespace(NS);
        String machines = SampleObjects.path(NS, "machines");
        ObjectNode machine = SampleObjects.machine("m-row");
        machine.withObjectProperty("spec").put("providerID", "dev://m-row");
        assertThat(api.post(machines, machine).code()).isEqualTo(201);
        ServedApi.Reply patched = api.mergePatch(machines + "/m-row/status", """
                {"status":{"phase":"Running","nodeRef":{"name":"node-7"},
                 "addresses":[{"type":"ExternalIP","address":"203.0.113.9"},
                              {"type":"InternalIP","address":"10.0.0.7"}],
                 "conditions":[{"type":"Ready","status":"True","reason":"Ready","message":"",
                                "lastTransitionTime":"2026-01-01T00:00:00Z"},
                               {"type":"Available","status":"False","reason":"NotAvailable","message":"",
                                "lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""");
        assertThat(patched.code()).as(patched.body().toString()).isEqualTo(200);

        Map<String, String> row = row(api.table(machines + "?fieldSelector=metadata.name%3Dm-row").body());

        assertThat(row).containsEntry("Cluster", "c1").containsEntry("Node Name", "node-7")
                .containsEntry("Provider ID", "dev://m-row").containsEntry("Ready", "True")
                .containsEntry("Available", "False").containsEntry("Internal-IP", "10.0.0.7")
                .containsEntry("External-IP", "203.0.113.9").containsEntry("Phase", "Running")
                .containsEntry("Version", "v1.33.0");
    }

    @Test
    void machineDeploymentRowShowsReplicaCounts(ServedApi api) {
        api.namespace(NS);
        String deployments = SampleObjects.path(NS, "machinedeployments");
        assertThat(api.post(deployments, SampleObjects.machineDeployment("md-row")).code()).isEqualTo(201);
        assertThat(api.mergePatch(deployments + "/md-row/status",
                "{\"status\":{\"replicas\":2,\"readyReplicas\":1,\"upToDateReplicas\":2,\"phase\":\"ScalingUp\"}}")
                .code()).isEqualTo(200);

        Map<String, String> row = row(api.table(deployments + "?fieldSelector=metadata.name%3Dmd-row").body());

        assertThat(row).containsEntry("Desired", "3").containsEntry("Current", "2").containsEntry("Ready", "1")
                .containsEntry("Up-to-date", "2").containsEntry("Phase", "ScalingUp");
    }

    /** The single row of a Table as column name to cell text (a later duplicate name keeps the first). */
    private static Map<String, String> row(JsonNode table) {
        assertThat(table.path("rows")).hasSize(1);
        JsonNode cells = table.path("rows").get(0).path("cells");
        Map<String, String> row = new LinkedHashMap<>();
        JsonNode columns = table.path("columnDefinitions");
        for (int i = 0; i < columns.size(); i++) {
            row.putIfAbsent(columns.get(i).path("name").asText(), cells.get(i).asText());
        }
        return row;
    }
}
