#!/usr/bin/env bash
# Time from `podman run` to `/ready` of the service's image (after packaging/build-container.sh): N starts
# with an empty cache volume (TensorFlow's natives unpacked) and N with the cache kept. Usage:
#   packaging/measure-container-start.sh [N=4]
# Needs podman, runc, curl; uses a throw-away data folder with the demo workspace and the bundled models.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-4}"
version="$(sed -n 's/^version=//p' "$(find target/classes -name version.properties | head -1)")"
image="localhost/cardumen-serve:$version"
work="$(mktemp -d)"
name="cardumen-start-$$"
pm() { podman --cgroup-manager=cgroupfs "$@"; }
trap 'pm rm -f -t 1 "$name" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -p "$work/data"
java -jar target/cardumen.jar workspace demo --out "$work/data/workspace.cardumen.gpkg" --quiet >/dev/null
java -jar target/cardumen.jar models default anchoveta-biomass:2.0.0 --workspace "$work/data/workspace.cardumen.gpkg" >/dev/null
cp -r models "$work/data/models"
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/data/token"
chmod -R a+rwX "$work/data"
port=$((20000 + RANDOM % 20000))
start() {
  [ "$1" = first ] && rm -rf "$work/cache"
  mkdir -p "$work/cache" && chmod 777 "$work/cache"
  local t0 t1 code=000
  t0=$(date +%s%N)
  pm run -d --name "$name" --runtime /usr/sbin/runc --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 --read-only \
    -v "$work/data:/data" -v "$work/cache:/var/cache/cardumen" -p "127.0.0.1:$port:8080" "$image" \
    serve --workspace /data/workspace.cardumen.gpkg --models /data/models --bind 0.0.0.0 --token-file /data/token >/dev/null 2>&1
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready" 2>/dev/null || true)
    [ "$code" = 200 ] && break
    sleep 0.05
  done
  t1=$(date +%s%N)
  pm rm -f -t 1 "$name" >/dev/null 2>&1
  [ "$code" = 200 ] || { echo "$1 start: not ready after 30 s" >&2; return 1; }
  echo "$1 start: /ready after $(( (t1 - t0) / 1000000 )) ms"
}
for _ in $(seq 1 "$n"); do start first; done
start first >/dev/null   # leaves the cache filled
for _ in $(seq 1 "$n"); do start kept; done
