"""One colour per stage, for light and dark windows, always drawn with its words.

A stage is shown as a *chip*: a rounded patch of the stage's colour with the
stage's name (and a count, where one is wanted) written on it, so colour is never
the only sign. Light windows get deep fills with white text; dark windows get soft
fills with near-black text. Rejected and Withdrawn are muted greys. Every pair
keeps WCAG AA contrast (text on chip at least 4.5:1, chip against the window's
grounds at least 3:1), which ``tests/ui/test_stage_colours.py`` checks.

``stage_chip`` draws one chip; ``ChipRowDelegate`` draws a row of them in a table
cell from the model's ``CHIPS_ROLE`` data, for any page that lists stages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hiring_desk.ui.theme import TextRole, is_dark, scaled_font


@dataclass(frozen=True)
class ChipColours:
    fill: str
    text: str


@dataclass(frozen=True)
class StageColours:
    light: ChipColours
    dark: ChipColours


_WHITE, _INK = "#ffffff", "#10141b"

#: The palette by stage key, in pipeline order, then the two ways out.
STAGE_COLOURS: dict[str, StageColours] = {
    "applied": StageColours(ChipColours("#3b66b0", _WHITE), ChipColours("#93b7f2", _INK)),
    "screening": StageColours(ChipColours("#0b7285", _WHITE), ChipColours("#66cfd9", _INK)),
    "interview": StageColours(ChipColours("#7048b8", _WHITE), ChipColours("#c2a8f5", _INK)),
    "shortlisted": StageColours(ChipColours("#a34e00", _WHITE), ChipColours("#f2b866", _INK)),
    "offer": StageColours(ChipColours("#a3306a", _WHITE), ChipColours("#f29cc6", _INK)),
    "hired": StageColours(ChipColours("#2b7a32", _WHITE), ChipColours("#84d496", _INK)),
    "rejected": StageColours(ChipColours("#676d76", _WHITE), ChipColours("#9aa1ab", _INK)),
    "withdrawn": StageColours(ChipColours("#756d62", _WHITE), ChipColours("#aaa296", _INK)),
}
#: Any other stage (one a workbook added): a neutral slate.
OTHER_STAGE = StageColours(ChipColours("#4d5866", _WHITE), ChipColours("#a9b4c2", _INK))
#: Stages drawn quieter: closed without a hire.
MUTED_STAGES = frozenset({"rejected", "withdrawn"})


def stage_colours(stage: str, dark: bool) -> ChipColours:
    """The chip colours of ``stage`` in a dark or a light window."""
    pair = STAGE_COLOURS.get(stage, OTHER_STAGE)
    return pair.dark if dark else pair.light


# -- contrast (WCAG 2.1) -----------------------------------------------------------------


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a ``#rrggbb`` colour (0 black to 1 white)."""
    value = QColor(colour)

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(value.red())
        + 0.7152 * linear(value.green())
        + 0.0722 * linear(value.blue())
    )


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, from 1 to 21."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# -- painting ----------------------------------------------------------------------------

#: Padding inside a chip and the gap between chips, in pixels.
CHIP_PAD_X, CHIP_PAD_Y, CHIP_GAP = 7, 2, 5
#: The item-data role a model answers with a row's chips: [(stage key, text), ...].
CHIPS_ROLE = int(Qt.ItemDataRole.UserRole) + 40


def chip_font(base: QFont | None = None) -> QFont:
    """The chips' text: the secondary size, a little bolder for legibility on colour."""
    font = scaled_font(TextRole.SECONDARY, base)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def chip_size(metrics: QFontMetrics, text: str) -> QSize:
    """A chip's size: its text padded, and never narrower than a short pill."""
    height = metrics.height() + 2 * CHIP_PAD_Y
    return QSize(max(metrics.horizontalAdvance(text) + 2 * CHIP_PAD_X, height + 8), height)


def stage_chip(
    painter: QPainter,
    rect: QRect,
    stage: str,
    text: str,
    *,
    dark: bool,
    font: QFont,
    ring: QColor | None = None,
) -> None:
    """A rounded chip in ``stage``'s colour filling ``rect``, ``text`` centred on it;
    ``ring`` outlines it (on a selected row, so it stands out from the highlight)."""
    colours = stage_colours(stage, dark)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ring, 1.5) if ring is not None else Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours.fill))
    radius = rect.height() / 2
    painter.drawRoundedRect(QRectF(rect), radius, radius)
    painter.setPen(QColor(colours.text))
    painter.setFont(font)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()


def chips_width(metrics: QFontMetrics, chips: Sequence[tuple[str, str]]) -> int:
    """How wide a row of ``chips`` is drawn."""
    widths = [chip_size(metrics, text).width() for _stage, text in chips]
    return sum(widths) + CHIP_GAP * max(len(widths) - 1, 0)


def fitting_chips(
    metrics: QFontMetrics, chips: Sequence[tuple[str, str]], width: int
) -> list[tuple[str, str]]:
    """As many of ``chips`` as fit in ``width``, the rest counted on a last "+N" chip."""
    for count in range(len(chips), -1, -1):
        row = list(chips[:count])
        if count < len(chips):
            row.append(("", f"+{len(chips) - count}"))
        if chips_width(metrics, row) <= width:
            return row
    return []


def paint_chips(
    painter: QPainter,
    rect: QRect,
    chips: Sequence[tuple[str, str]],
    *,
    dark: bool,
    font: QFont,
    centred: bool = False,
    ring: QColor | None = None,
) -> None:
    """``chips`` from the left of ``rect`` (or ``centred``), vertically centred; those
    that do not fit are counted on a last chip (``fitting_chips``)."""
    metrics = QFontMetrics(font)
    row = fitting_chips(metrics, chips, rect.width())
    x = rect.left()
    if centred:
        x += (rect.width() - chips_width(metrics, row)) // 2
    for stage, text in row:
        size = chip_size(metrics, text)
        top = rect.top() + (rect.height() - size.height()) // 2
        box = QRect(x, top, size.width(), size.height())
        stage_chip(painter, box, stage, text, dark=dark, font=font, ring=ring)
        x += size.width() + CHIP_GAP


def stage_dot(stage: str, dark: bool, size: int = 12) -> QIcon:
    """A round dot in ``stage``'s colour, for a list line about that stage (its words
    say which stage: the dot only helps the eye)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(stage_colours(stage, dark).fill))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)


class ChipRowDelegate(QStyledItemDelegate):
    """Draws a cell as a row of stage chips from the model's ``CHIPS_ROLE`` data
    (``centred`` in the cell, or from its left); the cell's display text stays for
    screen readers and tool tips."""

    def __init__(self, parent: QObject | None = None, *, centred: bool = False) -> None:
        super().__init__(parent)
        self._centred = centred

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        chips = index.data(CHIPS_ROLE)
        if chips is None:  # a model without chips (the lean first page): its text
            super().paint(painter, option, index)
            return
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        area = option.rect.adjusted(4, 0, -4, 0)
        palette: QPalette = option.palette
        font = chip_font(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ring = palette.color(QPalette.ColorRole.HighlightedText) if selected else None
        paint_chips(
            painter, area, chips, dark=is_dark(palette), font=font, centred=self._centred, ring=ring
        )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        chips = index.data(CHIPS_ROLE) or []
        metrics = QFontMetrics(chip_font(option.font))
        return QSize(chips_width(metrics, chips) + 8, metrics.height() + 2 * CHIP_PAD_Y + 6)
