"""Initials avatars: a round badge in a colour of the person's own, their initials on it.

The initials and the hue come from ``domain.name_initials`` (a Chinese, Japanese or
Korean name's first character; the first letters of the first and last word
otherwise; a hue that is the same for a name on any computer). The badge's
lightness is then chosen for the window: on light windows a deep fill under white
text, on dark windows a soft fill under near-black text, each darkened or lightened
until the text keeps WCAG AA contrast (4.5:1) against it, whatever the hue.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from hiring_desk.domain.name_initials import avatar_hue, initials
from hiring_desk.ui.stage_colours import ChipColours, contrast_ratio
from hiring_desk.ui.theme import AVATAR_TEXT_DARK, AVATAR_TEXT_LIGHT, is_dark

#: The contrast the initials keep against the badge (WCAG AA for normal text).
AVATAR_CONTRAST = 4.5


def avatar_colours(name: str, dark: bool) -> ChipColours:
    """The badge's fill and text colours for ``name`` on a dark or a light window."""
    hue = avatar_hue(name)
    text = AVATAR_TEXT_DARK if dark else AVATAR_TEXT_LIGHT
    lightness = 0.72 if dark else 0.42
    step = 0.02 if dark else -0.02
    while True:
        fill = QColor.fromHslF(hue / 360, 0.55, lightness).name()
        if contrast_ratio(fill, text) >= AVATAR_CONTRAST or not 0.05 < lightness < 0.95:
            return ChipColours(fill, text)
        lightness += step


def paint_avatar(painter: QPainter, where: QRectF, name: str, font: QFont, *, dark: bool) -> None:
    """A round badge filling ``where`` with ``name``'s initials in ``font`` (made bold)."""
    colours = avatar_colours(name, dark)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours.fill))
    painter.drawEllipse(where)
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor(colours.text))
    painter.drawText(where, Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.restore()


class Avatar(QWidget):
    """A fixed-size initials badge for one name (screen readers hear the initials' name)."""

    def __init__(self, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = ""
        self.setFixedSize(QSize(size, size))
        font = self.font()
        font.setPixelSize(max(10, round(size * 0.38)))
        self.setFont(font)

    @property
    def initials(self) -> str:
        """What the badge shows ("" when no one is shown)."""
        return initials(self._name) if self._name else ""

    def set_name(self, name: str) -> None:
        self._name = name
        self.setAccessibleName(f"Initials of {name}" if name else "")
        self.setVisible(bool(name))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self._name:
            return
        painter = QPainter(self)
        dark = is_dark(self.palette())
        paint_avatar(painter, QRectF(self.rect()), self._name, self.font(), dark=dark)
        painter.end()
