"""Start-up of the window: the Qt application, logging, the error hook, the first workbook."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hiring_desk import APP_ID, APP_NAME, __version__


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


def run_gui(workbook: Path | None) -> int:
    """Open the main window on ``workbook`` (or the default workbook); return the exit code."""
    _check_display()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hiring_desk.logs import setup_logging
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
    window = MainWindow(Settings())
    window.show()
    # Paint the window first, then open the workbook.
    QTimer.singleShot(0, lambda: window.open_initial(workbook))
    return app.exec()
