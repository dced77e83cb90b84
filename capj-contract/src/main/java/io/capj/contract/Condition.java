package io.capj.contract;

import java.util.List;
import java.util.Optional;

/**
 * A provider condition as core reads it ({@code metav1.Condition} in v1beta2, the older CAPI condition in
 * v1beta1, whose {@code severity} core ignores). Optional members are {@code null} when absent.
 */
public record Condition(String type, String status, String reason, String message, String lastTransitionTime,
        Long observedGeneration) {

    /** The condition of {@code type} in {@code conditions}, if present. */
    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }

    public boolean isTrue() {
        return "True".equals(status);
    }
}
