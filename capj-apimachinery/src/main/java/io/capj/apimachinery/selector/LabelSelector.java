package io.capj.apimachinery.selector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A parsed label selector: an AND of {@link LabelRequirement}s, as upstream's {@code labels.Selector}. The empty
 * selector matches everything; {@link #nothing()} (what a null {@code metav1.LabelSelector} converts to) matches
 * nothing. Requirements are kept sorted by key, as upstream does for deterministic output.
 */
public final class LabelSelector {
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
    private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

    private final List<LabelRequirement> requirements;
    private final boolean matchesNothing;

    private LabelSelector(List<LabelRequirement> requirements, boolean matchesNothing) {
        List<LabelRequirement> sorted = new ArrayList<>(requirements);
        sorted.sort(Comparator.comparing(LabelRequirement::key));
        this.requirements = List.copyOf(sorted);
        this.matchesNothing = matchesNothing;
    }

    public static LabelSelector everything() {
        return EVERYTHING;
    }

    public static LabelSelector nothing() {
        return NOTHING;
    }

    /**
     * Parses the query-parameter form ({@code env=dev,tier in (a,b),!legacy}); null or blank is everything.
     *
     * @throws SelectorSyntaxException (400) with upstream's message, e.g.
     *         {@code unable to parse requirement: found '', expected: in, notin, =, ==, !=, gt, lt}
     */
    public static LabelSelector parse(String selector) {
        if (selector == null || selector.isEmpty()) {
            return EVERYTHING;
        }
        return new LabelSelector(LabelSelectorParser.parse(selector), false);
    }

    /** A selector requiring exactly these labels (upstream's {@code SelectorFromSet}, validated). */
    public static LabelSelector of(Map<String, String> labels) {
        List<LabelRequirement> reqs = new ArrayList<>();
        labels.forEach((k, v) -> reqs.add(LabelRequirement.of(k, Operator.EQUALS, List.of(v))));
        return new LabelSelector(reqs, false);
    }

    /**
     * Converts a {@code metav1.LabelSelector} ({@code matchLabels}, {@code matchExpressions} with operators
     * {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}) like upstream's
     * {@code LabelSelectorAsSelector}: null or missing matches nothing, an empty object matches everything.
     */
    public static LabelSelector fromMetaV1(JsonNode selector) {
        if (selector == null || selector.isNull() || selector.isMissingNode()) {
            return NOTHING;
        }
        List<LabelRequirement> reqs = new ArrayList<>();
        selector.path("matchLabels").properties().forEach(e ->
                reqs.add(LabelRequirement.of(e.getKey(), Operator.EQUALS, List.of(e.getValue().asText()))));
        for (JsonNode expression : selector.path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            reqs.add(LabelRequirement.of(expression.path("key").asText(),
                    metaV1Operator(expression.path("operator").asText()), values));
        }
        return new LabelSelector(reqs, false);
    }

    private static Operator metaV1Operator(String op) {
        return switch (op) {
            case "In" -> Operator.IN;
            case "NotIn" -> Operator.NOT_IN;
            case "Exists" -> Operator.EXISTS;
            case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
            default -> throw new SelectorSyntaxException("\"" + op + "\" is not a valid label selector operator");
        };
    }

    /** True if every requirement holds for the labels (always for the empty selector). */
    public boolean matches(Map<String, String> labels) {
        if (matchesNothing) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        for (LabelRequirement r : requirements) {
            if (!r.matches(actual)) {
                return false;
            }
        }
        return true;
    }

    /** True if the selector does not restrict anything. */
    public boolean isEmpty() {
        return !matchesNothing && requirements.isEmpty();
    }

    public List<LabelRequirement> requirements() {
        return requirements;
    }

    /** The single value the selector pins for a key ({@code k=v}, {@code k==v}, {@code k in (v)}), else null. */
    public String exactValue(String key) {
        for (LabelRequirement r : requirements) {
            if (r.key().equals(key)) {
                boolean exact = r.operator() == Operator.EQUALS || r.operator() == Operator.DOUBLE_EQUALS
                        || r.operator() == Operator.IN;
                return exact && r.values().size() == 1 ? r.values().get(0) : null;
            }
        }
        return null;
    }

    /** Upstream's canonical string ({@code a=b,c in (d,e)}); empty for everything and nothing. */
    @Override
    public String toString() {
        return String.join(",", requirements.stream().map(LabelRequirement::toString).toList());
    }
}
