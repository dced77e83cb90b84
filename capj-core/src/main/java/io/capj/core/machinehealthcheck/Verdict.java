package io.capj.core.machinehealthcheck;

import java.time.Duration;

/**
 * What one health check of one Machine concluded: {@link Kind#HEALTHY}; {@link Kind#UNHEALTHY} with the
 * HealthCheckSucceeded reason and message to report; or {@link Kind#UNDECIDED}, neither (a timeout is still
 * running, the Node has not appeared, or the Cluster is not far enough to judge), with the time after which
 * to look again ({@link Duration#ZERO} when only an event can change the answer).
 */
record Verdict(Kind kind, String reason, String message, Duration recheckAfter) {

    /** The three outcomes; only HEALTHY counts towards {@code status.currentHealthy}. */
    enum Kind { HEALTHY, UNHEALTHY, UNDECIDED }

    static Verdict healthy() {
        return new Verdict(Kind.HEALTHY, "", "", Duration.ZERO);
    }

    static Verdict unhealthy(String reason, String message) {
        return new Verdict(Kind.UNHEALTHY, reason, message, Duration.ZERO);
    }

    static Verdict undecided(Duration recheckAfter) {
        return new Verdict(Kind.UNDECIDED, "", "", recheckAfter);
    }

    boolean isHealthy() {
        return kind == Kind.HEALTHY;
    }

    boolean isUnhealthy() {
        return kind == Kind.UNHEALTHY;
    }
}
