package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reading {@code metav1.Time}/{@code MicroTime} strings the way the printers see them: empty, {@code "null"} and
 * absent are the zero time (printed {@code <unknown>}), anything else is RFC 3339 with optional fraction and offset.
 */
final class Timestamps {
    static final String UNKNOWN = "<unknown>";

    private Timestamps() {
    }

    /** Upstream's {@code translateTimestampSince}: the age, or {@code <unknown>} for the zero or an unreadable time. */
    static String since(JsonNode timestamp, Instant now) {
        if (isZero(timestamp)) {
            return UNKNOWN;
        }
        Instant t = parse(timestamp.asText());
        return t == null ? UNKNOWN : HumanDuration.since(t, now);
    }

    static boolean isZero(JsonNode timestamp) {
        if (timestamp == null || !timestamp.isTextual()) {
            return true;
        }
        String text = timestamp.textValue();
        return text.isEmpty() || text.equals("null");
    }

    /** The instant, or null if the text is not RFC 3339. */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
