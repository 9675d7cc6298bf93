"""A status-bar note while the open workbook sits in a synced folder or on a network drive.

The full explanation is shown once per workbook in a message; after that the note
stays in the status bar, with the explanation as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from hiring_desk.services.workbook import location_check
from hiring_desk.services.workbook.location_check import LocationRisk
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.theme import set_style, text_style, warning_colour

TITLES = {"cloud": "Workbook in a Synced Folder", "network": "Workbook on a Network Drive"}


class LocationNotice(QLabel):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.risk: LocationRisk | None = None
        self.setObjectName("location_notice")
        self.setTextFormat(Qt.TextFormat.PlainText)
        set_style(self, text_style(warning_colour))
        self.setVisible(False)

    def set_workbook(self, workbook: Workbook | None) -> None:
        """Check where ``workbook`` is kept; warn the first time it is a risky place."""
        self.risk = (
            location_check.location_risk(workbook.path)
            if workbook is not None and workbook.is_file  # a server's place is its own
            else None
        )
        self.setVisible(self.risk is not None)
        if workbook is None or self.risk is None:
            return
        self.setText(f"⚠ {self.risk.short}")
        self.setToolTip(self.risk.message)
        if not self._settings.location_warned(workbook.path):
            self._settings.set_location_warned(workbook.path)
            messages.show_warning(self.window(), TITLES[self.risk.kind], self.risk.message)
