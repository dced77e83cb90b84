package io.capj.infrastructure.dev.machine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one provisioning step of an in-memory machine takes: {@code startupDuration} (a Go duration such as
 * {@code 10s}, {@code 1m30s}, {@code 500ms}) plus up to {@code startupJitter} (a fraction such as {@code "0.2"})
 * times it, as upstream adds. The jitter fraction is drawn from a generator seeded with the machine's uid and
 * the step, so a restarted process computes the same deadline instead of re-rolling it.
 */
public final class StartupDelay {
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private StartupDelay() {
    }

    /** The delay of {@code step} ({@code vm}, {@code node}, {@code etcd}, {@code apiServer}) of a machine. */
    public static Duration of(JsonNode inMemoryBackend, String step, String machineUid) {
        JsonNode provisioning = inMemoryBackend.path(step).path("provisioning");
        Duration base = parseGoDuration(provisioning.path("startupDuration").asText(""));
        String jitterText = provisioning.path("startupJitter").asText("");
        if (jitterText.isBlank() || base.isZero()) {
            return base;
        }
        double jitter;
        try {
            jitter = Double.parseDouble(jitterText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse " + step + "'s startupJitter '" + jitterText + "'", e);
        }
        if (jitter <= 0) {
            return base;
        }
        double fraction = new SplittableRandom((machineUid + "/" + step).hashCode()).nextDouble();
        return base.plusNanos((long) (fraction * jitter * base.toNanos()));
    }

    /**
     * A Go duration string; empty means zero.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static Duration parseGoDuration(String text) {
        String s = text.trim();
        if (s.isEmpty() || s.equals("0")) {
            return Duration.ZERO;
        }
        boolean negative = s.startsWith("-");
        String body = negative || s.startsWith("+") ? s.substring(1) : s;
        Matcher m = GO_DURATION_PART.matcher(body);
        int position = 0;
        double nanos = 0;
        while (m.find() && m.start() == position) {
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            position = m.end();
        }
        if (position != body.length() || body.isEmpty()) {
            throw new IllegalArgumentException("invalid duration '" + text + "'");
        }
        Duration d = Duration.ofNanos((long) nanos);
        return negative ? d.negated() : d;
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
