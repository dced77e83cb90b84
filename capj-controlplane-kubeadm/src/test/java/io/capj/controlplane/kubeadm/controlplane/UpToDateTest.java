package io.capj.controlplane.kubeadm.controlplane;

import static io.capj.controlplane.kubeadm.testing.Fixtures.NOW;
import static io.capj.controlplane.kubeadm.testing.Fixtures.kcp;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneView;
import io.capj.controlplane.kubeadm.testing.Fixtures.KcpBuilder;
import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's filters_test.go (UpToDate) and machine_filters_test.go (rollout before/after). */
class UpToDateTest {

    private static final String GK = "DevMachineTemplate.infrastructure.cluster.x-k8s.io";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("everything matches", kcp(), machine("m"), List.of()),
                Arguments.of("version differs", kcp().version("v1.31.0"), machine("m"),
                        List.of("Version v1.30.2, v1.31.0 required")),
                Arguments.of("rollout.after passed, machine created before", kcp().rolloutAfter(NOW.minusSeconds(60)),
                        machine("m").created(Duration.ofHours(1)), List.of("KubeadmControlPlane spec.rolloutAfter expired")),
                Arguments.of("rollout.after passed, machine created after", kcp().rolloutAfter(NOW.minusSeconds(60)),
                        machine("m").created(Duration.ofSeconds(30)), List.of()),
                Arguments.of("rollout.after in the future", kcp().rolloutAfter(NOW.plusSeconds(60)),
                        machine("m"), List.of()),
                Arguments.of("certificates expire within the window", kcp().certificatesExpiryDays(10),
                        machine("m").certificatesExpire(NOW.plus(Duration.ofDays(9))),
                        List.of("Certificates will expire soon")),
                Arguments.of("certificates expire after the window", kcp().certificatesExpiryDays(10),
                        machine("m").certificatesExpire(NOW.plus(Duration.ofDays(11))), List.of()),
                Arguments.of("certificate window unset", kcp(),
                        machine("m").certificatesExpire(NOW.plus(Duration.ofDays(1))), List.of()),
                Arguments.of("no expiry date recorded", kcp().certificatesExpiryDays(10), machine("m"), List.of()),
                Arguments.of("infra cloned from the current template", kcp(),
                        machine("m").infraClonedFrom(GK, "tmpl-1"), List.of()),
                Arguments.of("infra cloned from an older template", kcp(),
                        machine("m").infraClonedFrom(GK, "tmpl-0"), List.of("DevMachine is not up-to-date")),
                Arguments.of("infra cloned from another kind", kcp(),
                        machine("m").infraClonedFrom("OtherTemplate.infrastructure.cluster.x-k8s.io", "tmpl-1"),
                        List.of("DevMachine is not up-to-date")),
                Arguments.of("kubeadm config differs", kcp().kubeadmConfigSpec("{'preKubeadmCommands':['a']}"),
                        machine("m").kubeadmConfig("{'joinConfiguration':{'controlPlane':{}}}"),
                        List.of("KubeadmConfig is not up-to-date")),
                Arguments.of("missing kubeadm config is not a mismatch",
                        kcp().kubeadmConfigSpec("{'preKubeadmCommands':['a']}"), machine("m"), List.of()),
                Arguments.of("all reasons in upstream's order",
                        kcp().version("v1.31.0").certificatesExpiryDays(10).rolloutAfter(NOW.minusSeconds(1))
                                .kubeadmConfigSpec("{'preKubeadmCommands':['a']}"),
                        machine("m").certificatesExpire(NOW).infraClonedFrom(GK, "tmpl-0")
                                .kubeadmConfig("{'joinConfiguration':{'controlPlane':{}}}"),
                        List.of("Certificates will expire soon", "KubeadmControlPlane spec.rolloutAfter expired",
                                "Version v1.30.2, v1.31.0 required", "KubeadmConfig is not up-to-date",
                                "DevMachine is not up-to-date")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void listsTheReasonsAMachineIsOutdated(String name, KcpBuilder kcp, MachineBuilder machine, List<String> reasons) {
        UpToDate.Result result = UpToDate.check(KubeadmControlPlaneView.of(kcp.build()), machine.cp(), NOW);
        assertThat(result.conditionMessages()).containsExactlyElementsOf(reasons);
        assertThat(result.upToDate()).isEqualTo(reasons.isEmpty());
        assertThat(result.logMessages()).hasSameSizeAs(reasons);
    }

    @Test
    void logMessagesCarryTheDetail() {
        UpToDate.Result result = UpToDate.check(KubeadmControlPlaneView.of(kcp().version("v1.31.0").build()),
                machine("m").infraClonedFrom(GK, "tmpl-0").cp(), NOW);
        assertThat(result.logMessages()).containsExactly(
                "Machine version \"v1.30.2\" is not equal to KCP version \"v1.31.0\"",
                "Infrastructure template on KCP rotated from " + GK + " tmpl-0 to " + GK + " tmpl-1");
    }
}
