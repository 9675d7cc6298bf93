"""The window starts without the libraries only printing, exports or upgrades need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Loaded when used: PDFs (ReportLab), CV text (pypdf, defusedxml), Markdown,
#: calendars (icalendar), schema upgrades (Alembic), team workbook passwords (keyring).
LOADED_WHEN_USED = (
    "reportlab",
    "pypdf",
    "defusedxml",
    "markdown_it",
    "icalendar",
    "alembic",
    "keyring",
)


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


#: Not loaded when the window first paints: the database layer, PDFs, and the pages
#: (built on the turn after the first paint, ``MainWindow.finish_building``).
NOT_AT_FIRST_PAINT = (
    "sqlalchemy",
    "sqlmodel",
    "reportlab",
    "keyring",
    "hiring_desk.store.workbook",
    "hiring_desk.services.workbook.opening",
    "hiring_desk.ui.roles.roles_page",
    "hiring_desk.ui.candidates.candidates_page",
    "hiring_desk.ui.interviews.interviews_page",
    "hiring_desk.ui.offers.offers_page",
    "hiring_desk.ui.team.team_company_page",
    "hiring_desk.ui.reports.reports_page",
    "hiring_desk.ui.today.today_page",
    "hiring_desk.ui.workbook.welcome_page",
)

#: Run in a fresh process: start the app as ``hiring_desk.app.run_gui`` does and, when
#: Qt has handled the window's first expose (it paints every widget then), print
#: which of the modules are loaded, and which pages were built after it.
_AT_FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

NAMES = {names!r}
app = QApplication(sys.argv[:1])

def after() -> None:
    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
    if not window.pages:
        QTimer.singleShot(20, after)
        return
    print("pages:", sorted(window.pages), flush=True)
    os._exit(0)

class Watch(QObject):
    done = False
    def eventFilter(self, watched, event):
        if self.done or event.type() != QEvent.Type.Expose or not isinstance(watched, QWindow):
            return False
        watched.event(event)
        if watched.isExposed():
            self.done = True
            print("at first paint:", [m for m in NAMES if m in sys.modules], flush=True)
            QTimer.singleShot(0, after)
        return True

watch = Watch()
app.installEventFilter(watch)
QTimer.singleShot(60000, lambda: os._exit(3))
from hiring_desk.app import run_gui
run_gui(None)
"""


def test_the_first_paint_loads_no_database_pdf_or_page_modules(tmp_path: Path) -> None:
    code = _AT_FIRST_PAINT.format(names=NOT_AT_FIRST_PAINT)
    env = dict(os.environ, HIRING_DESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "at first paint: []" in lines, result.stdout
    # and after it, the page of the area shown (the first, under the welcome page of a
    # first start) and only that one
    assert "pages: ['roles']" in lines, result.stdout


#: Not loaded when the Candidates area, chosen as the window shows, shows its first
#: page (``ui.candidates.first_page_table``): it is read with sqlite3 alone.
NOT_AT_FIRST_ROWS = (
    "sqlalchemy",
    "sqlmodel",
    "reportlab",
    "keyring",
    "hiring_desk.store.workbook",
    "hiring_desk.services.workbook.opening",
    "hiring_desk.services.candidates.candidate_table",
    "hiring_desk.ui.candidates.candidates_page",
)

#: Run in a fresh process: start the app on a workbook, choose Candidates as soon as
#: the window is painted, and print what is loaded once its table shows rows.
_AT_FIRST_ROWS = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QTableView

NAMES = {names!r}
app = QApplication(sys.argv[:1])

def choose_candidates() -> None:
    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
    window.nav.setCurrentRow({row})
    tables = window.stack.currentWidget().findChildren(QTableView)
    rows = [t.model().rowCount() for t in tables if t.isVisible()]
    print("rows:", rows, flush=True)
    print("at first rows:", [m for m in NAMES if m in sys.modules], flush=True)
    os._exit(0)

class Watch(QObject):
    done = False
    def eventFilter(self, watched, event):
        if self.done or event.type() != QEvent.Type.Expose or not isinstance(watched, QWindow):
            return False
        watched.event(event)
        if watched.isExposed():
            self.done = True
            QTimer.singleShot(0, choose_candidates)
        return True

watch = Watch()
app.installEventFilter(watch)
QTimer.singleShot(60000, lambda: os._exit(3))
from hiring_desk.app import run_gui
if {path!r}:
    run_gui(Path({path!r}))
else:  # the default workbook, which exists
    import shutil
    from hiring_desk.paths import default_workbook
    default_workbook().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy({demo!r}, default_workbook())
    run_gui(None)
"""


@pytest.mark.parametrize("named", [True, False], ids=["named", "default"])
def test_the_first_rows_of_candidates_load_no_database_layer(
    tmp_path: Path, demo_copy: Path, named: bool
) -> None:
    from hiring_desk.ui.areas import AREAS

    row = [key for key, _label, _icon in AREAS].index("candidates")
    code = _AT_FIRST_ROWS.format(
        names=NOT_AT_FIRST_ROWS, row=row, path=str(demo_copy) if named else "", demo=str(demo_copy)
    )
    env = dict(os.environ, HIRING_DESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = next(line for line in lines if line.startswith("rows:"))
    assert rows != "rows: []" and "rows: [0]" not in lines, result.stdout
    assert "at first rows: []" in lines, result.stdout
