package io.capj.bench.scale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What the scale benchmarks' command lines share: {@code --flag value} pairs, the common value rules, the
 * usage error (exit 2) and the report written as JSON with the exit status saying whether every Machine made it.
 */
final class ScaleCli {
    private ScaleCli() {
    }

    /** The parsed options, or exits 2 printing the problem and {@code usage}. */
    static <O> O parseOrExit(String benchmark, String usage, Function<String[], O> parser, String[] args) {
        try {
            return parser.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(benchmark + ": " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
            throw e; // not reached
        }
    }

    /** Writes {@code report} to {@code out} and exits 0 when its {@code allRunning} is true, 1 otherwise. */
    static void writeAndExit(String benchmark, ObjectNode report, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.err.println(benchmark + ": report written to " + out.toAbsolutePath());
        System.exit(report.path("allRunning").asBoolean() ? 0 : 1);
    }

    /** Calls {@code handler} with each {@code --flag value} pair; a flag without a value is an error. */
    static void forEachFlag(String[] args, BiConsumer<String, String> handler) {
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            handler.accept(flag, args[++i]);
        }
    }

    /** {@code --store}: true for {@code sqlite}, false for {@code memory}. */
    static boolean durableStore(String value) {
        return switch (value) {
            case "sqlite" -> true;
            case "memory" -> false;
            default -> throw new IllegalArgumentException("--store must be sqlite or memory, got " + value);
        };
    }

    static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a positive integer, got " + value);
    }
}
