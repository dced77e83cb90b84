package io.capj.apimachinery.schema;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.cel.runtime.CelEvaluationException;

/**
 * Rewords CEL-Java evaluation errors the way cel-go words them, since users see them in Kubernetes messages
 * ({@code no such key: replicas evaluating rule: ...}): the source position prefix is dropped and the common causes
 * use cel-go's phrases.
 */
final class CelErrors {
    private static final Pattern POSITION = Pattern.compile("^evaluation error(?: at [^:]*:\\d+)?: ");
    private static final Pattern MISSING_KEY = Pattern.compile("^key '(.*)' is not present in map\\.?$");

    private CelErrors() {
    }

    static String describe(CelEvaluationException e) {
        String message = e.getMessage() == null ? "evaluation error"
                : POSITION.matcher(e.getMessage()).replaceFirst("");
        Matcher missing = MISSING_KEY.matcher(message);
        if (missing.matches()) {
            return "no such key: " + missing.group(1);
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("no matching overload")) {
            return "no such overload";
        }
        return message;
    }
}
