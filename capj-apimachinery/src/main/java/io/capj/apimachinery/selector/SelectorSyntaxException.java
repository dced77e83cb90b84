package io.capj.apimachinery.selector;

import io.capj.apimachinery.StatusException;

/**
 * A malformed selector or requirement, carrying upstream's message. It is a 400 BadRequest {@link StatusException}
 * so a handler can let it propagate unchanged.
 */
public final class SelectorSyntaxException extends StatusException {

    public SelectorSyntaxException(String message) {
        super(400, "BadRequest", message, null);
    }
}
