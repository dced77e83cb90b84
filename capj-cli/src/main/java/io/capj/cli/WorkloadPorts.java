package io.capj.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code --workload-ports MIN-MAX} range the in-memory provider binds workload clusters in. */
record WorkloadPorts(int min, int max) {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");

    /** The range, or empty when {@code text} is not {@code MIN-MAX} within 1..65535 with MIN <= MAX. */
    static Optional<WorkloadPorts> parse(String text) {
        Matcher matcher = RANGE.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int min = Integer.parseInt(matcher.group(1));
        int max = Integer.parseInt(matcher.group(2));
        return min >= 1 && min <= max && max <= 65535 ? Optional.of(new WorkloadPorts(min, max)) : Optional.empty();
    }
}
