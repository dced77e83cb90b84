package io.capj.apimachinery.schema;

import dev.cel.runtime.CelRuntime;
import java.util.function.UnaryOperator;

/**
 * One compiled {@code x-kubernetes-validations} entry: the rule's program, its optional message program, how a
 * failure is reported ({@code reason}, {@code fieldPath}, {@code message}) and whether it is a transition rule
 * (uses {@code oldSelf}, so it runs only on update unless {@code optionalOldSelf}, and never ratchets).
 */
record CelRule(
        String rule,
        String message,
        CelRuntime.Program program,
        CelRuntime.Program messageExpression,
        String reason,
        UnaryOperator<FieldPath> fieldPath,
        boolean usesOldSelf,
        boolean optionalOldSelf) {

    /** What upstream names the rule by in messages: its message if it has one, else its expression. */
    String name() {
        return message.isEmpty() ? rule : message;
    }

    /** The failure message when no messageExpression produced one. */
    String defaultMessage() {
        return message.isEmpty() ? "failed rule: " + rule : message;
    }
}
