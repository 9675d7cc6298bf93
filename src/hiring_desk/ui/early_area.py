"""The window's page area while the start-up opens a workbook, before the pages exist.

``run_gui`` names the workbook it opens (``MainWindow.expect_workbook``); on the
turn after the first paint, before the services are imported, the window goes to
the area shown last time and takes clicks on the navigation
(``MainWindow.show_last_area``). An area chosen then shows once the workbook is
open, except Candidates, which shows its first 200 rows at once
(``ui.candidates.first_page_table``, read without SQLAlchemy). The real page (or
the welcome page, if the workbook was not opened) takes over in
``MainWindow._show_workbook_state``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QListWidget, QStackedWidget, QWidget

from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.settings import Settings


class EarlyArea:
    """What the page area shows before the pages are built."""

    def __init__(
        self,
        window: QWidget,
        nav: QListWidget,
        stack: QStackedWidget,
        skeleton: QWidget,
        settings: Settings,
    ) -> None:
        self._window = window
        self._nav = nav
        self._stack = stack
        self._skeleton = skeleton
        self._settings = settings
        self.opening: Path | None = None  # the workbook being opened
        self._first_page: QWidget | None = None  # Candidates' first rows meanwhile

    def show_last_area(self) -> None:
        if self.opening is None:
            return
        keys = [key for key, _label, _icon in AREAS]
        last = self._settings.last_area()
        if last in keys and self._nav.currentRow() < 0:
            self._nav.setCurrentRow(keys.index(last))
        self._nav.setEnabled(True)

    def show(self, key: str) -> None:
        """Show area ``key`` as far as it can be before the workbook is open."""
        if key != "candidates" or self.opening is None:
            self._stack.setCurrentWidget(self._skeleton)
            return
        if self._first_page is None:
            from hiring_desk.ui.candidates.first_page_table import first_page_table

            self._first_page = first_page_table(self.opening)
            if self._first_page is None:  # not readable so: the opening will say why
                self.opening = None
                return
            self._stack.addWidget(self._first_page)
        self._stack.setCurrentWidget(self._first_page)
        self._window.repaint()  # on screen now: the imports that follow hold the GUI thread

    def drop(self) -> None:
        """The workbook is open, or will not be: nothing early any more."""
        self.opening = None
        if self._first_page is not None:
            self._stack.removeWidget(self._first_page)
            self._first_page.deleteLater()
            self._first_page = None
