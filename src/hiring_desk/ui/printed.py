"""Opening files in the system's viewer, and after a PDF is written, offering to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from hiring_desk.ui import messages


def open_with_system_viewer(path: Path) -> bool:
    """Ask the desktop to open a file with its usual viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def offer_to_open(parent: QWidget | None, path: Path, what: str) -> None:
    """Ask whether to open ``path`` (a PDF just written); open it if the person says so."""
    question = f"Saved {path.name}. Open it in your PDF viewer now?"
    if not messages.confirm(parent, f"{what} Saved", question, "Open"):
        return
    if not open_with_system_viewer(path):
        messages.show_warning(
            parent, "Cannot Open", f"No program opened {path.name}. It is saved in {path.parent}."
        )
