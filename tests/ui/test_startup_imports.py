"""The window starts without the libraries only printing, exports or upgrades need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: Loaded when used: PDFs (ReportLab), CV text (pypdf, defusedxml), Markdown,
#: calendars (icalendar), schema upgrades (Alembic).
LOADED_WHEN_USED = ("reportlab", "pypdf", "defusedxml", "markdown_it", "icalendar", "alembic")


def test_importing_the_main_window_leaves_them_unloaded(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import hiring_desk.app, hiring_desk.ui.main_window\n"
        f"print([m for m in {LOADED_WHEN_USED!r} if m in sys.modules])\n"
    )
    env = dict(os.environ, HIRING_DESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
