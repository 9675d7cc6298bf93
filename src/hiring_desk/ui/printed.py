"""After a PDF is written: offer to open it in the system's viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from hiring_desk.ui import messages
from hiring_desk.ui.candidates import attachments_panel


def offer_to_open(parent: QWidget | None, path: Path, what: str) -> None:
    """Ask whether to open ``path`` (a PDF just written); open it if the person says so."""
    question = f"Saved {path.name}. Open it in your PDF viewer now?"
    if not messages.confirm(parent, f"{what} Saved", question, "Open"):
        return
    if not attachments_panel.open_with_system_viewer(path):
        messages.show_warning(
            parent, "Cannot Open", f"No program opened {path.name}. It is saved in {path.parent}."
        )
