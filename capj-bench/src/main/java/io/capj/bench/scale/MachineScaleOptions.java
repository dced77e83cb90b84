package io.capj.bench.scale;

import java.nio.file.Path;

/** Parsed arguments of {@link MachineScaleBenchmark}; every one has a default matching issue 3's scenario. */
record MachineScaleOptions(int clusters, int deployments, int machines, boolean durable, Path out) {
    static final String USAGE = "usage: MachineScaleBenchmark [--clusters N] [--deployments N] [--machines N]"
            + " [--store sqlite|memory] [--out FILE]";

    static MachineScaleOptions parse(String[] args) {
        int clusters = 5;
        int deployments = 50;
        int machines = 1000;
        boolean durable = true;
        Path out = Path.of("target/bench/machines.json");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--clusters" -> clusters = positive(flag, value);
                case "--deployments" -> deployments = positive(flag, value);
                case "--machines" -> machines = positive(flag, value);
                case "--store" -> durable = switch (value) {
                    case "sqlite" -> true;
                    case "memory" -> false;
                    default -> throw new IllegalArgumentException("--store must be sqlite or memory, got " + value);
                };
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (deployments % clusters != 0 || machines % deployments != 0) {
            throw new IllegalArgumentException("--deployments must be a multiple of --clusters and --machines a"
                    + " multiple of --deployments, got " + clusters + "/" + deployments + "/" + machines);
        }
        return new MachineScaleOptions(clusters, deployments, machines, durable, out);
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
