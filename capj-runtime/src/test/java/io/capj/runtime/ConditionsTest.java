package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionsTest {
    private static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T00:00:00.700Z"), ZoneOffset.UTC);
    private static final Clock T2 = Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} → {1}: changed={2}, transition moves={3}")
    @CsvSource({
        "True,    True,    false, false",
        "True,    False,   true,  true",
        "False,   Unknown, true,  true",
        "Unknown, Unknown, false, false",
    })
    void transitionTimeMovesOnlyWhenStatusChanges(String from, String to, boolean changed, boolean moved) {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, Conditions.of("Ready", from, "R", "m"), 1, T1);

        boolean result = Conditions.set(conditions, Conditions.of("Ready", to, "R", "m"), 1, T2);

        assertThat(result).isEqualTo(changed);
        assertThat(conditions).hasSize(1);
        assertThat(conditions.get(0).getLastTransitionTime())
                .isEqualTo(moved ? "2026-01-01T01:00:00Z" : "2026-01-01T00:00:00Z");
    }

    @Test
    void reasonMessageAndGenerationUpdateWithoutMovingTheTransition() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, Conditions.of("Ready", "False", "Waiting", "a"), 1, T1);

        boolean changed = Conditions.set(conditions, Conditions.of("Ready", "False", "Blocked", "b"), 2, T2);

        Condition ready = Conditions.get(conditions, "Ready").orElseThrow();
        assertThat(changed).isTrue();
        assertThat(ready.getReason()).isEqualTo("Blocked");
        assertThat(ready.getMessage()).isEqualTo("b");
        assertThat(ready.getObservedGeneration()).isEqualTo(2L);
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void readsMissingAsUnknownAndDeletes() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, Conditions.of("A", "True", "R", ""), 1, T1);
        Conditions.set(conditions, Conditions.of("B", "False", "R", ""), 1, T1);

        assertThat(Conditions.isTrue(conditions, "A")).isTrue();
        assertThat(Conditions.isFalse(conditions, "B")).isTrue();
        assertThat(Conditions.isUnknown(conditions, "C")).isTrue();
        assertThat(Conditions.delete(conditions, "A")).isTrue();
        assertThat(Conditions.get(conditions, "A")).isEmpty();
    }

    /** Sources are "Type=Status" pairs; Deleting and Updating have negative polarity. */
    @ParameterizedTest(name = "[{0}] → {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "InfrastructureReady=True,BootstrapConfigReady=True,Deleting=False,Updating=False | True    | InfoReported",
        "InfrastructureReady=True,BootstrapConfigReady=False,Deleting=False,Updating=False | False  | IssuesReported",
        "InfrastructureReady=True,BootstrapConfigReady=True,Deleting=True,Updating=False  | False   | IssuesReported",
        "InfrastructureReady=Unknown,BootstrapConfigReady=True,Deleting=False,Updating=False | Unknown | UnknownReported",
        "InfrastructureReady=True,Deleting=False,Updating=False                          | Unknown | UnknownReported",
        "InfrastructureReady=Unknown,BootstrapConfigReady=False,Deleting=False,Updating=False | False | IssuesReported",
    })
    void summaryHonoursNegativePolarity(String sources, String status, String reason) {
        List<Condition> conditions = new ArrayList<>();
        Arrays.stream(sources.split(",")).map(s -> s.split("="))
                .forEach(p -> Conditions.set(conditions, Conditions.of(p[0], p[1], "R", p[0] + " is " + p[1]), 1, T1));

        Condition summary = Conditions.summary("Ready", conditions,
                List.of("Deleting", "Updating", "BootstrapConfigReady", "InfrastructureReady"),
                Set.of("Deleting", "Updating"));

        assertThat(summary.getType()).isEqualTo("Ready");
        assertThat(summary.getStatus()).isEqualTo(status);
        assertThat(summary.getReason()).isEqualTo(reason);
    }

    @Test
    void summaryMessageListsIssuesBeforeUnknowns() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, Conditions.of("Deleting", "True", "Draining", "Draining Node n1"), 1, T1);

        Condition summary = Conditions.summary("Ready", conditions, List.of("InfrastructureReady", "Deleting"),
                Set.of("Deleting"));

        assertThat(summary.getMessage())
                .isEqualTo("* Deleting: Draining Node n1\n* InfrastructureReady: Condition not yet reported");
    }
}
