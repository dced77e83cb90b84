package io.capj.controlplane.kubeadm.remediation;

import static io.capj.controlplane.kubeadm.testing.Fixtures.NOW;
import static io.capj.controlplane.kubeadm.testing.Fixtures.kcp;
import static io.capj.controlplane.kubeadm.testing.Fixtures.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneView;
import io.capj.controlplane.kubeadm.testing.Fixtures.KcpBuilder;
import io.capj.controlplane.kubeadm.testing.Fixtures.MachineBuilder;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's remediation_test.go TestCheckRetryLimits. */
class RemediationRetryTest {

    private static MachineBuilder remediatedAgo(Duration ago, int retryCount) {
        return machine("m").remediationFor(("{'machine':'old','timestamp':'" + NOW.minus(ago) + "','retryCount':"
                + retryCount + "}").replace('\'', '"'));
    }

    /** Expected: "allowed:N" with the recorded retry count, or "blocked:Reason". */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("first remediation", kcp(), machine("m"), "allowed:0"),
                Arguments.of("last remediation older than minHealthyPeriod: new sequence", kcp(),
                        remediatedAgo(Duration.ofHours(2), 3), "allowed:0"),
                Arguments.of("within minHealthyPeriod: a retry", kcp(), remediatedAgo(Duration.ofMinutes(30), 1),
                        "allowed:2"),
                Arguments.of("custom minHealthyPeriod", kcp().remediation("{'minHealthyPeriodSeconds':600}"),
                        remediatedAgo(Duration.ofMinutes(30), 1), "allowed:0"),
                Arguments.of("retry within retryPeriod is deferred",
                        kcp().remediation("{'retryPeriodSeconds':3600}"), remediatedAgo(Duration.ofMinutes(30), 1),
                        "blocked:RemediationDeferred"),
                Arguments.of("retry after retryPeriod", kcp().remediation("{'retryPeriodSeconds':600}"),
                        remediatedAgo(Duration.ofMinutes(30), 1), "allowed:2"),
                Arguments.of("maxRetry reached", kcp().remediation("{'maxRetry':2}"),
                        remediatedAgo(Duration.ofMinutes(30), 2), "blocked:CannotBeRemediated"),
                Arguments.of("maxRetry not yet reached", kcp().remediation("{'maxRetry':3}"),
                        remediatedAgo(Duration.ofMinutes(30), 2), "allowed:3"),
                Arguments.of("missing timestamp counts as long ago", kcp().remediation("{'maxRetry':1}"),
                        machine("m").remediationFor("{\"machine\":\"old\",\"retryCount\":5}"), "allowed:0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsRetriesWithinTheHealthyPeriod(String name, KcpBuilder kcp, MachineBuilder machine, String expected) {
        RemediationRetry.Outcome outcome = RemediationRetry.check(KubeadmControlPlaneView.of(kcp.build()), machine.cp(),
                NOW);
        String actual = outcome instanceof RemediationRetry.Allowed a ? "allowed:" + a.data().retryCount()
                : "blocked:" + ((RemediationRetry.Blocked) outcome).reason();
        assertThat(actual).isEqualTo(expected);
        if (outcome instanceof RemediationRetry.Allowed a) {
            assertThat(a.data().machine()).isEqualTo("m");
            assertThat(a.data().timestamp()).contains(NOW);
        }
    }

    @Test
    void blockedMessagesAreUpstreams() {
        var deferred = (RemediationRetry.Blocked) RemediationRetry.check(
                KubeadmControlPlaneView.of(kcp().remediation("{'retryPeriodSeconds':3600}").build()),
                remediatedAgo(Duration.ofMinutes(30), 1).cp(), NOW);
        assertThat(deferred.message()).isEqualTo("KubeadmControlPlane can't remediate this machine because the "
                + "operation already failed in the latest 1h0m0s (RetryPeriodSeconds)");
        var maxed = (RemediationRetry.Blocked) RemediationRetry.check(
                KubeadmControlPlaneView.of(kcp().remediation("{'maxRetry':2}").build()),
                remediatedAgo(Duration.ofMinutes(30), 2).cp(), NOW);
        assertThat(maxed.message()).isEqualTo(
                "KubeadmControlPlane can't remediate this machine because the operation already failed 2 times (MaxRetry)");
    }

    @Test
    void goDurationFormatsLikeGo() {
        assertThat(RemediationRetry.goDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(RemediationRetry.goDuration(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(RemediationRetry.goDuration(Duration.ofSeconds(3605))).isEqualTo("1h0m5s");
    }
}
