package io.capj.core.machinehealthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.core.machinedeployment.IntOrPercent;

/**
 * Whether a MachineHealthCheck may remediate now, from its {@code spec.remediation.triggerIf}: the number of
 * targets not known healthy (expected minus healthy, so pending ones count) must lie in
 * {@code unhealthyInRange} ({@code [a-b]}, which wins when set), or be at most {@code unhealthyLessThanOrEqualTo}
 * (an int, or a percentage of the targets rounded down; 100% when unset). Pure, as upstream's
 * {@code isAllowedRemediation}; the messages are upstream's.
 */
record RemediationTrigger(boolean allowed, int remediationsAllowed, String message) {
    private static final String DEFAULT_MAX_UNHEALTHY = "100%";

    /**
     * The decision for {@code expected} targets of which {@code healthy} are healthy.
     *
     * @throws IllegalArgumentException when the range or the int-or-percent is malformed
     */
    static RemediationTrigger decide(JsonNode triggerIf, int expected, int healthy) {
        int unhealthy = expected - healthy;
        String range = triggerIf.path("unhealthyInRange").asText("");
        if (!range.isEmpty()) {
            String[] bounds = range.substring(1, range.length() - 1).split("-");
            int min = Integer.parseInt(bounds[0]);
            int max = Integer.parseInt(bounds[1]);
            if (max < min) {
                throw new IllegalArgumentException("max value " + max + " cannot be less than min value " + min
                        + " for unhealthyRange");
            }
            boolean allowed = unhealthy >= min && unhealthy <= max;
            return new RemediationTrigger(allowed, allowed ? max - unhealthy : 0, allowed ? ""
                    : "Remediation is not allowed, the number of not started or unhealthy machines does not fall "
                    + "within the range (total: " + expected + ", unhealthy: " + unhealthy + ", unhealthyRange: "
                    + range + ")");
        }
        JsonNode limit = triggerIf.path("unhealthyLessThanOrEqualTo");
        IntOrPercent maxUnhealthy = limit.isIntegralNumber() ? IntOrPercent.of(limit.asInt())
                : IntOrPercent.of(limit.isTextual() ? limit.asText() : DEFAULT_MAX_UNHEALTHY);
        int max = maxUnhealthy.scaledValue(expected, false);
        boolean allowed = unhealthy <= max;
        return new RemediationTrigger(allowed, allowed ? max - unhealthy : 0, allowed ? ""
                : "Remediation is not allowed, the number of not started or unhealthy machines exceeds maxUnhealthy "
                + "(total: " + expected + ", unhealthy: " + unhealthy + ", maxUnhealthy: " + maxUnhealthy + ")");
    }
}
