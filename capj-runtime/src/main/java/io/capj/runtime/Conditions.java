package io.capj.runtime;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that changes {@code metav1.Condition} lists (Cluster API v1beta2 semantics), so transition
 * times and observedGeneration are handled once: {@code lastTransitionTime} moves only when the status
 * changes, {@code observedGeneration} records the generation the condition was computed from, and a missing
 * condition reads as Unknown. {@link #summary} derives an aggregate condition (Ready, Available) where
 * negative-polarity types (Deleting, Updating, ...) are healthy when False.
 */
public final class Conditions {
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    /** Summary reasons: some source reports an issue / some is unknown / all are healthy. */
    public static final String ISSUES_REPORTED_REASON = "IssuesReported";
    public static final String UNKNOWN_REPORTED_REASON = "UnknownReported";
    public static final String INFO_REPORTED_REASON = "InfoReported";

    private Conditions() {
    }

    /** A condition of {@code type} with the given status, reason and message (no time, no generation yet). */
    public static Condition of(String type, String status, String reason, String message) {
        Condition c = new Condition();
        c.setType(type);
        c.setStatus(status);
        c.setReason(reason);
        c.setMessage(message == null ? "" : message);
        return c;
    }

    /** The condition of {@code type}, if present. */
    public static Optional<Condition> get(List<Condition> conditions, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return get(conditions, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
    }

    public static boolean isFalse(List<Condition> conditions, String type) {
        return get(conditions, type).map(c -> FALSE.equals(c.getStatus())).orElse(false);
    }

    /** True when the condition is Unknown or missing. */
    public static boolean isUnknown(List<Condition> conditions, String type) {
        return get(conditions, type).map(c -> !TRUE.equals(c.getStatus()) && !FALSE.equals(c.getStatus()))
                .orElse(true);
    }

    /** {@link #set(List, Condition, long, Clock)} with the system clock. */
    public static boolean set(List<Condition> conditions, Condition desired, long generation) {
        return set(conditions, desired, generation, Clock.systemUTC());
    }

    /**
     * Sets {@code desired} (type, status, reason, message) in {@code conditions} in place, stamping
     * {@code generation} as observedGeneration. The transition time is now when the condition is new or
     * its status changed, and the existing one otherwise.
     *
     * @return whether anything in the list changed
     */
    public static boolean set(List<Condition> conditions, Condition desired, long generation, Clock clock) {
        Objects.requireNonNull(desired.getType(), "condition type");
        Optional<Condition> existing = get(conditions, desired.getType());
        if (existing.isEmpty()) {
            Condition added = copyOf(desired, generation, timestamp(clock));
            conditions.add(added);
            return true;
        }
        Condition current = existing.get();
        boolean statusChanged = !Objects.equals(current.getStatus(), desired.getStatus());
        String transition = statusChanged || current.getLastTransitionTime() == null
                ? timestamp(clock) : current.getLastTransitionTime();
        Condition next = copyOf(desired, generation, transition);
        if (sameContent(current, next)) {
            return false;
        }
        conditions.set(conditions.indexOf(current), next);
        return true;
    }

    /** Removes the condition of {@code type}; returns whether it was present. */
    public static boolean delete(List<Condition> conditions, String type) {
        return conditions != null && conditions.removeIf(c -> type.equals(c.getType()));
    }

    /**
     * An aggregate condition of {@code type} over {@code sources}: False if any source reports an issue
     * (False, or True for a type in {@code negativePolarity}), else Unknown if any is Unknown or missing, else
     * True. The message lists each source with an issue, then each unknown one, as "* Type: message".
     */
    public static Condition summary(String type, List<Condition> conditions, Collection<String> sources,
            Set<String> negativePolarity) {
        List<String> issues = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        for (String source : sources) {
            Optional<Condition> c = get(conditions, source);
            if (c.isEmpty()) {
                unknowns.add("* " + source + ": Condition not yet reported");
                continue;
            }
            String status = c.get().getStatus();
            String bad = negativePolarity.contains(source) ? TRUE : FALSE;
            String line = "* " + source + (blank(c.get().getMessage()) ? "" : ": " + c.get().getMessage());
            if (bad.equals(status)) {
                issues.add(line);
            } else if (!TRUE.equals(status) && !FALSE.equals(status)) {
                unknowns.add(line);
            }
        }
        List<String> lines = new ArrayList<>(issues);
        lines.addAll(unknowns);
        String message = String.join("\n", lines);
        if (!issues.isEmpty()) {
            return of(type, FALSE, ISSUES_REPORTED_REASON, message);
        }
        if (!unknowns.isEmpty()) {
            return of(type, UNKNOWN, UNKNOWN_REPORTED_REASON, message);
        }
        return of(type, TRUE, INFO_REPORTED_REASON, "");
    }

    /** RFC 3339 with second precision, as metav1.Time serialises. */
    static String timestamp(Clock clock) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    private static Condition copyOf(Condition desired, long generation, String transition) {
        Condition c = of(desired.getType(), desired.getStatus(), desired.getReason(), desired.getMessage());
        c.setObservedGeneration(generation);
        c.setLastTransitionTime(transition);
        return c;
    }

    private static boolean sameContent(Condition a, Condition b) {
        return Objects.equals(a.getStatus(), b.getStatus()) && Objects.equals(a.getReason(), b.getReason())
                && Objects.equals(nullToEmpty(a.getMessage()), nullToEmpty(b.getMessage()))
                && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
                && Objects.equals(a.getLastTransitionTime(), b.getLastTransitionTime());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
