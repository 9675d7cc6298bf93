"""Icons drawn for Hiring Desk, loaded from the built-in resources.

Area icons (``icon``) are drawn in their own colour. Action icons (``action_icon``,
``resources/icons/actions/``) are line drawings in ``currentColor``: they are
drawn in the palette's button text colour, and in its disabled text colour when
their button is disabled, so they read in light and dark themes alike.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPalette, QPixmap

from hiring_desk.bundled import read_bytes, read_text

#: Action icons are drawn at twice their 24-pixel size, sharp on high-density screens.
_SCALE = 2


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``."""
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(read_bytes("icons", f"{name}.svg")), "SVG")
    return QIcon(pixmap)


@cache
def _tinted(name: str, colour: str) -> QPixmap:
    """``resources/icons/actions/<name>.svg`` drawn in ``colour`` (a "#rrggbb" name)."""
    svg = read_text("icons", "actions", f"{name}.svg").replace("currentColor", colour)
    size = 24 * _SCALE
    svg = svg.replace('width="24" height="24"', f'width="{size}" height="{size}"', 1)
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(svg.encode("utf-8")), "SVG")
    pixmap.setDevicePixelRatio(_SCALE)
    return pixmap


def action_icon(name: str, palette: QPalette) -> QIcon:
    """The action icon ``name`` in ``palette``'s button text colours (normal, disabled)."""
    roles, groups = QPalette.ColorRole, QPalette.ColorGroup
    result = QIcon()
    normal = palette.color(groups.Active, roles.ButtonText).name()
    disabled = palette.color(groups.Disabled, roles.ButtonText).name()
    result.addPixmap(_tinted(name, normal), QIcon.Mode.Normal)
    result.addPixmap(_tinted(name, disabled), QIcon.Mode.Disabled)
    return result


def action_icon_names() -> list[str]:
    """The names of every action icon shipped (for tests)."""
    from hiring_desk.bundled import resource

    return sorted(
        entry.name.removesuffix(".svg")
        for entry in resource("icons", "actions").iterdir()
        if entry.name.endswith(".svg")
    )
