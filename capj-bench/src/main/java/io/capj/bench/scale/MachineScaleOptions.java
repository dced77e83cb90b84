package io.capj.bench.scale;

import java.nio.file.Path;

/** Parsed arguments of {@link MachineScaleBenchmark}; every one has a default matching issue 3's scenario. */
record MachineScaleOptions(int clusters, int deployments, int machines, boolean durable, Path out) {
    static final String USAGE = "usage: MachineScaleBenchmark [--clusters N] [--deployments N] [--machines N]"
            + " [--store sqlite|memory] [--out FILE]";

    static MachineScaleOptions parse(String[] args) {
        int[] counts = {5, 50, 1000};
        boolean[] durable = {true};
        Path[] out = {Path.of("target/bench/machines.json")};
        ScaleCli.forEachFlag(args, (flag, value) -> {
            switch (flag) {
                case "--clusters" -> counts[0] = ScaleCli.positive(flag, value);
                case "--deployments" -> counts[1] = ScaleCli.positive(flag, value);
                case "--machines" -> counts[2] = ScaleCli.positive(flag, value);
                case "--store" -> durable[0] = ScaleCli.durableStore(value);
                case "--out" -> out[0] = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        });
        if (counts[1] % counts[0] != 0 || counts[2] % counts[1] != 0) {
            throw new IllegalArgumentException("--deployments must be a multiple of --clusters and --machines a"
                    + " multiple of --deployments, got " + counts[0] + "/" + counts[1] + "/" + counts[2]);
        }
        return new MachineScaleOptions(counts[0], counts[1], counts[2], durable[0], out[0]);
    }
}
