package io.capj.apimachinery.selector;

/**
 * One term of a field selector: {@code field=value}, {@code field==value} or {@code field!=value}, with the value
 * already unescaped.
 */
public record FieldRequirement(String field, Operator operator, String value) {

    public FieldRequirement {
        if (operator != Operator.EQUALS && operator != Operator.DOUBLE_EQUALS && operator != Operator.NOT_EQUALS) {
            throw new IllegalArgumentException("field selectors support only =, == and !=, not " + operator);
        }
    }

    /** True if the field's value satisfies the term; a missing field reads as the empty string, as upstream. */
    public boolean matches(String fieldValue) {
        String actual = fieldValue == null ? "" : fieldValue;
        return operator == Operator.NOT_EQUALS ? !actual.equals(value) : actual.equals(value);
    }

    /** {@code field=value} or {@code field!=value}, with {@code \ , =} in the value escaped. */
    @Override
    public String toString() {
        String escaped = value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
        return field + (operator == Operator.NOT_EQUALS ? "!=" : "=") + escaped;
    }
}
