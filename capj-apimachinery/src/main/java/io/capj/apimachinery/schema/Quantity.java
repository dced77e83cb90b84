package io.capj.apimachinery.schema;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * A Kubernetes resource quantity ({@code 1.5Gi}, {@code 200m}, {@code 1e3}) as an exact decimal: the runtime value of
 * CEL's {@code kubernetes.Quantity} type. Parsing follows apimachinery's grammar: a signed decimal number and one
 * suffix, binary ({@code Ki} ... {@code Ei}), decimal SI ({@code n u m k M G T P E}) or an exponent ({@code e3}).
 */
final class Quantity implements Comparable<Quantity> {
    private static final Pattern SYNTAX = Pattern.compile("^([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(.*)$");
    private static final Pattern EXPONENT = Pattern.compile("^[eE]([+-]?[0-9]+)$");
    private static final Map<String, Integer> DECIMAL_SI = Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6,
            "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY_SI = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50,
            "Ei", 60);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final BigDecimal value;

    private Quantity(BigDecimal value) {
        this.value = value;
    }

    /** Parses {@code s}; throws {@link IllegalArgumentException} like apimachinery's {@code ParseQuantity}. */
    static Quantity parse(String s) {
        Matcher m = SYNTAX.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("quantities must match the regular expression "
                    + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
        BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        String suffix = m.group(2);
        if (DECIMAL_SI.containsKey(suffix)) {
            return new Quantity(number.scaleByPowerOfTen(DECIMAL_SI.get(suffix)));
        }
        if (BINARY_SI.containsKey(suffix)) {
            return new Quantity(number.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(BINARY_SI.get(suffix)))));
        }
        Matcher e = EXPONENT.matcher(suffix);
        if (e.matches() && e.group(1).length() <= 4) {
            return new Quantity(number.scaleByPowerOfTen(Integer.parseInt(e.group(1))));
        }
        throw new IllegalArgumentException("unable to parse quantity's suffix");
    }

    static boolean isValid(String s) {
        try {
            parse(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    long sign() {
        return value.signum();
    }

    boolean isInteger() {
        return value.stripTrailingZeros().scale() <= 0 && value.compareTo(LONG_MIN) >= 0
                && value.compareTo(LONG_MAX) <= 0;
    }

    long asInteger() {
        if (!isInteger()) {
            throw new ArithmeticException("cannot convert value to integer");
        }
        return value.longValueExact();
    }

    double asApproximateFloat() {
        return value.doubleValue();
    }

    Quantity add(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    Quantity sub(Quantity other) {
        return new Quantity(value.subtract(other.value));
    }

    static Quantity of(long v) {
        return new Quantity(BigDecimal.valueOf(v));
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.stripTrailingZeros().toPlainString();
    }
}
