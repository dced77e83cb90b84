package io.capj.apimachinery.schema;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * The cost guard of CEL evaluation. Cost is counted as evaluated expression nodes (every iteration of a comprehension
 * included), a close stand-in for upstream's cost units, with upstream's limits: one rule may spend
 * {@value #PER_CALL_LIMIT}, all rules of one object {@value #PER_OBJECT_BUDGET}. CEL-Java's interpreter is slower per
 * node than cel-go, so a wall-clock deadline per object also caps what a hostile rule can cost the server.
 */
final class CelBudget {
    static final long PER_CALL_LIMIT = 1_000_000L;
    static final long PER_OBJECT_BUDGET = 10_000_000L;
    static final long DEADLINE_NANOS = 2_000_000_000L;
    private static final int CLOCK_CHECK_INTERVAL = 4096;

    private final long deadline = System.nanoTime() + DEADLINE_NANOS;
    private long remaining;

    CelBudget(long total) {
        this.remaining = total;
    }

    boolean exhausted() {
        return remaining <= 0 || System.nanoTime() > deadline;
    }

    /** Evaluates {@code program}; throws {@link Exceeded} when the rule or the object runs out of budget. */
    Object evaluate(CelRuntime.Program program, Map<String, ?> variables) throws CelEvaluationException {
        long[] spent = {0};
        try {
            return program.trace(variables, (expr, value) -> {
                long n = ++spent[0];
                if (n > PER_CALL_LIMIT) {
                    throw new Exceeded(true);
                }
                if (n > remaining || n % CLOCK_CHECK_INTERVAL == 0 && System.nanoTime() > deadline) {
                    throw new Exceeded(false);
                }
            });
        } catch (CelEvaluationException e) {
            Exceeded exceeded = exceeded(e);
            if (exceeded != null) {
                throw exceeded;
            }
            throw e;
        } finally {
            remaining -= spent[0];
        }
    }

    private static Exceeded exceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Exceeded x) {
                return x;
            }
        }
        return null;
    }

    /** Raised through the evaluator to abort it; {@code perCall} tells which limit was hit. */
    static final class Exceeded extends RuntimeException {
        final boolean perCall;

        Exceeded(boolean perCall) {
            super(perCall ? "operation cancelled: actual cost limit exceeded" : "cost budget exceeded", null, false,
                    false);
            this.perCall = perCall;
        }
    }
}
