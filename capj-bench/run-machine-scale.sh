#!/usr/bin/env bash
# Runs the core scale benchmark (issue 3) from a packaged build; arguments go to
# io.capj.bench.scale.MachineScaleBenchmark.
#
#   capj-bench/run-machine-scale.sh                                   # 1,000 machines, 50 MDs, 5 clusters, SQLite
#   capj-bench/run-machine-scale.sh --machines 200 --deployments 10 --clusters 2 --store memory
#   BUILD=1 capj-bench/run-machine-scale.sh ...                       # build first
#
# The summary line goes to stdout, progress to stderr, all figures to --out (default target/bench/machines.json).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
jar="$bench_dir/target/capj-bench-0.1.0-SNAPSHOT.jar"

if [[ "${BUILD:-0}" == "1" || ! -f "$jar" || ! -d "$bench_dir/target/lib" ]]; then
  (cd "$root" && ./mvnw -q -DskipTests package)
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM flags
exec java ${JAVA_OPTS:-} -cp "$jar:$bench_dir/target/lib/*" io.capj.bench.scale.MachineScaleBenchmark "$@"
