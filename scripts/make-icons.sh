#!/usr/bin/env bash
# Makes the app's PNG icons (16 to 512 px) from assets/icon/fan-tracker.svg with rsvg-convert
# (Debian: librsvg2-bin). The PNGs are committed, so building needs no tool; run this again
# after changing the SVG, and commit what it writes.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || {
  echo "make-icons.sh: rsvg-convert is missing (Debian: apt-get install librsvg2-bin)" >&2
  exit 1
}
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --format png \
    --output "assets/icon/fan-tracker-$size.png" assets/icon/fan-tracker.svg
done
echo "wrote assets/icon/fan-tracker-{16,24,32,48,64,128,256,512}.png"
