"""How a board card looks: an avatar of initials, then the name, title, match and days.

Every line wraps to the column's width, in any script (Chinese and Japanese have
no spaces, so a line may break between any two characters), and the card grows
to hold them all: nothing is cut. The same ``CardLayout`` is used to size and to
paint a card, so what is painted always fits.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QTextLayout, QTextOption
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hiring_desk.domain.name_initials import is_right_to_left
from hiring_desk.services.pipeline.board import Card
from hiring_desk.ui.avatars import paint_avatar
from hiring_desk.ui.theme import is_dark

#: The item data role holding a card's ``Card``.
CARD_ROLE = Qt.ItemDataRole.UserRole + 2

PADDING = 8
AVATAR = 32
GAP = 8
LINE_GAP = 2
NARROWEST_TEXT = 60


def days_text(days: int) -> str:
    if days == 0:
        return "In this stage since today"
    return f"{days} day{'s' if days != 1 else ''} in this stage"


def card_lines(card: Card) -> list[str]:
    """The card's lines of text, first the name."""
    lines = [card.name]
    if card.current_title:
        lines.append(card.current_title)
    if card.match_score is not None:
        lines.append(f"{card.match_score}% match")
    lines.append(days_text(card.days_in_stage))
    return lines


@dataclass
class CardLayout:
    """A card laid out at one width: the text blocks, where they go, the avatar's place."""

    size: QSize
    avatar: QRectF
    blocks: list[tuple[str, QTextLayout, QPointF]]

    def text_bottom(self) -> float:
        """Where the painted text ends (from the card's top)."""
        bottom = 0.0
        for _text, layout, origin in self.blocks:
            bottom = max(bottom, origin.y() + layout.boundingRect().height())
        return bottom


def lay_out(card: Card, font: QFont, width: int) -> CardLayout:
    """``card`` laid out for a card ``width`` pixels wide, in ``font`` (the name in bold)."""
    rtl = is_right_to_left(card.name)
    text_width = max(NARROWEST_TEXT, width - 2 * PADDING - AVATAR - GAP)
    text_left = PADDING if rtl else PADDING + AVATAR + GAP
    avatar_left = PADDING + text_width + GAP if rtl else PADDING
    y = float(PADDING)
    blocks: list[tuple[str, QTextLayout, QPointF]] = []
    for number, text in enumerate(card_lines(card)):
        block_font = QFont(font)
        if number == 0:
            block_font.setBold(True)
        layout = _wrapped(text, block_font, text_width, align_right=rtl)
        blocks.append((text, layout, QPointF(text_left, y)))
        y += layout.boundingRect().height() + LINE_GAP
    height = int(max(y - LINE_GAP, PADDING + AVATAR) + PADDING + 0.999)
    return CardLayout(
        QSize(text_width + AVATAR + GAP + 2 * PADDING, height),
        QRectF(avatar_left, PADDING, AVATAR, AVATAR),
        blocks,
    )


def _wrapped(text: str, font: QFont, width: int, *, align_right: bool) -> QTextLayout:
    """``text`` in lines of ``width``; a card whose name is right to left (Arabic, Hebrew)
    has all its lines on the right, beside its avatar."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if is_right_to_left(text):
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    if align_right:
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
    layout.setTextOption(option)
    layout.beginLayout()
    top = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, top))
        top += line.height()
    layout.endLayout()
    return layout


class CardDelegate(QStyledItemDelegate):
    """Sizes and paints the cards of one board column."""

    def __init__(self, column: QListWidget) -> None:
        super().__init__(column)
        self._column = column

    def card_width(self) -> int:
        """The width a card has in its column: the column's inside, less the spacing and
        the room of a vertical scroll bar, whether it shows or not (so that a scroll bar
        appearing as cards are added never makes the cards narrower than their size)."""
        column = self._column
        inside = column.width() - 2 * column.frameWidth()
        scroll_bar = column.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, column)
        return inside - scroll_bar - 2 * column.spacing()

    def layout_of(self, index: QModelIndex | QPersistentModelIndex) -> CardLayout | None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            return None
        return lay_out(card, self._column.font(), self.card_width())

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        laid = self.layout_of(index)
        return super().sizeHint(option, index) if laid is None else laid.size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            super().paint(painter, option, index)
            return
        laid = lay_out(card, self._column.font(), self.card_width())
        rect = QRectF(option.rect)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.topLeft())
        frame = QPainterPath()
        frame.addRoundedRect(QRectF(0.5, 0.5, rect.width() - 1, rect.height() - 1), 6, 6)
        painter.fillPath(frame, palette.highlight() if selected else palette.base())
        painter.setPen(palette.mid().color())
        painter.drawPath(frame)
        paint_avatar(painter, laid.avatar, card.name, self._column.font(), dark=is_dark(palette))
        painter.setPen(palette.highlightedText().color() if selected else palette.text().color())
        for _text, layout, origin in laid.blocks:
            layout.draw(painter, origin)
        painter.restore()
