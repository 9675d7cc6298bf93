"""Start-up of the window: the Qt application, logging, the error hook, the first workbook."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from hiring_desk import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hiring_desk.services.workbook.locations import Location

#: How long to wait for the window's first paint before opening the workbook anyway.
_PAINT_WAIT_MS = 1000


class NoDisplayError(RuntimeError):
    """There is no screen to show the window on."""


def _check_display() -> None:
    """Refuse early, with one clear line, where Qt would abort for want of a screen."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise NoDisplayError(
            "no display to open the window on (DISPLAY is not set); "
            "the commands 'demo', 'check' and 'list' work without one"
        )


def run_gui(workbook: Location | None) -> int:
    """Open the main window on ``workbook`` (a file or a team workbook's URL; none: the
    team workbook used last, if it was one, else the default workbook); return the exit
    code."""
    _check_display()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hiring_desk.ui.source_reads import spare_source_reads

    spare_source_reads()  # before the imports below: PySide6 would keep their source

    from hiring_desk.logs import setup_logging
    from hiring_desk.paths import default_workbook
    from hiring_desk.ui import excepthook
    from hiring_desk.ui.icons import icon
    from hiring_desk.ui.main_window import MainWindow
    from hiring_desk.ui.settings import Settings

    excepthook.install()
    log = setup_logging()
    log.info("Starting %s %s", APP_NAME, __version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    # The .desktop entry's name (packaging/linux/), so Wayland desktops match window and icon.
    app.setDesktopFileName("io.github.hiringdesk.HiringDesk")
    app.setWindowIcon(icon("app"))
    settings = Settings()
    if settings.theme() != "system":  # the default changes nothing: not even imported
        from hiring_desk.ui.theme import apply_theme

        apply_theme(settings.theme())
    if workbook is None:  # the team workbook used last, if it was one (else the default)
        from hiring_desk.ui.workbook.recent_menu import last_team_workbook

        workbook = last_team_workbook(settings)
    window = MainWindow(settings, deferred=True)  # the shell: Qt and light helpers only
    # Candidates can show its first rows while the workbook opens (the default
    # workbook too, once it exists).
    # (A team workbook's first rows come the normal way, once it is open.)
    window.expect_workbook(
        _existing(default_workbook()) if workbook is None else _file_or_none(workbook)
    )
    window.show()

    # Paint the window first, then import and build the pages while the workbook opens
    # on a worker thread (checking a big file takes a while), with the bundled CJK
    # fallback font known to Qt before any name is shown.
    def open_workbook() -> None:
        # The area shown last time, or a click already waiting: Candidates shows its
        # first rows before the imports (read without the services,
        # ``MainWindow.expect_workbook``).
        window.show_last_area()
        QTimer.singleShot(0, load_and_open)

    def load_and_open() -> None:
        from hiring_desk.services.workbook.opening import as_window
        from hiring_desk.ui.workbook.pending_open import PendingOpen

        as_window()  # a second open of its workbooks is told "another window"
        pending = PendingOpen(workbook)
        from hiring_desk.services.candidates.opened_copies import remove_stale_runs
        from hiring_desk.ui.fonts import register_bundled_fonts

        register_bundled_fonts()
        remove_stale_runs()  # copies of opened files left by a run that crashed
        window.finish_building()
        window.open_initial(workbook, pending)

    _after_first_paint(window, open_workbook)
    return app.exec()


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None


def _file_or_none(location: Location) -> Path | None:
    return location if isinstance(location, Path) else None


def _after_first_paint(window: QWidget, action: Callable[[], object]) -> None:
    """Run ``action`` once, on the event loop's turn after ``window`` was first painted.

    A zero timer started after ``show()`` can fire before the window is exposed (it
    does on the offscreen platform), which put opening the workbook ahead of the
    first paint. If no paint comes (a minimised start), ``action`` runs after
    ``_PAINT_WAIT_MS`` anyway.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    done: list[bool] = []

    def run_once() -> None:
        if not done:
            done.append(True)
            action()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, run_once)
            return False

    window.installEventFilter(FirstPaint(window))
    QTimer.singleShot(_PAINT_WAIT_MS, run_once)
