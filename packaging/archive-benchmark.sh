#!/usr/bin/env bash
# The archive integrate benchmark: FILES synthetic raw files of SIZE_MB each (real DY1201 pings moved
# onto Peruvian transects; built once under cardumen-spark/target/bench-archive), integrated with
# local[1] and then local[2], each in its own JVM with a 512 MB heap. Needs ./mvnw verify first.
# Usage: packaging/archive-benchmark.sh [FILES=200] [SIZE_MB=25]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
files="${1:-200}"
size="${2:-25}"
cp="cardumen-spark/target/test-classes:cardumen-spark/target/cardumen-spark.jar:cardumen-spark/target/lib/*"
[ -d cardumen-spark/target/test-classes ] || { echo "build first: ./mvnw verify" >&2; exit 1; }
for master in 'local[1]' 'local[2]'; do
  java "@cardumen-spark/java17.args" -Xmx512m -cp "$cp" pe.cardumen.spark.bench.ArchiveBenchmark "$files" "$size" "$master" 2>/dev/null
done
