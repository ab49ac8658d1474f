#!/usr/bin/env bash
# Renders a screenshot of the real main window under a virtual X display (Debian: xvfb, xdotool,
# imagemagick, libgtk-3-0). Usage: packaging/screenshot.sh [OUT.png] [LANG] [APP ARGS…]
# e.g. packaging/screenshot.sh docs/screenshots/satellite-panel.png en --satellite FILE.nc
# Environment: CLICK_X/CLICK_Y (the click), HOVER_X/HOVER_Y (where the pointer rests), KEYS (keys pressed after),
# DRAG="X1 Y1 X2 Y2" (a drag with the left button after the click, e.g. a region on the echogram),
# WAIT (seconds to wait after the demo workspace exists, default 20; the models panel needs more for TensorFlow).
# Uses a throw-away Cardumen home, so it builds the demo workspace on first start like a new user.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/docs/screenshots/main-window.png}"
lang="${2:-en}"
shift $(( $# < 2 ? $# : 2 ))
jar="$here/target/cardumen.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
home="$(mktemp -d)"
export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
java -Duser.language="$lang" -Dcardumen.home="$home" -Dcardumen.prefsNode="pe/cardumen-screenshot-$$" \
     -Djava.util.prefs.userRoot="$home/prefs" -jar "$jar" "$@" >/dev/null 2>&1 &
app=$!
# wait for the demo workspace (zones, then the simulated history) to be built and shown
for _ in $(seq 1 90); do
  [ -f "$home/demo.cardumen.gpkg" ] && break
  sleep 1
done
sleep "${WAIT:-20}"
win=$(xdotool search --name "Cardumen" | head -1)
xdotool windowmove "$win" 0 0 windowsize "$win" 1600 1000
sleep 2
# click a zone off Callao (its details and its biomass across the surveys show), then hover another so the tooltip shows
xdotool mousemove "${CLICK_X:-655}" "${CLICK_Y:-575}" click 1
sleep 1
if [ -n "${DRAG:-}" ]; then
  read -r dx1 dy1 dx2 dy2 <<<"$DRAG"
  xdotool mousemove "$dx1" "$dy1" mousedown 1
  sleep 0.3
  xdotool mousemove $(( (dx1 + dx2) / 2 )) $(( (dy1 + dy2) / 2 ))
  sleep 0.3
  xdotool mousemove "$dx2" "$dy2" mouseup 1
  sleep 3
fi
xdotool mousemove "${HOVER_X:-520}" "${HOVER_Y:-610}"
# optional keys to press before the capture, e.g. KEYS="minus minus" to zoom out twice
for k in ${KEYS:-}; do
  xdotool key "$k"
  sleep 1
done
sleep 2
import -window root "$out"
echo "wrote $out"
