package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds of a rolling update ({@code maxSurge}, {@code maxUnavailable}) and of remediation's
 * {@code maxInFlight}: each an int or a percentage, and surge and unavailability not both the integer 0,
 * since a rollout could then never make progress.
 */
public final class RolloutRules {
    private static final String INT_OR_PERCENT = "must be either an int or a percentage: ";

    private RolloutRules() {
    }

    /** Validates {@code <strategyPath>.rollingUpdate}; either value may be absent (null or missing). */
    public static List<FieldError> validateStrategy(String strategyPath, JsonNode maxUnavailable, JsonNode maxSurge) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode unavailable = present(maxUnavailable);
        JsonNode surge = present(maxSurge);
        String rollingUpdate = strategyPath + ".rollingUpdate";
        intOrPercent(rollingUpdate + ".maxUnavailable", unavailable, errs);
        intOrPercent(rollingUpdate + ".maxSurge", surge, errs);
        if (IntOrPercent.isIntZero(unavailable) && IntOrPercent.isIntZero(surge)) {
            errs.add(FieldError.invalid(rollingUpdate, IntOrPercent.text(surge),
                    "maxUnavailable and maxSurge cannot both be 0"));
        }
        return errs;
    }

    /** Validates {@code <remediationPath>.maxInFlight}. */
    public static List<FieldError> validateMaxInFlight(String remediationPath, JsonNode maxInFlight) {
        List<FieldError> errs = new ArrayList<>();
        intOrPercent(remediationPath + ".maxInFlight", present(maxInFlight), errs);
        return errs;
    }

    private static void intOrPercent(String field, JsonNode value, List<FieldError> errs) {
        if (value == null) {
            return;
        }
        String error = IntOrPercent.parseError(value);
        if (error != null) {
            errs.add(FieldError.invalid(field, IntOrPercent.text(value), INT_OR_PERCENT + error));
        }
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() ? null : value;
    }
}
