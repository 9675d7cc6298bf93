"""File ▸ Open Recent: the workbooks opened lately, kept in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from hiring_desk.ui import messages
from hiring_desk.ui.settings import Settings


class RecentMenu(QMenu):
    """Lists the recent workbooks (refilled each time it opens); ``open_requested(path)``
    for one that still exists. A missing one is explained and dropped from the list."""

    open_requested = Signal(Path)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self._settings = settings
        self.aboutToShow.connect(self.refill)
        self.refill()

    def refill(self) -> None:
        self.clear()
        recent = self._settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self._open(p))
        if recent:
            self.addSeparator()
            self.addAction("&Clear List", self._clear)
        else:
            self.addAction("No recent workbooks").setEnabled(False)

    def _open(self, path: Path) -> None:
        if not path.exists():
            messages.show_warning(
                self.parentWidget(),
                "Workbook Not Found",
                f"{path} no longer exists. It was removed from the list.",
            )
            self._settings.remove_recent_file(path)
            self.refill()
            return
        self.open_requested.emit(path)

    def _clear(self) -> None:
        self._settings.clear_recent_files()
        self.refill()
