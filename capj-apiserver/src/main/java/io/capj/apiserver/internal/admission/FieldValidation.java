package io.capj.apiserver.internal.admission;

import io.capj.apimachinery.StatusException;

/** The {@code fieldValidation} directive: what to do with unknown or duplicate fields. Upstream's default is Warn. */
public enum FieldValidation {
    IGNORE, WARN, STRICT;

    public static FieldValidation parse(String value) {
        return switch (value) {
            case "", "Warn" -> WARN;
            case "Ignore" -> IGNORE;
            case "Strict" -> STRICT;
            default -> throw StatusException.badRequest("fieldValidation: Unsupported value: \"" + value
                    + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
        };
    }
}
