#!/usr/bin/env bash
# Smoke check of the built bundle, run the way a person without Python would run it.
#
#   bash packaging/smoke.sh [BUNDLE_DIR]      (default: packaging/dist/hiring-desk)
#
# The bundle is copied to a temporary folder and run there with an empty environment
# (no PATH, no PYTHONPATH, a private HOME and HIRING_DESK_HOME), so it can use nothing
# from this checkout or from an installed Python. It makes the demo workbook, checks it,
# prints a job description and an interview pack (both PDFs must exist and be complete),
# then opens the window offscreen on a workbook given as a file argument (as the .desktop
# entry does) and on an old workbook that the bundle must upgrade with its migrations.
# With xvfb-run installed, the window is also opened on a virtual X screen (xcb plugin).
# Exits 0 only if every step worked; Linux only (needs flock from util-linux).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
source_bundle="${1:-$here/dist/hiring-desk}"
if [ ! -x "$source_bundle/hiring-desk" ]; then
  echo "smoke: no bundle at $source_bundle (build it with: bash packaging/build.sh)" >&2
  exit 1
fi
for tool in flock timeout; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is needed" >&2; exit 1; }
done

work="$(mktemp -d)"
window_pid=""
cleanup() {
  if [ -n "$window_pid" ]; then kill "$window_pid" 2>/dev/null; wait "$window_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

cp -a "$source_bundle" "$work/bundle"
program="$work/bundle/hiring-desk"
mkdir -p "$work/home" "$work/empty-path" "$work/files"
files="$work/files"
log="$work/hd/logs/hiring-desk.log"
failures=0

# The bundle with nothing from this machine's environment.
bundle() {
  env -i HOME="$work/home" HIRING_DESK_HOME="$work/hd" PATH="$work/empty-path" \
    LANG=C.UTF-8 QT_QPA_PLATFORM="${QT_QPA_PLATFORM_FOR_SMOKE:-offscreen}" \
    ${DISPLAY_FOR_SMOKE:+DISPLAY=$DISPLAY_FOR_SMOKE} "$program" "$@"
}

pass() { echo "ok    $1"; }
fail() {
  echo "FAIL  $1" >&2
  [ -n "${2:-}" ] && sed 's/^/      /' <<<"$2" >&2
  failures=$((failures + 1))
}

# step NAME COMMAND...: run a command, keep its output, pass or fail on its exit code.
step() {
  local name="$1" output
  shift
  if output="$("$@" 2>&1)"; then
    pass "$name"
  else
    fail "$name" "$output"
  fi
  last_output="$output"
}

is_pdf() {  # a whole PDF: the header, the end marker, and more than an empty page
  local file="$1"
  [ -s "$file" ] && [ "$(head -c 5 "$file")" = "%PDF-" ] \
    && tail -c 1024 "$file" | grep -q '%%EOF' && [ "$(wc -c <"$file")" -gt 4000 ]
}

locked() {  # the workbook's lock is held: a window has it open
  local lock
  lock="$(dirname "$1")/.$(basename "$1").lock"
  [ -e "$lock" ] && { flock --nonblock --conflict-exit-code 99 "$lock" true; [ $? -eq 99 ]; }
}

# window NAME WORKBOOK ARGS...: start the window, wait until it holds the workbook open,
# keep it running a few seconds, then end it; fails if it exits, lets the workbook go,
# or logs an error meanwhile.
window() {
  local name="$1" workbook="$2" waited=0 log_lines=0
  shift 2
  [ -f "$log" ] && log_lines="$(wc -l <"$log")"
  bundle "$@" >"$work/window.out" 2>&1 &
  window_pid=$!
  until locked "$workbook"; do
    if ! kill -0 "$window_pid" 2>/dev/null || [ "$waited" -ge 300 ]; then
      fail "$name: the window did not open $(basename "$workbook")" "$(cat "$work/window.out")"
      kill "$window_pid" 2>/dev/null; wait "$window_pid" 2>/dev/null; window_pid=""
      return
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  sleep 3
  if ! kill -0 "$window_pid" 2>/dev/null; then
    fail "$name: the window closed by itself" "$(cat "$work/window.out")"
  elif ! locked "$workbook"; then
    fail "$name: the window let $(basename "$workbook") go" "$(tail -n +$((log_lines + 1)) "$log")"
  elif tail -n +$((log_lines + 1)) "$log" | grep -qE ' (ERROR|CRITICAL) '; then
    fail "$name: the log has errors" "$(tail -n +$((log_lines + 1)) "$log")"
  else
    pass "$name"
  fi
  kill "$window_pid" 2>/dev/null
  wait "$window_pid" 2>/dev/null
  window_pid=""
}

echo "Smoke check of $source_bundle (run from a copy in $work)"

# 1. What the bundle must carry.
internal="$work/bundle/_internal"
for needed in \
  PySide6/Qt/plugins/platforms/libqxcb.so PySide6/Qt/plugins/platforms/libqoffscreen.so \
  PySide6/Qt/plugins/imageformats/libqsvg.so hiring_desk/resources/fonts/DejaVuSans.ttf \
  hiring_desk/resources/icons/app.svg hiring_desk/resources/skills/catalog.toml \
  hiring_desk/store/migrations/env.py hiring_desk/store/migrations/script.py.mako; do
  if [ -e "$internal/$needed" ]; then pass "carries $needed"; else fail "carries $needed"; fi
done
revisions=("$root"/src/hiring_desk/store/migrations/versions/0*.py)
for revision in "${revisions[@]}"; do
  name="hiring_desk/store/migrations/versions/$(basename "$revision")"
  if [ -e "$internal/$name" ]; then pass "carries $name"; else fail "carries $name"; fi
done

# 2. The commands.
demo="$files/Demo.hiringdesk"
step "--version" bundle --version
grep -q '^Hiring Desk ' <<<"$last_output" || fail "--version prints the name" "$last_output"
step "demo" bundle demo --workbook "$demo"
step "check" bundle check --workbook "$demo"
[ "$last_output" = "ok" ] || fail "check prints ok" "$last_output"
step "list roles" bundle list roles --workbook "$demo"
grep -q "Backend Developer" <<<"$last_output" || fail "list roles names the demo roles" "$last_output"
step "print jd" bundle print jd --workbook "$demo" --role "Backend Developer" --out "$files/jd.pdf"
if is_pdf "$files/jd.pdf"; then pass "jd.pdf is a PDF"; else fail "jd.pdf is a PDF"; fi
step "print pack" bundle print pack --workbook "$demo" --role "Backend Developer" \
  --out "$files/pack.pdf"
if is_pdf "$files/pack.pdf"; then pass "pack.pdf is a PDF"; else fail "pack.pdf is a PDF"; fi
if command -v pdftotext >/dev/null; then
  if pdftotext "$files/jd.pdf" - | grep -q "Backend Developer"; then
    pass "jd.pdf has the role's title in its text"
  else
    fail "jd.pdf has the role's title in its text"
  fi
fi

# 3. The window, offscreen: a workbook given as a file (Exec=hiring-desk %f), then an old
#    workbook that must be upgraded by the bundled migrations.
window "window opens FILE.hiringdesk" "$demo" "$demo"
old="$root/tests/fixtures/workbooks/0001_initial.hiringdesk"
if [ -f "$old" ]; then
  cp "$old" "$files/Old.hiringdesk"
  window "window upgrades a workbook from revision 0001" "$files/Old.hiringdesk" \
    --workbook "$files/Old.hiringdesk"
  step "check the upgraded workbook" bundle check --workbook "$files/Old.hiringdesk"
else
  echo "skip  no old workbook fixture at $old"
fi

# 4. The window on a real X server (the xcb plugin and the libraries it loads).
if command -v xvfb-run >/dev/null && command -v Xvfb >/dev/null; then
  display=99
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
    display=$((display + 1))
  done
  Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
  QT_QPA_PLATFORM_FOR_SMOKE=xcb DISPLAY_FOR_SMOKE=":$display" \
    window "window on an X screen (xcb)" "$demo" "$demo"
  kill "$xvfb_pid" 2>/dev/null
  wait "$xvfb_pid" 2>/dev/null
else
  echo "skip  the X screen check (apt-get install xvfb)"
fi

if [ "$failures" -gt 0 ]; then
  echo "Smoke check FAILED: $failures step(s)" >&2
  exit 1
fi
echo "Smoke check passed"
