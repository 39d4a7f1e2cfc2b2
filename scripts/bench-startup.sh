#!/usr/bin/env bash
# Startup, idle CPU and peak memory of Fan Tracker against the smallest eframe window.
#
# usage: scripts/bench-startup.sh [RUNS]        (default 10 runs of each program)
#
# Needs the release build (cargo build --release --bins --examples), Xvfb and python3 (Debian:
# xvfb, python3). Starts its own Xvfb on a free display, writes the large library (50 dossiers,
# 5,000 threads, 10,000 notes, a 1 MB article) with examples/gen_library, then runs
# hello_baseline, hello_baseline --unfilled (the same window painted the way the app paints:
# cleared to the panel colour, panel not filled), the app on an empty data folder (the
# default dossier) and the app on the large library, alternating, RUNS times, and prints
# medians and ratios against hello_baseline (see scripts/startup_probe.py for what is
# measured). Budgets: ratio ≤ 1.15 (default) and ≤ 1.3
# (large library); idle CPU about zero; peak RSS ≤ 1.3 × baseline + the data's size.
set -euo pipefail

RUNS=${1:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RELEASE=${CARGO_TARGET_DIR:-$ROOT/target}/release
APP=$RELEASE/fan-tracker
BASELINE=$RELEASE/examples/hello_baseline
GEN=$RELEASE/examples/gen_library
for binary in "$APP" "$BASELINE" "$GEN"; do
    if [ ! -x "$binary" ]; then
        echo "missing $binary: run cargo build --release --bins --examples" >&2
        exit 1
    fi
done
command -v Xvfb >/dev/null || { echo "Xvfb is missing (Debian: apt-get install xvfb)" >&2; exit 1; }

WORK=$(mktemp -d)
XVFB_PID=
cleanup() {
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A free display.
for number in $(seq 150 250); do
    [ -e "/tmp/.X$number-lock" ] && continue
    Xvfb ":$number" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 100); do
        [ -S "/tmp/.X11-unix/X$number" ] && break
        sleep 0.05
    done
    if [ -S "/tmp/.X11-unix/X$number" ]; then
        export DISPLAY=":$number"
        break
    fi
    kill "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=
done
[ -n "${DISPLAY:-}" ] && [ -n "$XVFB_PID" ] || { echo "could not start Xvfb" >&2; exit 1; }
unset WAYLAND_DISPLAY
export XDG_RUNTIME_DIR=$WORK/runtime
mkdir -m 700 "$XDG_RUNTIME_DIR"

mkdir "$WORK/default" "$WORK/large"
"$GEN" "$WORK/large" >/dev/null
DATA_BYTES=$(stat -c %s "$WORK/large/library.json")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"\
     "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); display $DISPLAY (Xvfb)"
echo "large library: $DATA_BYTES bytes of library.json"
python3 "$ROOT/scripts/startup_probe.py" --runs "$RUNS" \
    --program baseline "$BASELINE" \
    --program unfilled "$BASELINE --unfilled" \
    --program default "$APP --data-dir $WORK/default" \
    --program large "$APP --data-dir $WORK/large"
echo "memory budget for the large library: 1.3 × baseline + $((DATA_BYTES / 1024)) KiB of data"
