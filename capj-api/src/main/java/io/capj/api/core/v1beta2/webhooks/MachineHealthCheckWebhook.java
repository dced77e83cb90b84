package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.admission.AdmissionHook;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.apimachinery.selector.SelectorSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MachineHealthCheck's webhook, as upstream's. Defaults: the cluster-name label, and
 * {@code spec.checks.nodeStartupTimeoutSeconds} (600; {@code remediation.triggerIf} stays unset, which the
 * controller reads as 100%). Validation: the selector parses, is not empty and names no other cluster;
 * {@code clusterName} is immutable; the node startup timeout is 0 (off) or at least 30 s;
 * {@code unhealthyLessThanOrEqualTo} is an int or a percentage; and (a capj addition, so the controller never
 * meets a range it cannot use) {@code unhealthyInRange}'s lower bound is not above its upper bound. Field
 * shapes (templateRef, condition timeouts, the range's {@code [a-b]} pattern) are the CRD schema's.
 */
public final class MachineHealthCheckWebhook implements AdmissionHook {
    /** Upstream's {@code DefaultNodeStartupTimeoutSeconds}. */
    public static final int DEFAULT_NODE_STARTUP_TIMEOUT_SECONDS = 600;
    /** The smallest node startup timeout other than 0 (disabled). */
    public static final int MIN_NODE_STARTUP_TIMEOUT_SECONDS = 30;
    private static final Pattern RANGE = Pattern.compile("^\\[([0-9]+)-([0-9]+)]$");

    @Override
    public void applyDefaults(ObjectNode healthCheck, JsonNode old) {
        if (!(healthCheck.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        Defaults.clusterNameLabel(healthCheck, spec);
        ObjectNode checks = Defaults.child(spec, "checks");
        if (!checks.hasNonNull("nodeStartupTimeoutSeconds")) {
            checks.put("nodeStartupTimeoutSeconds", DEFAULT_NODE_STARTUP_TIMEOUT_SECONDS);
        }
    }

    @Override
    public List<FieldError> validateCreate(JsonNode healthCheck) {
        return validate(healthCheck, null);
    }

    @Override
    public List<FieldError> validateUpdate(JsonNode healthCheck, JsonNode old) {
        return validate(healthCheck, old);
    }

    static List<FieldError> validate(JsonNode healthCheck, JsonNode old) {
        JsonNode spec = healthCheck.path("spec");
        List<FieldError> errs = new ArrayList<>(selector(spec));
        if (old != null && !old.at("/spec/clusterName").asText().equals(spec.path("clusterName").asText())) {
            errs.add(FieldError.forbidden("spec.clusterName", "field is immutable"));
        }
        JsonNode timeout = spec.at("/checks/nodeStartupTimeoutSeconds");
        if (timeout.isIntegralNumber() && timeout.asLong() != 0 && timeout.asLong() < MIN_NODE_STARTUP_TIMEOUT_SECONDS) {
            errs.add(FieldError.invalid("spec.checks.nodeStartupTimeoutSeconds", timeout.asLong(),
                    "must be at least " + MIN_NODE_STARTUP_TIMEOUT_SECONDS + "s"));
        }
        JsonNode triggerIf = spec.at("/remediation/triggerIf");
        JsonNode lessThanOrEqualTo = triggerIf.path("unhealthyLessThanOrEqualTo");
        if (!lessThanOrEqualTo.isMissingNode() && !lessThanOrEqualTo.isNull()) {
            String error = IntOrPercent.parseError(lessThanOrEqualTo);
            if (error != null) {
                errs.add(FieldError.invalid("spec.remediation.triggerIf.unhealthyLessThanOrEqualTo",
                        IntOrPercent.text(lessThanOrEqualTo), "must be either an int or a percentage: " + error));
            }
        }
        errs.addAll(range(triggerIf.path("unhealthyInRange")));
        return errs;
    }

    private static List<FieldError> selector(JsonNode spec) {
        JsonNode selector = spec.path("selector");
        LabelSelector parsed;
        try {
            parsed = LabelSelector.fromMetaV1(selector.isMissingNode() ? Json.object() : selector);
        } catch (SelectorSyntaxException e) {
            return List.of(FieldError.invalid("spec.selector", selector, e.getMessage()));
        }
        List<FieldError> errs = new ArrayList<>();
        if (parsed.isEmpty()) {
            errs.add(FieldError.required("spec.selector", "selector must not be empty"));
        }
        JsonNode clusterLabel = selector.path("matchLabels").path(CoreLabels.ClusterNameLabel);
        if (!clusterLabel.isMissingNode() && !clusterLabel.asText().equals(spec.path("clusterName").asText())) {
            errs.add(FieldError.invalid("spec.selector", selector,
                    "cannot specify a cluster selector other than the one specified by ClusterName"));
        }
        return errs;
    }

    private static List<FieldError> range(JsonNode range) {
        if (!range.isTextual()) {
            return List.of();
        }
        Matcher m = RANGE.matcher(range.textValue());
        if (!m.matches()) {
            return List.of(); // the CRD pattern reports it
        }
        try {
            if (Long.parseLong(m.group(2)) < Long.parseLong(m.group(1))) {
                return List.of(FieldError.invalid("spec.remediation.triggerIf.unhealthyInRange", range.textValue(),
                        "max value " + m.group(2) + " cannot be less than min value " + m.group(1)));
            }
            return List.of();
        } catch (NumberFormatException e) {
            return List.of(FieldError.invalid("spec.remediation.triggerIf.unhealthyInRange", range.textValue(),
                    "bounds must be integers: " + e.getMessage()));
        }
    }
}
