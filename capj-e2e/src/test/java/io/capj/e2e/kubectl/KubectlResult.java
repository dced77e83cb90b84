package io.capj.e2e.kubectl;

import java.util.List;

/**
 * What one kubectl invocation did: its command line, exit code and complete output.
 *
 * @param command  the arguments after the binary, for failure messages
 * @param exitCode the process's exit code
 * @param stdout   everything written to standard output
 * @param stderr   everything written to standard error
 */
public record KubectlResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result, or fails the test with the whole transcript when kubectl exited non-zero. */
    public KubectlResult requireSuccess() {
        if (!succeeded()) {
            throw new AssertionError("expected success but " + this);
        }
        return this;
    }

    /** Returns this result, or fails the test when kubectl unexpectedly succeeded. */
    public KubectlResult requireFailure() {
        if (succeeded()) {
            throw new AssertionError("expected a failure but " + this);
        }
        return this;
    }

    /** Standard output without surrounding whitespace, for single values ({@code -o jsonpath}). */
    public String value() {
        return stdout.strip();
    }

    @Override
    public String toString() {
        return "kubectl " + String.join(" ", command) + " exited " + exitCode
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
