#!/usr/bin/env bash
# Runs issue 4's in-memory provisioning benchmark from a packaged build; arguments go to
# io.capj.bench.scale.InMemoryClusterBenchmark. Run from anywhere; the fixture path is relative to the repo.
#
#   capj-bench/run-inmemory-clusters.sh                              # 10 clusters x (1 CP + 19 workers) = 200, SQLite
#   capj-bench/run-inmemory-clusters.sh --clusters 2 --workers 4 --store memory
#   BUILD=1 capj-bench/run-inmemory-clusters.sh ...                  # build first
#
# The summary line goes to stdout, progress to stderr, all figures to --out (default target/bench/inmemory-clusters.json).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
jar="$bench_dir/target/capj-bench-0.1.0-SNAPSHOT.jar"

if [[ "${BUILD:-0}" == "1" || ! -f "$jar" || ! -d "$bench_dir/target/lib" ]]; then
  (cd "$root" && ./mvnw -q -DskipTests package)
fi

cd "$root"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM flags
exec java ${JAVA_OPTS:-} -cp "$jar:$bench_dir/target/lib/*" io.capj.bench.scale.InMemoryClusterBenchmark "$@"
