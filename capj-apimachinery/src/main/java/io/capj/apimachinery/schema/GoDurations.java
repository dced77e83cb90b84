package io.capj.apimachinery.schema;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Duration strings as the {@code duration} format accepts them: Go's {@code time.ParseDuration} syntax
 * ({@code 1h30m}, {@code 1.5s}, {@code -300ms}) or, failing that, strfmt's lenient word form ({@code 3 days},
 * {@code 5 min}).
 */
final class GoDurations {
    private static final Pattern GO = Pattern.compile("^[-+]?((\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+$");
    private static final Pattern GO_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern WORDS = Pattern.compile("((\\d+)\\s*([A-Za-zµ]+))");
    private static final Map<String, Long> GO_UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
            "μs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    /** strfmt's unit words: the last variant of each row also matches as a prefix ("days" matches "day"). */
    private static final List<List<String>> WORD_UNITS = List.of(List.of("ns", "nano"), List.of("us", "µs", "micro"),
            List.of("ms", "milli"), List.of("s", "sec"), List.of("m", "min"), List.of("h", "hr", "hour"),
            List.of("d", "day"), List.of("w", "wk", "week"));
    private static final List<Duration> WORD_UNIT_LENGTH = List.of(Duration.ofNanos(1), Duration.ofNanos(1000),
            Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofDays(7));

    private GoDurations() {
    }

    /** The parsed duration, or null if the string is not a duration in either syntax. */
    static Duration parse(String s) {
        try {
            Duration go = parseGo(s);
            return go != null ? go : parseWords(s);
        } catch (ArithmeticException | NumberFormatException e) {
            return null; // Go rejects numbers that overflow int64 nanoseconds too
        }
    }

    private static Duration parseGo(String s) {
        if (s.equals("0") || s.equals("+0") || s.equals("-0")) {
            return Duration.ZERO;
        }
        if (!GO.matcher(s).matches()) {
            return null;
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = GO_PART.matcher(s);
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1))
                    .multiply(BigDecimal.valueOf(GO_UNIT_NANOS.get(m.group(2)))));
        }
        Duration d = Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
        return s.startsWith("-") ? d.negated() : d;
    }

    private static Duration parseWords(String s) {
        Duration total = Duration.ZERO;
        boolean matched = false;
        Matcher m = WORDS.matcher(s);
        while (m.find()) {
            String unit = m.group(3).trim().toLowerCase(Locale.ROOT);
            for (int row = 0; row < WORD_UNITS.size(); row++) {
                List<String> variants = WORD_UNITS.get(row);
                for (int i = 0; i < variants.size(); i++) {
                    boolean last = i == variants.size() - 1;
                    if ((last && unit.startsWith(variants.get(i))) || unit.equalsIgnoreCase(variants.get(i))) {
                        matched = true;
                        total = total.plus(WORD_UNIT_LENGTH.get(row).multipliedBy(Long.parseLong(m.group(2))));
                    }
                }
            }
        }
        return matched ? total : null;
    }
}
