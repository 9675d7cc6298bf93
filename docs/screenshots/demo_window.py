"""The real window on a fresh demo workbook, as the screenshot scripts take it.

Everything goes in a temporary ``HIRING_DESK_HOME``; the settings are those of a
returning user (the workbook in Open Recent, the first team member "Acting as"), so
no question stands between the start and the picture. Xvfb has no CJK fonts (a
desktop has): the bundled face stands in for them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from hiring_desk.store import Workbook
    from hiring_desk.ui.main_window import MainWindow


@dataclass
class DemoWindow:
    app: QApplication
    window: MainWindow
    workbook: Workbook
    manager_id: int

    def settle(self, ms: int = 400) -> None:
        """Let the window finish what it started (queries, layouts) for ``ms``."""
        from PySide6.QtCore import QTimer

        end = QTimer()
        end.setSingleShot(True)
        end.start(ms)
        while end.isActive():
            self.app.processEvents()

    def grab_frame(self, path: Path, dialog: QWidget | None = None) -> None:
        """Save the window with its frame as on screen (and ``dialog`` shown over it)."""
        from PySide6.QtGui import QGuiApplication

        self.settle()
        if dialog is not None:
            dialog.show()
            dialog.raise_()
            self.settle()
        frame = self.window.frameGeometry()
        screen = QGuiApplication.primaryScreen()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        picture.save(str(path))
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        print(path)


def open_demo_window(
    size: tuple[int, int],
    *,
    position: tuple[int, int] = (0, 0),
    prepare: Callable[[Workbook], None] | None = None,
) -> DemoWindow:
    """The window at ``size`` on a new demo workbook (``prepare`` may add to it first)."""
    os.environ["HIRING_DESK_HOME"] = tempfile.mkdtemp(prefix="hiring-desk-shots-")
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from hiring_desk import bundled
    from hiring_desk.services.demo.demo_workbook import create_demo_workbook
    from hiring_desk.services.team import team_members
    from hiring_desk.ui.main_window import MainWindow
    from hiring_desk.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    app.setApplicationName("HiringDesk")
    fallback = bytes(bundled.read_bytes("fonts", "DroidSansFallback.ttf"))
    QFontDatabase.addApplicationFontFromData(QByteArray(fallback))
    path = Path(os.environ["HIRING_DESK_HOME"]) / "Northwind Demo.hiringdesk"
    with create_demo_workbook(path) as demo:
        manager = team_members.list_members(demo)[0]
        if prepare is not None:
            prepare(demo)
    settings = Settings()
    settings.add_recent_workbook(path)
    settings.set_acting_member(path, manager.id)  # not asked; shown as "Acting as"
    window = MainWindow(settings)
    window.resize(*size)
    window.move(*position)
    window.show()
    window.open_initial(path)
    workbook = window.workbook
    assert workbook is not None
    window.retention_notice.dismiss()
    return DemoWindow(app, window, workbook, manager.id)
