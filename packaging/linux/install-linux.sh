#!/usr/bin/env bash
# Install Hiring Desk's desktop integration for the current user: the menu entry, the
# icons, the AppStream metadata and the .hiringdesk file type, so that double-clicking a
# workbook in the file manager opens it in Hiring Desk.
#
#   bash packaging/linux/install-linux.sh                      # hiring-desk is on PATH (pip install)
#   bash packaging/linux/install-linux.sh --bundle DIR         # the built bundle in DIR runs
#   bash packaging/linux/install-linux.sh --uninstall          # remove all of it again
#
# Files go under ${XDG_DATA_HOME:-~/.local/share}; nothing needs root. The caches of the
# desktop (update-desktop-database, update-mime-database, gtk-update-icon-cache) are
# refreshed when those tools are installed.
set -euo pipefail

app_id="io.github.hiringdesk.HiringDesk"
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes=(48 128 256)

usage() {
  sed -n '6,8s/^#   //p' "$0"
  exit "${1:-0}"
}

bundle=""
action="install"
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle)
      [ $# -ge 2 ] || usage 2
      bundle="$2"
      shift 2
      ;;
    --uninstall) action="uninstall"; shift ;;
    -h | --help) usage 0 ;;
    *) echo "install-linux.sh: unknown argument: $1" >&2; usage 2 >&2 ;;
  esac
done

installed_files() {
  echo "$data/applications/$app_id.desktop"
  echo "$data/metainfo/$app_id.metainfo.xml"
  echo "$data/mime/packages/$app_id.xml"
  echo "$data/icons/hicolor/scalable/apps/$app_id.svg"
  for size in "${sizes[@]}"; do
    echo "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"
  done
}

refresh_caches() {
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database --quiet "$data/applications" || true
  fi
  if command -v update-mime-database >/dev/null; then
    update-mime-database "$data/mime"
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache --quiet --force --ignore-theme-index "$data/icons/hicolor" || true
  fi
}

if [ "$action" = "uninstall" ]; then
  while read -r file; do
    rm -f "$file"
  done < <(installed_files)
  mkdir -p "$data/applications" "$data/mime/packages"
  refresh_caches
  echo "Removed Hiring Desk's desktop integration from $data"
  exit 0
fi

exec_line="hiring-desk"
if [ -n "$bundle" ]; then
  program="$(cd "$bundle" && pwd)/hiring-desk"
  if [ ! -x "$program" ]; then
    echo "install-linux.sh: no program $program; build the bundle with packaging/build.sh" >&2
    exit 1
  fi
  case "$program" in
    *[[:space:]\"\'\\\$\`]*)
      echo "install-linux.sh: move the bundle to a folder whose path has no spaces or quotes" >&2
      exit 1
      ;;
  esac
  exec_line="$program"
elif ! command -v hiring-desk >/dev/null; then
  echo "note: hiring-desk is not on PATH; the menu entry works once it is" \
    "(pip install ., or run this again with --bundle packaging/dist/hiring-desk)" >&2
fi

install -d "$data/applications" "$data/metainfo" "$data/mime/packages" \
  "$data/icons/hicolor/scalable/apps"
sed -e "s|^Exec=hiring-desk |Exec=$exec_line |" -e "s|^TryExec=hiring-desk\$|TryExec=$exec_line|" \
  "$here/$app_id.desktop" >"$data/applications/$app_id.desktop"
chmod 644 "$data/applications/$app_id.desktop"
install -m 644 "$here/$app_id.metainfo.xml" "$data/metainfo/$app_id.metainfo.xml"
install -m 644 "$here/$app_id.mime.xml" "$data/mime/packages/$app_id.xml"
install -m 644 "$here/icons/scalable/apps/$app_id.svg" "$data/icons/hicolor/scalable/apps/"
for size in "${sizes[@]}"; do
  install -d "$data/icons/hicolor/${size}x${size}/apps"
  install -m 644 "$here/icons/${size}x${size}/apps/$app_id.png" \
    "$data/icons/hicolor/${size}x${size}/apps/"
done
refresh_caches
echo "Installed Hiring Desk's desktop integration in $data (runs: $exec_line)"
