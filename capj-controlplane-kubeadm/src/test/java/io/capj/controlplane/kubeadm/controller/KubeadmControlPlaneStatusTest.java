package io.capj.controlplane.kubeadm.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeadmControlPlaneStatusTest {
    @Test
    void versionIsTheLowestMachineVersionComparedNumerically() {
        ControlPlane cp = controlPlane(3, List.of("v1.33.10", "v1.33.9", "v1.34.0"));
        assertThat(KubeadmControlPlaneStatus.lowestVersion(cp)).contains("v1.33.9");
    }

    @Test
    void countersAndScalingConditionsFollowTheMachines() {
        ControlPlane cp = controlPlane(3, List.of("v1.33.0"));
        ObjectNode kcp = (ObjectNode) cp.kcp().json();
        KubeadmControlPlaneStatus.update(kcp, cp, "c1", false);
        assertThat(kcp.at("/status/replicas").asInt()).isEqualTo(1);
        assertThat(kcp.at("/status/selector").asText())
                .isEqualTo("cluster.x-k8s.io/cluster-name=c1,cluster.x-k8s.io/control-plane");
        assertThat(kcp.at("/status/initialization/controlPlaneInitialized").isMissingNode()).isTrue();
        assertThat(status(kcp, "ScalingUp")).isEqualTo("True");
        assertThat(status(kcp, "ScalingDown")).isEqualTo("False");
        assertThat(status(kcp, "Initialized")).isEqualTo("False");
        assertThat(status(kcp, "Available")).isEqualTo("False");

        KubeadmControlPlaneStatus.update(kcp, cp, "c1", true);
        assertThat(kcp.at("/status/initialization/controlPlaneInitialized").asBoolean()).isTrue();
        assertThat(status(kcp, "Initialized")).isEqualTo("True");
    }

    private static String status(ObjectNode kcp, String type) {
        for (var c : kcp.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c.path("status").asText();
            }
        }
        return "";
    }

    private static ControlPlane controlPlane(int replicas, List<String> versions) {
        ObjectNode kcp = Json.object();
        kcp.putObject("metadata").put("name", "cp").put("uid", "u1").put("generation", 1);
        kcp.putObject("spec").put("replicas", replicas).put("version", "v1.33.0");
        int i = 0;
        List<ControlPlaneMachine> machines = new java.util.ArrayList<>();
        for (String version : versions) {
            ObjectNode m = Json.object();
            m.putObject("metadata").put("name", "m" + i++);
            m.putObject("spec").put("version", version);
            machines.add(ControlPlaneMachine.of(m));
        }
        return ControlPlane.observe(kcp, Json.object(), ControlPlaneMachines.of(machines), Instant.now());
    }
}
