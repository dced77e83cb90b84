package io.capj.core.machineset;

/** The status of one condition as the deletion priority reads it; {@code ABSENT} when the condition is not set. */
public enum ConditionStatus {
    TRUE, FALSE, UNKNOWN, ABSENT
}
