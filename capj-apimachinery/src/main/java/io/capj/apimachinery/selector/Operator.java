package io.capj.apimachinery.selector;

/**
 * A selector requirement's operator, with upstream's {@code selection.Operator} spelling (used in error
 * messages such as {@code expected: in, notin, =, ==, !=, gt, lt}).
 */
public enum Operator {
    IN("in"),
    NOT_IN("notin"),
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    GREATER_THAN("gt"),
    LESS_THAN("lt"),
    EXISTS("exists"),
    DOES_NOT_EXIST("!");

    private final String spelling;

    Operator(String spelling) {
        this.spelling = spelling;
    }

    /** Upstream's string for the operator. */
    public String spelling() {
        return spelling;
    }

    /** True for the operators that need values: everything except {@code exists} and {@code !}. */
    public boolean isBinary() {
        return this != EXISTS && this != DOES_NOT_EXIST;
    }
}
