package io.capj.core.machinedeployment;

import java.util.Objects;

/**
 * An int-or-string rollout bound ({@code maxSurge}, {@code maxUnavailable}): an integer, or a percentage such
 * as {@code "25%"} scaled against the desired replicas as upstream's {@code GetScaledValueFromIntOrPercent}.
 */
public record IntOrPercent(Integer intValue, String percent) {

    public IntOrPercent {
        if ((intValue == null) == (percent == null)) {
            throw new IllegalArgumentException("exactly one of intValue and percent must be set");
        }
    }

    public static IntOrPercent of(int value) {
        return new IntOrPercent(value, null);
    }

    public static IntOrPercent of(String value) {
        return new IntOrPercent(null, Objects.requireNonNull(value, "value"));
    }

    /**
     * The absolute value against {@code total}: ints as they are, percentages as {@code percent·total/100}
     * rounded up or down.
     *
     * @throws IllegalArgumentException with upstream's text when the string is not {@code <int>%}
     */
    public int scaledValue(int total, boolean roundUp) {
        if (intValue != null) {
            return intValue;
        }
        if (!percent.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
        }
        String digits = percent.substring(0, percent.length() - 1);
        int value;
        try {
            value = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid value \"" + percent + "\"", e);
        }
        long product = (long) value * total;
        return (int) (roundUp ? -Math.floorDiv(-product, 100L) : Math.floorDiv(product, 100L));
    }

    @Override
    public String toString() {
        return intValue != null ? intValue.toString() : percent;
    }
}
