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
        int[] counts = {10, 19};
        boolean[] durable = {true};
        Path[] paths = {DEFAULT_FIXTURE, Path.of("target/bench/inmemory-clusters.json")};
        ScaleCli.forEachFlag(args, (flag, value) -> {
            switch (flag) {
                case "--clusters" -> counts[0] = ScaleCli.positive(flag, value);
                case "--workers" -> counts[1] = ScaleCli.positive(flag, value);
                case "--store" -> durable[0] = ScaleCli.durableStore(value);
                case "--fixture" -> paths[0] = Path.of(value);
                case "--out" -> paths[1] = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        });
        return new InMemoryClusterOptions(counts[0], counts[1], durable[0], paths[0], paths[1]);
    }
}
