"""File ▸ Open Recent: the workbooks opened lately (files and team workbooks), kept in the
settings (a team workbook by its URL without password)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from hiring_desk.ui import messages
from hiring_desk.ui.settings import Settings

if TYPE_CHECKING:
    from hiring_desk.services.workbook.locations import Location


class RecentMenu(QMenu):
    """Lists the recent workbooks (refilled each time it opens); ``open_requested(location)``
    for a file that still exists or a team workbook (its server answers when opened).
    A missing file is explained and dropped from the list."""

    open_requested = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self._settings = settings
        self.aboutToShow.connect(self.refill)
        self.refill()

    def refill(self) -> None:
        self.clear()
        recent = self._settings.recent_workbooks()
        for number, path in enumerate(recent, start=1):
            name = path.name if isinstance(path, Path) else f"{path.label} (team workbook)"
            action = self.addAction(f"&{number} {name.replace('&', '&&')}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self._open(p))
        if recent:
            self.addSeparator()
            self.addAction("&Clear List", self._clear)
        else:
            self.addAction("No recent workbooks").setEnabled(False)

    def _open(self, path: Location) -> None:
        if isinstance(path, Path) and not path.exists():
            messages.show_warning(
                self.parentWidget(),
                "Workbook Not Found",
                f"{path} no longer exists. It was removed from the list.",
            )
            self._settings.remove_recent_workbook(path)
            self.refill()
            return
        self.open_requested.emit(path)

    def _clear(self) -> None:
        self._settings.clear_recent_workbooks()
        self.refill()


def last_team_workbook(settings: Settings) -> Location | None:
    """The workbook to reopen when the start-up names none: the last one used, when it
    was a team workbook (its password, if kept, comes from the keyring as it opens).
    Otherwise None, and the default workbook opens as always."""
    from hiring_desk.services.workbook.locations import ServerAddress

    recent = settings.recent_workbooks()
    return recent[0] if recent and isinstance(recent[0], ServerAddress) else None
