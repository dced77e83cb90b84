package io.capj.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capj version}: prints {@code capj <version>} to stdout. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = CapjVersion.class,
        description = "Print the capj version.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("capj " + CapjVersion.current());
        spec.commandLine().getOut().flush();
        return Capj.EXIT_OK;
    }
}
