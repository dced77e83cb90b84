package io.capj.controlplane.kubeadm.remediation;

import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.KubeadmControlPlaneMachineCannotBeRemediatedReason;
import static io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions.KubeadmControlPlaneMachineRemediationDeferredReason;

import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneView;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Upstream {@code checkRetryLimits}: a Machine with no {@code remediation-for} annotation starts a new sequence
 * (retry 0). When it has one and the last remediation is less than {@code minHealthyPeriodSeconds} (default 1h)
 * old, the Machine failed again soon after replacing a failed one: that is a retry of the same sequence, which
 * must wait {@code retryPeriodSeconds} since the last remediation and stops at {@code maxRetry}. A missing
 * timestamp counts as long ago. When allowed, the returned data starts at retry 0, or carries the previous
 * count plus one for a retry.
 */
public final class RemediationRetry {

    private RemediationRetry() {
    }

    /** The outcome of the retry check. */
    public sealed interface Outcome {
    }

    /** Remediation may go ahead; {@code data} is what the KCP's remediation-in-progress annotation records. */
    public record Allowed(RemediationData data) implements Outcome {
    }

    /** Not now: the OwnerRemediated reason and message upstream sets. */
    public record Blocked(String reason, String message) implements Outcome {
    }

    public static Outcome check(KubeadmControlPlaneView kcp, ControlPlaneMachine machine, Instant now) {
        RemediationData next = RemediationData.of(machine.name(), now, 0);
        Optional<String> annotation = machine.annotation(KubeadmControlPlaneAnnotations.RemediationForAnnotation);
        if (annotation.isEmpty()) {
            return new Allowed(next);
        }
        RemediationData last = RemediationData.fromAnnotation(annotation.get());
        Duration minHealthyPeriod = Duration.ofSeconds(kcp.remediationMinHealthyPeriodSeconds());
        Duration retryPeriod = Duration.ofSeconds(kcp.remediationRetryPeriodSeconds().orElse(0));
        Duration longest = minHealthyPeriod.compareTo(retryPeriod) >= 0 ? minHealthyPeriod : retryPeriod;
        Instant lastTime = last.timestamp().orElse(now.minus(longest.multipliedBy(2)));

        if (!lastTime.plus(minHealthyPeriod).isAfter(now)) {
            return new Allowed(next);
        }
        int retryCount = last.retryCount();
        if (lastTime.plus(retryPeriod).isAfter(now)) {
            return new Blocked(KubeadmControlPlaneMachineRemediationDeferredReason,
                    "KubeadmControlPlane can't remediate this machine because the operation already failed in the latest "
                            + goDuration(retryPeriod) + " (RetryPeriodSeconds)");
        }
        if (kcp.remediationMaxRetry().isPresent() && retryCount >= kcp.remediationMaxRetry().getAsInt()) {
            return new Blocked(KubeadmControlPlaneMachineCannotBeRemediatedReason,
                    "KubeadmControlPlane can't remediate this machine because the operation already failed "
                            + kcp.remediationMaxRetry().getAsInt() + " times (MaxRetry)");
        }
        return new Allowed(next.withRetryCount(retryCount + 1));
    }

    /** A duration as Go's {@code time.Duration.String()} prints whole seconds: 0s, 45s, 5m0s, 1h0m0s. */
    static String goDuration(Duration d) {
        long seconds = d.getSeconds();
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long secs = seconds % 60;
        if (hours > 0) {
            return hours + "h" + minutes + "m" + secs + "s";
        }
        if (minutes > 0) {
            return minutes + "m" + secs + "s";
        }
        return secs + "s";
    }
}
