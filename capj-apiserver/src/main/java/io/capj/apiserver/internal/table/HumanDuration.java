package io.capj.apiserver.internal.table;

import java.time.Duration;
import java.time.Instant;

/**
 * apimachinery's {@code duration.HumanDuration}: two or three significant figures ({@code 45s}, {@code 5m30s},
 * {@code 42m}, {@code 6h5m}, {@code 30h}, {@code 3d4h}, {@code 200d}, {@code 3y12d}, {@code 9y}). Up to two seconds in
 * the future counts as now ({@code 0s}) to tolerate clock skew; beyond that it is {@code <invalid>}.
 */
public final class HumanDuration {
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;

    private HumanDuration() {
    }

    /** The age of something that happened at {@code then}, seen at {@code now}. */
    public static String since(Instant then, Instant now) {
        return format(Duration.between(then, now));
    }

    public static String format(Duration d) {
        // Go's int(d.Seconds()) truncates toward zero, so -1.9s still reads as "0s".
        long seconds = d.getSeconds() < 0 && d.getNano() > 0 ? d.getSeconds() + 1 : d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 2 * MINUTE) {
            return seconds + "s";
        }
        long minutes = seconds / MINUTE;
        if (minutes < 10) {
            return withRemainder(minutes, "m", seconds % MINUTE, "s");
        }
        if (minutes < 3 * 60) {
            return minutes + "m";
        }
        long hours = seconds / HOUR;
        if (hours < 8) {
            return withRemainder(hours, "h", minutes % 60, "m");
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return withRemainder(hours / 24, "d", hours % 24, "h");
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        if (hours < 24 * 365 * 8) {
            return withRemainder(hours / 24 / 365, "y", (hours / 24) % 365, "d");
        }
        return hours / 24 / 365 + "y";
    }

    private static String withRemainder(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
    }
}
