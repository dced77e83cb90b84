package io.capj.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.runtime.Conditions;
import io.capj.runtime.Request;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phase and Available computed from a pass's observations. */
class MachineStatusTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:10Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "nothing done,                  false, false, '',      '',  false, Pending",
            "bootstrap data ready,          true,  false, '',      '',  false, Provisioning",
            "providerID set,                true,  true,  test://1, '', false, Provisioned",
            "node linked,                   true,  true,  test://1, n1, false, Running",
            "deleting,                      true,  true,  test://1, n1, true,  Deleting"})
    void phaseFollowsProvisioningProgress(String description, boolean bootstrapped, boolean provisioned,
            String providerID, String nodeName, boolean deleting, String phase) {
        ObjectNode machine = Json.object();
        machine.putObject("metadata").put("name", "m");
        if (deleting) {
            machine.withObject("metadata").put("deletionTimestamp", "2026-01-01T00:00:00Z");
        }
        if (!providerID.isEmpty()) {
            machine.putObject("spec").put("providerID", providerID);
        }
        ObjectNode status = machine.putObject("status");
        status.putObject("initialization").put("bootstrapDataSecretCreated", bootstrapped)
                .put("infrastructureProvisioned", provisioned);
        if (!nodeName.isEmpty()) {
            status.putObject("nodeRef").put("name", nodeName);
        }
        MachineScope s = scope(machine, new ArrayList<>());

        MachineStatus.setPhase(s);

        assertThat(machine.at("/status/phase").asText()).isEqualTo(phase);
        assertThat(machine.at("/status/lastUpdated").asText()).isEqualTo("2026-01-01T00:00:10Z");
    }

    @Test
    void availableWaitsForMinReadySecondsAndAsksToBeWokenThen() {
        ObjectNode machine = Json.object();
        machine.putObject("spec").put("minReadySeconds", 5);
        List<Condition> conditions = new ArrayList<>();
        Condition ready = Conditions.of("Ready", Conditions.TRUE, "Ready", "");
        ready.setLastTransitionTime("2026-01-01T00:00:08Z");
        conditions.add(ready);

        Result result = MachineStatus.setAvailable(scope(machine, conditions));

        assertThat(Conditions.get(conditions, "Available").orElseThrow().getReason())
                .isEqualTo("WaitingForMinReadySeconds");
        assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(3));

        machine.withObject("spec").put("minReadySeconds", 2);
        assertThat(MachineStatus.setAvailable(scope(machine, conditions)).isDone()).isTrue();
        assertThat(Conditions.isTrue(conditions, "Available")).isTrue();
    }

    private static MachineScope scope(ObjectNode machine, List<Condition> conditions) {
        return new MachineScope(new Request("ns", "m"), machine, Json.object(), conditions, NOW);
    }
}
