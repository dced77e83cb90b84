package io.capj.apimachinery.schema;

import io.capj.apimachinery.FieldError;
import java.util.List;

/**
 * A CRD schema that cannot be used: not structural, using unsupported keywords, or carrying CEL rules that do not
 * compile. Each {@link FieldError} names the offending place relative to the schema root, as upstream does below
 * {@code spec.versions[i].schema.openAPIV3Schema} (for example {@code properties[spec].properties[x].type}).
 */
public final class SchemaException extends RuntimeException {
    private final transient List<FieldError> errors;

    public SchemaException(List<FieldError> errors) {
        super(render(errors));
        this.errors = List.copyOf(errors);
    }

    /** The errors, sorted by their rendered form like upstream's structural schema validation. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String render(List<FieldError> errors) {
        return errors.size() == 1 ? errors.get(0).toString()
                : "[" + String.join(", ", errors.stream().map(FieldError::toString).toList()) + "]";
    }
}
