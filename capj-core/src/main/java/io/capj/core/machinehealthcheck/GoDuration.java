package io.capj.core.machinehealthcheck;

import java.time.Duration;

/** Whole-second durations printed as Go's {@code time.Duration.String()} does ({@code 10s}, {@code 5m0s}). */
final class GoDuration {
    private GoDuration() {
    }

    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        String tail = minutes + "m" + seconds % 60 + "s";
        return hours > 0 ? hours + "h" + tail : tail;
    }
}
