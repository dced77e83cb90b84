package io.capj.apimachinery;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Kubernetes time formats: {@code Time} is RFC 3339 UTC with seconds, {@code MicroTime} with microseconds. */
public final class Times {
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 2026-11-24T06:01:33Z}. */
    public static String format(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code 2026-11-24T06:01:33.123456Z}. */
    public static String formatMicro(Instant t) {
        return MICRO.format(t);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
