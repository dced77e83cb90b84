package io.capj.controlplane.kubeadm.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MachineNamesTest {
    @Test
    void defaultTemplateIsKcpNameAndFiveRandomCharacters() {
        String name = MachineNames.generate(KubeadmControlPlaneAnnotations.DefaultMachineNamingTemplate, "cp", "c1",
                new Random(1));
        assertThat(name).matches("cp-[bcdfghjklmnpqrstvwxz2456789]{5}");
    }

    @Test
    void clusterNameAndLiteralsAreKept() {
        assertThat(MachineNames.generate("{{ .cluster.name }}-x-{{ .random }}", "cp", "c1", new Random(1)))
                .startsWith("c1-x-").hasSize("c1-x-".length() + 5);
    }

    @Test
    void longNamesAreCutTo63WithAFreshSuffix() {
        String name = MachineNames.generate("{{ .kubeadmControlPlane.name }}-{{ .random }}", "k".repeat(70), "c1",
                new Random(1));
        assertThat(name).hasSize(63).startsWith("k".repeat(58));
    }

    @Test
    void unknownVariablesAreRejected() {
        assertThatThrownBy(() -> MachineNames.generate("{{ .machineSet.name }}-{{ .random }}", "cp", "c1", new Random(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".machineSet.name");
    }
}
