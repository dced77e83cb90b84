package io.capj.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Lease-based leader election settings for a {@link Manager}: the {@code coordination.k8s.io/v1} Lease
 * {@code namespace/leaseName} is held by {@code identity}; only its holder runs controllers. The durations
 * follow client-go's meaning (lease validity, how long the leader keeps retrying its renewal, how often
 * candidates retry) and default to controller-runtime's 15 s / 10 s / 2 s.
 */
public record LeaderElection(String namespace, String leaseName, String identity, Duration leaseDuration,
        Duration renewDeadline, Duration retryPeriod) {

    public LeaderElection {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(leaseName, "leaseName");
        Objects.requireNonNull(identity, "identity");
        if (!(leaseDuration.compareTo(renewDeadline) > 0 && renewDeadline.compareTo(retryPeriod) > 0)) {
            throw new IllegalArgumentException(
                    "leader election needs leaseDuration > renewDeadline > retryPeriod, got "
                            + leaseDuration + ", " + renewDeadline + ", " + retryPeriod);
        }
    }

    /** Election on {@code namespace/leaseName} as {@code identity} with the default durations. */
    public static LeaderElection of(String namespace, String leaseName, String identity) {
        return new LeaderElection(namespace, leaseName, identity, Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofSeconds(2));
    }

    /** The same election with other durations (tests use short ones to fail over quickly). */
    public LeaderElection withDurations(Duration lease, Duration renew, Duration retry) {
        return new LeaderElection(namespace, leaseName, identity, lease, renew, retry);
    }
}
