#!/usr/bin/env bash
# Load benchmark of cardumen serve in its container (the in-process figures: ServeLoadHarness alone, see README).
#   packaging/serve-load.sh [SECONDS [ENDURANCE]]   builds the image, runs it, loads it, stops it
#   SKIP_BUILD=1 packaging/serve-load.sh ...         uses the image already built
# The container runs as Kubernetes would run it (read-only root, non-root, 2 CPUs and 2 GiB as the Deployment's
# limits) with the issue's podman flags, on a demo workspace with anchoveta-biomass:2.0.0 as default, made by the
# image itself. Prints the time from `podman run` to /ready, the image size, then ServeLoadHarness's table
# (SECONDS per stage of 1 and 8 clients, default 10; ENDURANCE for 32 clients, default 60). PORT: the host port (18080).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
endurance="${2:-60}"
[ "${SKIP_BUILD:-}" = 1 ] || packaging/build-container.sh
version="$(sed -n 's/^version=//p' "$(find target/classes -name version.properties | head -1)")"
image="localhost/cardumen-serve:$version"
name="cardumen-serve-load"
pod=(podman --cgroup-manager=cgroupfs)
run=(run --runtime /usr/sbin/runc --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 --read-only --no-healthcheck)
data="$(mktemp -d /tmp/cardumen-serve-load.XXXXXX)"
mkdir -p "$data/cache" && chmod -R 0777 "$data"
trap '"${pod[@]}" rm -f -t 5 "$name" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
vols=(-v "$data:/data" -v "$data/cache:/var/cache/cardumen")
# as the Deployment's seed init container: the bundled models onto the volume, then the demo workspace
"${pod[@]}" "${run[@]}" --rm "${vols[@]}" --entrypoint /bin/sh "$image" -c 'cp -r /opt/cardumen/models /data/'
"${pod[@]}" "${run[@]}" --rm "${vols[@]}" "$image" workspace demo --out /data/workspace.cardumen.gpkg --quiet
"${pod[@]}" "${run[@]}" --rm "${vols[@]}" "$image" models default anchoveta-biomass:2.0.0 --workspace /data/workspace.cardumen.gpkg
port="${PORT:-18080}"
t0="$(date +%s%N)"
"${pod[@]}" "${run[@]}" -d --name "$name" --cpus 2 --memory 2g "${vols[@]}" -p "127.0.0.1:$port:8080" "$image" >/dev/null
until curl -fs "http://127.0.0.1:$port/ready" >/dev/null 2>&1; do
  sleep 0.1
  if (( ($(date +%s%N) - t0) / 1000000000 > 120 )); then "${pod[@]}" logs "$name"; curl -s "http://127.0.0.1:$port/ready" || true; echo "not ready after 120 s" >&2; exit 1; fi
done
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "container ready $((ms / 1000)).$(printf %03d $((ms % 1000))) s after podman run (first start: TensorFlow's natives unpacked to the cache volume)"
echo "image $image: $(( $("${pod[@]}" image inspect "$image" --format '{{.Size}}') / 1000000 )) MB unpacked"
./mvnw -q -B -Pbench -DskipTests -DskipSpark package exec:exec -Dbench.main=pe.cardumen.bench.ServeLoadHarness \
  -Dbench="$seconds http://127.0.0.1:$port $endurance" 2>&1 | grep -v '^\[\(INFO\|WARNING\)\]'
echo "container memory: $("${pod[@]}" stats --no-stream --format '{{.MemUsage}}' "$name" 2>/dev/null || echo unknown)"
