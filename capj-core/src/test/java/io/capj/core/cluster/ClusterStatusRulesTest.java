package io.capj.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterPhase;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.Condition;
import io.capj.apimachinery.Json;
import io.capj.runtime.Conditions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tables for the Cluster's pure status rules: phase, condition mirroring and aggregation, pause. */
class ClusterStatusRulesTest {

    static Stream<Arguments> phases() {
        return Stream.of(
                Arguments.of("{}", false, ClusterPhase.Pending),
                Arguments.of("{\"spec\":{\"infrastructureRef\":{\"kind\":\"X\"}}}", false, ClusterPhase.Provisioning),
                Arguments.of("{\"spec\":{\"controlPlaneRef\":{\"kind\":\"X\"}}}", false, ClusterPhase.Provisioning),
                Arguments.of("{\"spec\":{\"infrastructureRef\":{\"kind\":\"X\"}},"
                        + "\"status\":{\"initialization\":{\"infrastructureProvisioned\":true}}}", false,
                        ClusterPhase.Provisioning),
                Arguments.of("{\"spec\":{\"infrastructureRef\":{\"kind\":\"X\"},"
                        + "\"controlPlaneEndpoint\":{\"host\":\"h\",\"port\":6443}},"
                        + "\"status\":{\"initialization\":{\"infrastructureProvisioned\":true}}}", false,
                        ClusterPhase.Provisioned),
                Arguments.of("{\"spec\":{\"infrastructureRef\":{\"kind\":\"X\"},"
                        + "\"controlPlaneEndpoint\":{\"host\":\"h\"}},"
                        + "\"status\":{\"initialization\":{\"infrastructureProvisioned\":true}}}", false,
                        ClusterPhase.Provisioning),
                Arguments.of("{\"spec\":{\"infrastructureRef\":{\"kind\":\"X\"},"
                        + "\"controlPlaneEndpoint\":{\"host\":\"h\",\"port\":6443}},"
                        + "\"status\":{\"initialization\":{\"infrastructureProvisioned\":true}}}", true,
                        ClusterPhase.Deleting));
    }

    @ParameterizedTest
    @MethodSource("phases")
    void phaseFollowsReferencesProvisioningAndEndpoint(String cluster, boolean deleting, ClusterPhase expected) {
        assertThat(ClusterStatus.phase(ClusterView.of(Json.parse(cluster)), deleting)).isEqualTo(expected);
    }

    @Test
    void mirrorCopiesTheProviderConditionOrFallsBackToItsFlag() {
        var ready = new io.capj.contract.Condition("Ready", "False", "Waiting", "vpc pending", null, null);
        var mirrored = ClusterConditionRules.mirror(Optional.of(ready), "InfrastructureReady", true, "Ready",
                "NotReady", "Invalid", "");
        assertThat(List.of(mirrored.getStatus(), mirrored.getReason(), mirrored.getMessage()))
                .containsExactly("False", "Waiting", "vpc pending");

        var noReason = new io.capj.contract.Condition("Ready", "True", "", "", null, null);
        assertThat(ClusterConditionRules.mirror(Optional.of(noReason), "InfrastructureReady", false, "Ready",
                "NotReady", "Invalid", "").getReason()).isEqualTo("Ready");

        var invalid = new io.capj.contract.Condition("Ready", "Maybe", "", "", null, null);
        assertThat(ClusterConditionRules.mirror(Optional.of(invalid), "InfrastructureReady", false, "Ready",
                "NotReady", "Invalid", "").getReason()).isEqualTo("Invalid");

        var fallback = ClusterConditionRules.mirror(Optional.empty(), "InfrastructureReady", false, "Ready",
                "NotReady", "Invalid", "X status.initialization.provisioned is false");
        assertThat(List.of(fallback.getStatus(), fallback.getReason()))
                .containsExactly(Conditions.FALSE, "NotReady");
    }

    @Test
    void aggregationReportsIssuesBeforeUnknownsAndGroupsByMessage() {
        var reasons = new ConditionAggregation.Reasons("NotAvailable", "AvailableUnknown", "Available");
        var members = List.of(member("a", "False", "too few"), member("b", "False", "too few"),
                new ConditionAggregation.Member("MachineDeployment", "c", Optional.empty()), member("d", "True", ""));

        var aggregate = ConditionAggregation.aggregate("WorkersAvailable", "Available", members, false, reasons);

        assertThat(aggregate.getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(aggregate.getReason()).isEqualTo("NotAvailable");
        assertThat(aggregate.getMessage()).isEqualTo("* MachineDeployments a, b: too few\n"
                + "* MachineDeployment c: Condition Available not yet reported");
    }

    @Test
    void negativePolarityAggregationIsTrueWhenAnyMemberIs() {
        var reasons = new ConditionAggregation.Reasons("ScalingUp", "ScalingUpUnknown", "NotScalingUp");
        var scaling = ConditionAggregation.aggregate("ScalingUp", "ScalingUp",
                List.of(member("a", "True", "1 to 3"), member("b", "False", "")), true, reasons);
        var idle = ConditionAggregation.aggregate("ScalingUp", "ScalingUp",
                List.of(member("a", "False", ""), member("b", "False", "")), true, reasons);

        assertThat(List.of(scaling.getStatus(), scaling.getReason())).containsExactly("True", "ScalingUp");
        assertThat(List.of(idle.getStatus(), idle.getReason())).containsExactly("False", "NotScalingUp");
    }

    @Test
    void pausedBySpecOrAnnotation() {
        ObjectNode bySpec = (ObjectNode) Json.parse("{\"spec\":{\"paused\":true}}");
        ObjectNode byAnnotation = (ObjectNode) Json.parse(
                "{\"metadata\":{\"annotations\":{\"cluster.x-k8s.io/paused\":\"\"}},\"spec\":{}}");
        ObjectNode running = (ObjectNode) Json.parse("{\"spec\":{}}");

        assertThat(ClusterReconciler.pausedCondition(bySpec).getMessage()).isEqualTo("Cluster spec.paused is set to true");
        assertThat(ClusterReconciler.pausedCondition(byAnnotation).getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(List.of(ClusterReconciler.pausedCondition(running).getStatus(),
                ClusterReconciler.pausedCondition(running).getReason())).containsExactly("False", "NotPaused");
    }

    private static ConditionAggregation.Member member(String name, String status, String message) {
        return new ConditionAggregation.Member("MachineDeployment", name,
                Optional.of(new Condition("Available", status, "R", message, "", 0)));
    }
}
