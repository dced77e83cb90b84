package io.capj.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go {@code time.Duration} strings ({@code metav1.Duration} in v1beta1 fields such as
 * {@code nodeDrainTimeout}): parsing {@code 1h2m3.5s}, {@code 500ms}, {@code -1m}; formatting as Go prints them
 * ({@code 1h0m0s}, {@code 1m30s}, {@code 500ms}, {@code 0s}).
 */
final class GoDurations {
    private static final Pattern PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDurations() {
    }

    /** The duration, or {@code null} when {@code text} is not a Go duration. */
    static Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if ("0".equals(s)) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || ".".equals(m.group(1))) {
                return null;
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
            at = m.end();
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        String sign = d.isNegative() ? "-" : "";
        Duration abs = d.abs();
        if (abs.compareTo(Duration.ofSeconds(1)) < 0) {
            long nanos = abs.toNanos();
            if (nanos % 1_000_000 == 0) {
                return sign + nanos / 1_000_000 + "ms";
            }
            return nanos % 1_000 == 0 ? sign + nanos / 1_000 + "µs" : sign + nanos + "ns";
        }
        StringBuilder out = new StringBuilder(sign);
        long hours = abs.toHours();
        long minutes = abs.toMinutesPart();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        BigDecimal seconds = BigDecimal.valueOf(abs.toSecondsPart())
                .add(BigDecimal.valueOf(abs.toNanosPart(), 9)).stripTrailingZeros();
        return out.append(seconds.toPlainString()).append('s').toString();
    }
}
