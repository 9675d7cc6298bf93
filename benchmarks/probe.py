"""What the fresh-process figures run: ``python -m benchmarks.probe KIND [WORKBOOK]``.

Prints one JSON line: ``{"at": <time.perf_counter() when done>, "rss_mb": <peak RSS>}``.
On Linux ``perf_counter`` is the system-wide monotonic clock, so the parent, which
noted the same clock just before starting this process, gets the whole time from
process start (interpreter start-up included) to the moment measured.

Kinds:

``app-paint``
    the real start-up (``hiring_desk.app.run_gui``) until the main window is first
    painted;
``bare-paint``
    a bare PySide6 main window with a menu bar and a table, until first painted;
``app-page``
    the real start-up on WORKBOOK, then the Candidates area (as a click on it in the
    navigation the moment the window shows) until its table is painted with the
    first page of rows ("at"); the peak RSS is taken later, once the whole
    Candidates page is built and filled with the workbook open ("ready");
``bare-page``
    a bare window whose table is filled by one raw sqlite3 query of the first page;
``seed``
    (not timed) the settings of a returning user for the workbooks named.

"Painted" is measured after Qt handled the window's first expose event, which
paints every widget synchronously. Imports stay inside the functions: this module
must not load anything the app itself would not.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

#: The first page of candidates as the app's table shows it, in plain SQL.
PAGE_SQL = """
SELECT c.id, c.name, c.email, a.stage, r.title, a.match_score, a.applied_at, c.source,
       c.location
FROM candidate AS c
LEFT JOIN application AS a
       ON a.id = (SELECT max(x.id) FROM application AS x WHERE x.candidate_id = c.id)
LEFT JOIN role AS r ON r.id = a.role_id
ORDER BY c.sort_name, c.id
LIMIT 200
"""
HEADERS = ("Name", "Email", "Stage", "Role", "Match", "Interviews", "Applied", "Source", "Location")
WINDOW_SIZE = (1100, 700)


def _report(at: float | None = None) -> None:
    """Print the result line and leave at once (no teardown counted, nothing saved).

    ``at``: the moment measured, when it came before now ("ready" is now)."""
    done = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    result = {"at": done if at is None else at, "ready": done, "rss_mb": peak_kb / 1024}
    print(json.dumps(result), flush=True)
    os._exit(0)


def _install_paint_watch(app: Any, on_painted: Any) -> Any:
    """Call ``on_painted(window)`` once a top-level QWindow has handled its first expose."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QWindow

    class PaintWatch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.inside = False
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                self.done
                or self.inside
                or event.type() != QEvent.Type.Expose
                or not isinstance(watched, QWindow)
            ):
                return False
            self.inside = True
            try:
                watched.event(event)  # Qt paints the widgets here, synchronously
            finally:
                self.inside = False
            if watched.isExposed():
                self.done = True
                on_painted(watched)
            return True

    watch = PaintWatch()
    app.installEventFilter(watch)
    return watch


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def app_paint(workbook: Path) -> None:
    app = _application()
    _keep = _install_paint_watch(app, lambda _window: _report())
    from hiring_desk.app import run_gui

    run_gui(workbook)


def app_page(workbook: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QTableView

    app = _application()
    times: dict[str, float] = {}

    def main_window() -> Any:
        return next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")

    def go_to_candidates() -> None:
        # As a click on Candidates in the navigation the moment the window shows (the
        # window takes it while it still loads; before, the probe waited for the
        # workbook to be open, when the click had nothing to show).
        window = main_window()
        row = next(n for n, area in enumerate(window_areas()) if area == "candidates")
        window.nav.setCurrentRow(row)
        wait_for_rows(window, row)

    def window_areas() -> list[str]:
        from hiring_desk.ui.areas import AREAS

        return [key for key, _label, _icon in AREAS]

    def rows_shown(window: Any, row: int) -> bool:
        """The Candidates area is the one shown and its table holds rows."""
        if window.nav.currentRow() != row:
            return False
        shown = window.stack.currentWidget()
        return shown is not None and any(
            view.isVisible() and view.model() is not None and view.model().rowCount() > 0
            for view in shown.findChildren(QTableView)
        )

    def wait_for_rows(window: Any, row: int) -> None:
        if not rows_shown(window, row):
            QTimer.singleShot(1, lambda: wait_for_rows(window, row))
            return
        window.repaint()  # synchronous: the rows are on screen when it returns
        times["at"] = time.perf_counter()
        wait_for_full_page(window)

    def wait_for_full_page(window: Any) -> None:
        # The peak memory is taken with the whole Candidates page built and filled,
        # as before the first rows came early.
        page = window.pages.get("candidates") if window.workbook is not None else None
        if page is None or page.model.rowCount() == 0:
            QTimer.singleShot(1, lambda: wait_for_full_page(window))
            return
        window.repaint()
        _report(at=times["at"])

    _keep = _install_paint_watch(app, lambda _window: QTimer.singleShot(0, go_to_candidates))
    from hiring_desk.app import run_gui

    run_gui(workbook)


def _bare_window(rows: list[tuple[Any, ...]]) -> Any:
    from PySide6.QtWidgets import QMainWindow, QTableWidget, QTableWidgetItem

    window = QMainWindow()
    bar = window.menuBar()
    for title in ("&File", "&View", "&Help"):
        menu = bar.addMenu(title)
        menu.addAction("&Open…")
    table = QTableWidget(len(rows), len(HEADERS))
    table.setHorizontalHeaderLabels(list(HEADERS))
    for r, row in enumerate(rows):
        for c, value in enumerate(row[1 : 1 + len(HEADERS)]):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    window.setCentralWidget(table)
    window.resize(*WINDOW_SIZE)
    return window


def bare_paint() -> None:
    app = _application()
    _keep = _install_paint_watch(app, lambda _window: _report())
    window = _bare_window([])
    window.show()
    app.exec()


def bare_page(workbook: Path) -> None:
    import sqlite3

    app = _application()
    _keep = _install_paint_watch(app, lambda _window: _report())
    conn = sqlite3.connect(f"file:{workbook}?mode=ro", uri=True)
    rows = conn.execute(PAGE_SQL).fetchall()
    window = _bare_window(rows)
    window.show()
    app.exec()


def seed(workbooks: list[Path]) -> None:
    """Settings of a person who opened these workbooks before: no first-open questions.

    (Who is acting was answered "nobody", the note about where the file is kept
    was shown.) Written into HIRING_DESK_HOME, which the runner sets.
    """
    from hiring_desk.ui.settings import NOBODY, Settings

    settings = Settings()
    for path in workbooks:
        settings.set_acting_member(path.absolute(), NOBODY)
        settings.set_location_warned(path.absolute())
    settings.sync()


def main(argv: list[str]) -> None:
    kind = argv[0]
    workbook = Path(argv[1]) if len(argv) > 1 else Path()
    if kind == "seed":
        seed([Path(a) for a in argv[1:]])
        return
    if kind == "app-paint":
        app_paint(workbook)
    elif kind == "app-page":
        app_page(workbook)
    elif kind == "bare-paint":
        bare_paint()
    elif kind == "bare-page":
        bare_page(workbook)
    else:
        raise SystemExit(f"unknown probe {kind!r}")
    raise SystemExit("the probe ended without measuring")  # the event loop quit early


if __name__ == "__main__":
    main(sys.argv[1:])
