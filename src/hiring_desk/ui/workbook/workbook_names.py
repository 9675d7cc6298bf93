"""Which workbook is open, in the title bar and the status bar.

A file: its name in the title, its path in the status bar. A team workbook:
"database on host" and the words "Team workbook" in both, the status bar with the
URL (never a password) as its tooltip.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from hiring_desk import APP_NAME
from hiring_desk.services.workbook.locations import ServerAddress
from hiring_desk.services.workbook.opening import Workbook


def window_title(workbook: Workbook) -> str:
    location = workbook.location
    if isinstance(location, ServerAddress):
        return f"{location.label} (Team workbook) — {APP_NAME}"
    return f"{Path(workbook.name).stem} — {APP_NAME}"


def status_text(workbook: Workbook) -> str:
    location = workbook.location
    if isinstance(location, ServerAddress):
        return f"Team workbook: {location.label}"
    return f"Workbook: {workbook.display_name}"


def show_workbook_names(window: QWidget, label: QLabel, workbook: Workbook) -> None:
    """Put ``workbook``'s names in ``window``'s title and the status bar's ``label``."""
    window.setWindowTitle(window_title(workbook))
    label.setText(status_text(workbook))
    label.setToolTip(workbook.display_name)  # a URL without its password
