package io.capj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Parsing, help and usage errors of the command tree; none of these start a server. */
class CapjCommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine capj = Capj.commandLine();
        capj.setOut(new PrintWriter(out, true));
        capj.setErr(new PrintWriter(err, true));
        return capj.execute(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serve --bogus          | Unknown option: '--bogus'",
        "serve --port abc       | Invalid value for option '--port': 'abc' is not an int",
        "serve --port 70000     | --port must be between 0 and 65535, got 70000",
        "serve --port -1        | --port must be between 0 and 65535, got -1",
        "serve --port           | Missing required parameter for option '--port' (N)",
        "serve --workload-ports 9-2   | --workload-ports must be MIN-MAX with 1 <= MIN <= MAX <= 65535, got '9-2'",
        "serve --workload-ports 20000 | --workload-ports must be MIN-MAX with 1 <= MIN <= MAX <= 65535, got '20000'",
        "serve extra            | Unmatched argument at index 1: 'extra'",
        "frobnicate             | Unmatched argument at index 0: 'frobnicate'",
        "version --bogus        | Unknown option: '--bogus'"})
    void usageErrorsExit2WithAClearMessageAndTheUsage(String args, String message) {
        int exit = run(args.trim().split(" +"));

        assertThat(exit).isEqualTo(Capj.EXIT_USAGE);
        assertThat(err.toString()).startsWith(message).contains("Usage: capj");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(Capj.EXIT_USAGE);
        assertThat(err.toString()).contains("Missing required subcommand").contains("serve").contains("version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "serve --help", "version --help", "help serve", "serve -h"})
    void helpIsAvailableOnEveryCommandAndExits0(String args) {
        assertThat(run(args.split(" "))).isEqualTo(Capj.EXIT_OK);
        assertThat(out.toString()).startsWith("Usage: capj");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void serveHelpListsEveryOptionWithItsDefault() {
        run("serve", "--help");

        assertThat(out.toString())
                .contains("--data-dir=DIR", "$CAPJ_HOME or ~/.capj")
                .contains("--port=N", "Default: 6443")
                .contains("--store=URL", "sqlite://DIR/state.db")
                .contains("--host=ADDRESS", "Default: 127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "--version", "serve --version"})
    void versionPrintsTheBuildVersion(String args) {
        assertThat(run(args.split(" "))).isEqualTo(Capj.EXIT_OK);
        assertThat(out.toString()).isEqualTo("capj " + CapjVersion.current() + System.lineSeparator());
        assertThat(CapjVersion.current()).isNotEqualTo("unknown").doesNotContain("${");
    }
}
