#!/usr/bin/env bash
# Render the app icon (resources/icons/app.svg) as the files desktops look for:
# icons/scalable/apps/ID.svg and icons/NxN/apps/ID.png at 48, 128 and 256 pixels.
# The results are committed; run this again after changing app.svg.
# Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
svg="$(dirname "$(dirname "$here")")/resources/icons/app.svg"
app_id="io.github.hiringdesk.HiringDesk"

command -v rsvg-convert >/dev/null || {
  echo "render-icons.sh: rsvg-convert is needed (apt-get install librsvg2-bin)" >&2
  exit 1
}
mkdir -p "$here/icons/scalable/apps"
cp "$svg" "$here/icons/scalable/apps/$app_id.svg"
for size in 48 128 256; do
  mkdir -p "$here/icons/${size}x${size}/apps"
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
    --output "$here/icons/${size}x${size}/apps/$app_id.png" "$svg"
done
echo "Rendered the icons into $here/icons"
