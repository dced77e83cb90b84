package io.capj.api.core.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.Json;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The typed views read the fields controllers need, with upstream's meaning for absent ones. */
class ViewsTest {

    @Test
    void clusterWithRefsAndEndpoint() {
        ClusterView cluster = ClusterView.of(Json.parse("""
                {"spec":{"infrastructureRef":{"apiGroup":"infrastructure.cluster.x-k8s.io","kind":"DevCluster",
                  "name":"c1"},"controlPlaneEndpoint":{"host":"10.0.0.1","port":6443}},
                 "status":{"phase":"Provisioned","initialization":{"infrastructureProvisioned":true},
                  "failureDomains":[{"name":"fd1","attributes":{"name":"not-a-domain"}},{"name":"fd2"}],
                  "conditions":[{"type":"Available","status":"True","reason":"Available","message":"",
                    "lastTransitionTime":"2026-01-01T00:00:00Z","observedGeneration":3}]}}"""));

        assertThat(cluster.spec().infrastructureRef()).contains(
                new ContractRef("infrastructure.cluster.x-k8s.io", "DevCluster", "c1"));
        assertThat(cluster.spec().controlPlaneRef()).isEmpty();
        assertThat(cluster.spec().controlPlaneEndpoint()).hasValueSatisfying(e -> assertThat(e.isValid()).isTrue());
        assertThat(cluster.spec().hasTopology()).isFalse();
        assertThat(cluster.spec().paused()).isFalse();
        assertThat(cluster.status().infrastructureProvisioned()).isTrue();
        assertThat(cluster.status().controlPlaneInitialized()).isFalse();
        assertThat(cluster.status().failureDomains()).containsExactly("fd1", "fd2");
        assertThat(cluster.status().condition(ClusterConditions.ClusterAvailableCondition))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        assertThat(cluster.status().condition(CommonConditions.PausedCondition)).isEmpty();
    }

    @Test
    void endpointNeedsHostAndPort() {
        assertThat(new ClusterView.Endpoint("h", 0).isValid()).isFalse();
        assertThat(new ClusterView.Endpoint("", 6443).isValid()).isFalse();
    }

    @Test
    void machineSpecAndStatus() {
        MachineView machine = MachineView.of(Json.parse("""
                {"spec":{"clusterName":"c1","bootstrap":{"dataSecretName":"m1-bootstrap"},
                  "infrastructureRef":{"apiGroup":"infrastructure.cluster.x-k8s.io","kind":"DevMachine","name":"m1"},
                  "providerID":"","deletion":{"nodeDeletionTimeoutSeconds":0}},
                 "status":{"nodeRef":{"name":"n1"},"addresses":[{"type":"InternalIP","address":"10.0.0.2"}]}}"""));

        assertThat(machine.spec().clusterName()).isEqualTo("c1");
        assertThat(machine.spec().bootstrapConfigRef()).isEmpty();
        assertThat(machine.spec().dataSecretName()).contains("m1-bootstrap");
        assertThat(machine.spec().providerID()).as("empty string reads as unset").isEmpty();
        assertThat(machine.spec().nodeDeletionTimeoutSeconds()).hasValue(0);
        assertThat(machine.spec().nodeDrainTimeoutSeconds()).isEqualTo(OptionalInt.empty());
        assertThat(machine.status().nodeName()).contains("n1");
        assertThat(machine.status().address("InternalIP")).contains("10.0.0.2");
        assertThat(machine.status().address("ExternalIP")).isEmpty();
    }

    @Test
    void deploymentDefaultsAndIntOrString() {
        JsonNode json = Json.parse("""
                {"spec":{"clusterName":"c1","replicas":3,"template":{"spec":{"version":"v1.33.0"}},
                  "rollout":{"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":0}}}},
                 "status":{"replicas":2,"upToDateReplicas":1,"phase":"ScalingUp"}}""");
        MachineDeploymentView md = MachineDeploymentView.of(json);

        assertThat(md.replicas()).hasValue(3);
        assertThat(md.strategyType()).isEqualTo(MachineDeploymentView.ROLLING_UPDATE);
        assertThat(md.maxSurge().asText()).isEqualTo("25%");
        assertThat(md.maxUnavailable().isInt()).isTrue();
        assertThat(md.remediationMaxInFlight().isMissingNode()).isTrue();
        assertThat(md.deletionOrder()).isEqualTo("Random");
        assertThat(md.template().version()).contains("v1.33.0");
        assertThat(md.status().replicas()).isEqualTo(2);
        assertThat(md.status().readyReplicas()).isZero();
        assertThat(md.status().phase()).isEqualTo(MachineDeploymentPhase.ScalingUp.name());
    }

    @Test
    void machineSetDeletionOrderAndReplicas() {
        MachineSetView ms = MachineSetView.of(Json.parse("""
                {"spec":{"clusterName":"c1","deletion":{"order":"Oldest"},"selector":{"matchLabels":{"a":"b"}}}}"""));

        assertThat(ms.deletionOrder()).isEqualTo("Oldest");
        assertThat(ms.replicas()).isEmpty();
        assertThat(ms.selector().at("/matchLabels/a").asText()).isEqualTo("b");
        assertThat(ms.status().conditions()).isEmpty();
    }
}
