package io.capj.bench.scale;

import java.nio.file.Path;

/** Parsed arguments of {@link InMemoryClusterBenchmark}; the defaults are issue 4's 200 machines. */
record InMemoryClusterOptions(int clusters, int workers, boolean durable, Path fixture, Path out) {
    static final String USAGE = "usage: InMemoryClusterBenchmark [--clusters N] [--workers N-per-cluster]"
            + " [--store sqlite|memory] [--fixture clusterclass-in-memory.yaml] [--out FILE]";
    static final Path DEFAULT_FIXTURE = Path.of(
            "capj-api/src/test/resources/fixtures/infrastructure__docker__templates__clusterclass-in-memory.yaml");

    int machines() {
        return clusters * (1 + workers);
    }

    static InMemoryClusterOptions parse(String[] args) {
        int clusters = 10;
        int workers = 19;
        boolean durable = true;
        Path fixture = DEFAULT_FIXTURE;
        Path out = Path.of("target/bench/inmemory-clusters.json");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--clusters" -> clusters = positive(flag, value);
                case "--workers" -> workers = positive(flag, value);
                case "--store" -> durable = switch (value) {
                    case "sqlite" -> true;
                    case "memory" -> false;
                    default -> throw new IllegalArgumentException("--store must be sqlite or memory, got " + value);
                };
                case "--fixture" -> fixture = Path.of(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new InMemoryClusterOptions(clusters, workers, durable, fixture, out);
    }

    private static int positive(String flag, String value) {
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
