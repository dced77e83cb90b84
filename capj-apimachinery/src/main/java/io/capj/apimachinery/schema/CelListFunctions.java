package io.capj.apimachinery.schema;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.values.CelByteString;
import dev.cel.runtime.CelEvaluationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Implementations of the Kubernetes CEL list functions ({@code isSorted}, {@code sum}, {@code min}, {@code max},
 * {@code indexOf}, {@code lastIndexOf}) and regex functions ({@code find}, {@code findAll}) over CEL runtime values.
 * Numbers compare across int and double as CEL's heterogeneous comparisons do.
 */
final class CelListFunctions {
    private static final int PATTERN_CACHE_LIMIT = 512;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private CelListFunctions() {
    }

    static boolean isSorted(List<?> list) throws CelEvaluationException {
        for (int i = 1; i < list.size(); i++) {
            if (compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    static Object sum(List<?> list) throws CelEvaluationException {
        if (list.isEmpty()) {
            return 0L;
        }
        Object total = list.get(0);
        for (int i = 1; i < list.size(); i++) {
            total = add(total, list.get(i));
        }
        return total;
    }

    static Object min(List<?> list) throws CelEvaluationException {
        return extreme(list, -1, "min");
    }

    static Object max(List<?> list) throws CelEvaluationException {
        return extreme(list, 1, "max");
    }

    static long indexOf(List<?> list, Object element) {
        for (int i = 0; i < list.size(); i++) {
            if (celEquals(list.get(i), element)) {
                return i;
            }
        }
        return -1;
    }

    static long lastIndexOf(List<?> list, Object element) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (celEquals(list.get(i), element)) {
                return i;
            }
        }
        return -1;
    }

    static String find(String s, String regex) throws CelEvaluationException {
        Matcher m = pattern(regex).matcher(s);
        return m.find() ? m.group() : "";
    }

    /** Go's FindAllString: successive non-overlapping matches, ignoring empty matches right after a match. */
    static List<String> findAll(String s, String regex, long limit) throws CelEvaluationException {
        List<String> result = new ArrayList<>();
        Matcher m = pattern(regex).matcher(s);
        int previousEnd = -1;
        while ((limit < 0 || result.size() < limit) && m.find()) {
            if (m.start() == m.end() && m.start() == previousEnd) {
                continue;
            }
            result.add(m.group());
            previousEnd = m.end();
        }
        return result;
    }

    private static Pattern pattern(String regex) throws CelEvaluationException {
        Pattern cached = PATTERNS.get(regex);
        if (cached != null) {
            return cached;
        }
        try {
            Pattern p = Pattern.compile(regex);
            if (PATTERNS.size() > PATTERN_CACHE_LIMIT) {
                PATTERNS.clear();
            }
            PATTERNS.put(regex, p);
            return p;
        } catch (PatternSyntaxException e) {
            throw new CelEvaluationException(e.getMessage(), e);
        }
    }

    private static Object extreme(List<?> list, int direction, String name) throws CelEvaluationException {
        if (list.isEmpty()) {
            throw new CelEvaluationException(name + " called on empty list");
        }
        Object best = list.get(0);
        for (Object candidate : list) {
            if (compare(candidate, best) * direction > 0) {
                best = candidate;
            }
        }
        return best;
    }

    private static Object add(Object a, Object b) throws CelEvaluationException {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.addExact(x, y);
            } catch (ArithmeticException e) {
                throw new CelEvaluationException("integer overflow", e);
            }
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x + y;
        }
        if (a instanceof Duration x && b instanceof Duration y) {
            return x.plus(y);
        }
        throw new CelEvaluationException("no such overload: sum of " + typeName(a) + " and " + typeName(b));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) throws CelEvaluationException {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof CelByteString x && b instanceof CelByteString y) {
            return CelByteString.unsignedLexicographicalComparator().compare(x, y);
        }
        if (a instanceof Comparable x && b != null && a.getClass() == b.getClass()) {
            return x.compareTo(b);
        }
        throw new CelEvaluationException("no such overload: cannot compare " + typeName(a) + " and " + typeName(b));
    }

    static boolean celEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static int compareNumbers(Number x, Number y) {
        if (x instanceof Double || y instanceof Double) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return Long.compare(x.longValue(), y.longValue());
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
