#!/usr/bin/env bash
# Build Hiring Desk as a one-folder bundle with PyInstaller.
#
#   bash packaging/build.sh            # -> packaging/dist/hiring-desk/hiring-desk
#   PYTHON=/path/to/python bash packaging/build.sh
#
# Uses the current Python environment: the app's dependencies must be installed there
# (pip install -e . or pip install .); PyInstaller is installed into it when missing.
# The output folders packaging/build and packaging/dist are git-ignored.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-$(command -v python3 || command -v python)}"

if ! "$python" -c "import hiring_desk" >/dev/null 2>&1; then
  echo "Installing Hiring Desk and its dependencies into $("$python" -c 'import sys; print(sys.prefix)')"
  "$python" -m pip install --quiet "$root"
fi
if ! "$python" -c "import PyInstaller" >/dev/null 2>&1; then
  echo "Installing PyInstaller into $("$python" -c 'import sys; print(sys.prefix)')"
  "$python" -m pip install --quiet "pyinstaller>=6.10"
fi

"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath "$here/build" --distpath "$here/dist" "$here/hiring-desk.spec"

case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) program="$here/dist/hiring-desk/hiring-desk.exe" ;;
  *) program="$here/dist/hiring-desk/hiring-desk" ;;
esac
echo "Built the bundle in $here/dist/hiring-desk"
echo "Run it: $program"
echo "Check it: bash $here/smoke.sh"
