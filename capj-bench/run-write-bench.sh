#!/usr/bin/env bash
# Runs the write benchmark (goal G3) from a packaged build; arguments go to io.capj.bench.WriteBenchmark.
#
#   capj-bench/run-write-bench.sh                          # 64 clients, 20 s after 5 s warmup, SQLite
#   capj-bench/run-write-bench.sh --clients 1,16,64 --duration 20s
#   BUILD=1 capj-bench/run-write-bench.sh ...              # build first (./mvnw -q -DskipTests package)
#   JAVA_OPTS="-XX:StartFlightRecording=filename=target/bench/write.jfr" capj-bench/run-write-bench.sh
#
# Summary lines go to stdout, progress to stderr, all figures to --out (default target/bench/write.json,
# relative to the directory you run from).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
jar="$bench_dir/target/capj-bench-0.1.0-SNAPSHOT.jar"

if [[ "${BUILD:-0}" == "1" || ! -f "$jar" || ! -d "$bench_dir/target/lib" ]]; then
  (cd "$root" && ./mvnw -q -DskipTests package)
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM flags
exec java ${JAVA_OPTS:-} -cp "$jar:$bench_dir/target/lib/*" io.capj.bench.WriteBenchmark "$@"
