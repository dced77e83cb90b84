package io.capj.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code capj} command: entry point of {@code bin/capj}. It only dispatches to subcommands; run
 * without one it prints the usage and exits 2, as any other usage error does.
 */
@Command(name = "capj",
        mixinStandardHelpOptions = true,
        versionProvider = CapjVersion.class,
        description = "Cluster API in Java: a management plane in one process.",
        subcommands = {ServeCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Capj {
    /** Exit code of a command that ran and succeeded. */
    public static final int EXIT_OK = CommandLine.ExitCode.OK;
    /** Exit code of a command that ran and failed. */
    public static final int EXIT_FAILURE = CommandLine.ExitCode.SOFTWARE;
    /** Exit code of a command line that could not be parsed. */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** When set, unexpected failures print their stack trace to stderr. */
    static final String DEBUG_VARIABLE = "CAPJ_DEBUG";

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, ready to {@link CommandLine#execute execute}; tests swap its out and err writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new Capj())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    // Unexpected failures still get one readable line; the trace only when asked for.
                    commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + exception);
                    if (System.getenv(DEBUG_VARIABLE) != null) {
                        exception.printStackTrace(commandLine.getErr());
                    }
                    return EXIT_FAILURE;
                });
    }
}
