#!/usr/bin/env bash
# Start-up benchmark: time from JVM start to the first rendered map with the zones of an existing
# workspace, for `java -jar target/cardumen.jar` and for the app image (packaging/build-app-image.sh).
# Needs a display or Xvfb (Debian: xvfb libgtk-3-0). Usage: packaging/measure-startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
java -jar target/cardumen.jar workspace demo --out "$home/demo.cardumen.gpkg" --quiet >/dev/null
props="-Dcardumen.home=$home -Dcardumen.prefsNode=pe/cardumen-startup-$$ -Dcardumen.exitAfterFirstMap=true -Djava.util.prefs.userRoot=$home/prefs"
measure() {
  local label="$1"; shift
  local times=()
  for _ in $(seq 1 "$runs"); do
    t=$(xvfb-run -a -s "-screen 0 1600x1000x24" "$@" 2>/dev/null | sed -n 's/first map with zones rendered \([0-9]*\) ms.*/\1/p')
    times+=("$t")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$label: median ${median} ms (runs: ${sorted})"
}
measure "java -jar target/cardumen.jar" java $props -jar target/cardumen.jar
if [ -x target/dist/cardumen/bin/cardumen ]; then
  JAVA_TOOL_OPTIONS="$props" measure "app image target/dist/cardumen" target/dist/cardumen/bin/cardumen
fi
