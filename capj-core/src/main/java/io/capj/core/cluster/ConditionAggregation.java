package io.capj.core.cluster;

import io.capj.api.core.v1beta2.Condition;
import io.capj.runtime.Conditions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregates one condition type reported by several objects (Machines, MachineDeployments, a control plane)
 * into one Cluster condition, after upstream's aggregate with its default merge strategy: any member with an
 * issue makes the target report the issue, else any unknown or missing member makes it Unknown, else all is
 * well. Members sharing kind and message are listed together, issues first.
 */
final class ConditionAggregation {
    private static final int MAX_LINES = 3;

    private ConditionAggregation() {
    }

    /** One aggregated object: its kind (for messages), name and the condition it reports, if any. */
    record Member(String kind, String name, Optional<Condition> condition) {
    }

    /** The target's reasons when some member has an issue, when some is unknown, and when all are fine. */
    record Reasons(String issue, String unknown, String info) {
    }

    /**
     * The aggregate of {@code sourceType} over {@code members} as condition {@code targetType}. With
     * {@code negativePolarity} (RollingOut, ScalingUp, ...) a member's True is the issue and the target is True
     * when any member has it; otherwise False is the issue and the target is False.
     */
    static io.fabric8.kubernetes.api.model.Condition aggregate(String targetType, String sourceType,
            List<Member> members, boolean negativePolarity, Reasons reasons) {
        String issueStatus = negativePolarity ? Conditions.TRUE : Conditions.FALSE;
        Map<String, List<String>> issues = new LinkedHashMap<>();
        Map<String, List<String>> unknowns = new LinkedHashMap<>();
        for (Member member : members) {
            if (member.condition().isEmpty()) {
                group(unknowns, member, "Condition " + sourceType + " not yet reported");
                continue;
            }
            Condition c = member.condition().get();
            if (issueStatus.equals(c.status())) {
                group(issues, member, c.message());
            } else if (!Conditions.TRUE.equals(c.status()) && !Conditions.FALSE.equals(c.status())) {
                group(unknowns, member, c.message());
            }
        }
        List<String> lines = new ArrayList<>();
        issues.forEach((key, names) -> lines.add(line(key, names)));
        unknowns.forEach((key, names) -> lines.add(line(key, names)));
        String message = message(lines);
        if (!issues.isEmpty()) {
            return Conditions.of(targetType, issueStatus, reasons.issue(), message);
        }
        if (!unknowns.isEmpty()) {
            return Conditions.of(targetType, Conditions.UNKNOWN, reasons.unknown(), message);
        }
        return Conditions.of(targetType, negativePolarity ? Conditions.FALSE : Conditions.TRUE, reasons.info(), "");
    }

    private static void group(Map<String, List<String>> groups, Member member, String message) {
        String key = member.kind() + "\u0000" + (message == null ? "" : message);
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(member.name());
    }

    private static String line(String key, List<String> names) {
        String kind = key.substring(0, key.indexOf('\u0000'));
        String message = key.substring(key.indexOf('\u0000') + 1);
        String subject = (names.size() > 1 ? kind + "s " : kind + " ") + NameLists.shortList(names, MAX_LINES);
        return "* " + subject + (message.isEmpty() ? "" : ": " + message);
    }

    private static String message(List<String> lines) {
        if (lines.size() <= MAX_LINES) {
            return String.join("\n", lines);
        }
        List<String> shown = new ArrayList<>(lines.subList(0, MAX_LINES));
        shown.add("And " + (lines.size() - MAX_LINES) + " more");
        return String.join("\n", shown);
    }
}
