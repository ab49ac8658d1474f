#!/usr/bin/env bash
# The archive integrate benchmark: FILES synthetic raw files of SIZE_MB each (real DY1201 pings moved
# onto Peruvian transects; built once under cardumen-spark/target/bench-archive), integrated with
# local[1] and then local[2], each in its own JVM with a 512 MB heap; each JVM runs the job three times (the
# first job in the JVM, then the same job again, each into a fresh output; -Dbench.jobs=N in
# BENCH_JAVA_OPTS for another count). local[1] runs pinned to one CPU
# (taskset), so that its JIT and GC threads share that core as an executor limited to one core would;
# local[2] gets two CPUs. BENCH_JAVA_OPTS adds JVM options after java17.args, which selects the parallel collector
# (e.g. "-XX:-UseParallelGC -XX:+UseG1GC" to compare with G1).
# Needs ./mvnw verify (or ./mvnw -DskipTests install) first.
# Usage: packaging/archive-benchmark.sh [FILES=200] [SIZE_MB=25]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
files="${1:-200}"
size="${2:-25}"
cp="cardumen-spark/target/test-classes:cardumen-spark/target/cardumen-spark.jar:cardumen-spark/target/lib/*"
[ -d cardumen-spark/target/test-classes ] || { echo "build first: ./mvnw verify" >&2; exit 1; }
pin() {
  # taskset -c 0 / -c 0,1 where taskset exists and the machine has the CPUs; otherwise unpinned
  if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge "$1" ]; then taskset -c "0-$(($1 - 1))" "${@:2}"; else "${@:2}"; fi
}
# shellcheck disable=SC2086
for n in 1 2; do
  pin "$n" java "@cardumen-spark/java17.args" -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "$cp" pe.cardumen.spark.bench.ArchiveBenchmark \
    "$files" "$size" "local[$n]" 2>/dev/null
done
