package io.capj.bench;

import io.capj.bench.write.WriteBenchOptions;
import io.capj.bench.write.WriteReport;
import io.capj.bench.write.WriteRun;
import io.capj.bench.write.WriteRunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The write benchmark (goal G3): N concurrent HTTPS clients creating 2 KiB custom resources against a
 * durable capj API server, with one active watcher, next to the raw SQLite group-commit insert rate
 * measured in the same run. Prints one {@code write-bench ...} line per client count to stdout (progress
 * goes to stderr) and writes all figures to the {@code --out} JSON file.
 *
 * <pre>
 * java -cp "capj-bench/target/capj-bench-0.1.0-SNAPSHOT.jar:capj-bench/target/lib/*" \
 *     io.capj.bench.WriteBenchmark --clients 1,16,64 --duration 20s
 * </pre>
 *
 * Exit status: 0 when every run verified (no errors, list and watch account for every create), 1 when one
 * did not, 2 on bad arguments. Performance goals are reported in the JSON, never turned into a failure.
 */
public final class WriteBenchmark {
    private WriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        WriteBenchOptions options;
        try {
            options = WriteBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("write-bench: " + e.getMessage());
            System.err.println(WriteBenchOptions.USAGE);
            System.exit(2);
            return;
        }
        List<WriteRunResult> runs = new ArrayList<>();
        boolean allGood = true;
        for (int clients : options.clients()) {
            WriteRunResult run = new WriteRun(options).run(clients);
            runs.add(run);
            allGood &= run.verified() && run.load().totalErrors() == 0;
            System.out.println(WriteReport.summaryLine(options, run));
            run.load().firstFailures().forEach(f -> System.err.println("write-bench: failure: " + f));
            double others = run.load().usage().otherProcessesCores();
            if (others > 0.2) {
                System.err.printf("write-bench: warning: other processes used %.2f cores during the window;"
                        + " figures are not clean%n", others);
            }
            WriteReport.writeJson(options.out(), options, List.of(args), runs);
        }
        System.err.println("write-bench: report written to " + options.out().toAbsolutePath());
        System.exit(allGood ? 0 : 1);
    }
}
