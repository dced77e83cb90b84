package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An int-or-string field that must be an integer or a percentage such as {@code "25%"}, parsed as upstream's
 * {@code intstr.GetScaledValueFromIntOrPercent} does, with its error texts.
 */
public final class IntOrPercent {

    private IntOrPercent() {
    }

    /** Why {@code value} is neither an int nor a percentage, or null when it is one. */
    public static String parseError(JsonNode value) {
        if (value.isIntegralNumber()) {
            return null;
        }
        if (!value.isTextual()) {
            return "invalid value for IntOrString: invalid type: neither int nor percentage";
        }
        String text = value.textValue();
        if (!text.endsWith("%")) {
            return "invalid value for IntOrString: invalid type: string is not a percentage";
        }
        String digits = text.substring(0, text.length() - 1);
        if (!digits.matches("[+-]?[0-9]+")) {
            return "invalid value for IntOrString: invalid value \"" + text + "\": strconv.Atoi: parsing \""
                    + digits + "\": invalid syntax";
        }
        return null;
    }

    /** The value as upstream's {@code IntOrString.String()} prints it: the number, or the string unquoted. */
    public static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** True for the integer zero (not {@code "0%"}), the case the both-zero rule looks at. */
    public static boolean isIntZero(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.asLong() == 0;
    }
}
