package io.capj.core.machineset;

/**
 * The values of a MachineSet's {@code spec.deletion.order}, with upstream's strings. An empty or absent value
 * means {@link #RANDOM}.
 */
public enum DeletionOrder {
    RANDOM("Random"), NEWEST("Newest"), OLDEST("Oldest");

    private final String value;

    DeletionOrder(String value) {
        this.value = value;
    }

    /** The API string, e.g. {@code "Newest"}. */
    public String value() {
        return value;
    }

    /** Parses the API value; null or empty is Random; anything else fails with upstream's message. */
    public static DeletionOrder parse(String value) {
        if (value == null || value.isEmpty()) {
            return RANDOM;
        }
        for (DeletionOrder order : values()) {
            if (order.value.equals(value)) {
                return order;
            }
        }
        throw new IllegalArgumentException(
                "Unsupported deletion order " + value + ". Must be one of 'Random', 'Newest', or 'Oldest'");
    }
}
