"""Icons drawn for Hiring Desk, loaded from the built-in resources."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPixmap

from hiring_desk.bundled import read_bytes


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``."""
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(read_bytes("icons", f"{name}.svg")), "SVG")
    return QIcon(pixmap)
