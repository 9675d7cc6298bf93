"""How a board card looks: an avatar of initials beside the name, then the title,
the match and days in the stage, and where the interviews stand with the mean rating.

Every line wraps to the card's width, in any script (Chinese and Japanese have
no spaces, so a line may break between any two characters), and the card grows
to hold them all: nothing is cut. A card whose name is written right to left
(Arabic, Hebrew) is mirrored: the avatar on the right, every line from the right.
The same ``CardLayout`` is used to size and to paint a card, so what is painted
always fits. Fonts come from the type scale in ``ui.theme``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hiring_desk import clock
from hiring_desk.domain.name_initials import is_right_to_left
from hiring_desk.services.common.time_zones import as_utc
from hiring_desk.services.pipeline.board import Card, InterviewState
from hiring_desk.ui.avatars import paint_avatar
from hiring_desk.ui.theme import SPACE_S, SPACE_XS, TextRole, is_dark, scaled_font

#: The item data role holding a card's ``Card``.
CARD_ROLE = Qt.ItemDataRole.UserRole + 2

PADDING = SPACE_S
AVATAR = 28
GAP = SPACE_S
LINE_GAP = 2
NARROWEST_TEXT = 60


def days_text(days: int) -> str:
    if days == 0:
        return "In stage since today"
    return f"{_plural(days, 'day')} in stage"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def when_text(moment: datetime) -> str:
    """An interview's start on this computer's clock: "today 10:00", "tomorrow 10:00",
    "Thu 10:00" within the week, else "17 Dec 10:00" (with the year when not this one)."""
    local = as_utc(moment).astimezone()
    today = clock.today()
    ahead = (local.date() - today).days
    if ahead == 0:
        return f"today {local:%H:%M}"
    if ahead == 1:
        return f"tomorrow {local:%H:%M}"
    if 1 < ahead < 7:
        return f"{local:%a %H:%M}"
    if local.year == today.year:
        return f"{local.day} {local:%b %H:%M}"
    return f"{local.day} {local:%b %Y %H:%M}"


def interview_text(state: InterviewState) -> str:
    """Where the interviews stand: the next one, else how many scorecards are in."""
    if state.next_at is not None:
        return f"Interview {when_text(state.next_at)}"
    if state.held:
        if state.expected:
            expected = max(state.expected, state.scorecards)
            return f"Interviewed, {state.scorecards} of {_plural(expected, 'scorecard')}"
        if state.scorecards:
            return f"Interviewed, {_plural(state.scorecards, 'scorecard')}"
        return "Interviewed, no scorecards yet"
    return "No interview yet"


def card_lines(card: Card) -> list[str]:
    """The card's lines of text as painted: the name, the title (when known), the scores
    (the match and the mean rating, a star and the number; when there are any), the days
    in the stage, then where the interviews stand."""
    lines = [card.name]
    if card.current_title:
        lines.append(card.current_title)
    scores = []
    if card.match_score is not None:
        scores.append(f"{card.match_score}% match")
    if card.scorecard_mean:
        scores.append(star(card.scorecard_mean))
    if scores:
        lines.append(SEPARATOR.join(scores))
    lines.append(days_text(card.days_in_stage))
    lines.append(interview_text(card.interviews))
    return lines


#: Between two scores on a line: a line may break after the dot, never before it.
SEPARATOR = "\u00a0· "


def star(mean: str) -> str:
    """The mean rating as painted: "★ 3.7" (kept on one line)."""
    return f"★\u00a0{mean}"


def spoken_lines(card: Card) -> list[str]:
    """The card's lines for a screen reader and the tool tip: the star said in words."""
    lines = card_lines(card)
    if card.scorecard_mean:
        said = f"mean rating {card.scorecard_mean} of 4"
        lines = [line.replace(star(card.scorecard_mean), said) for line in lines]
    return [line.replace("\u00a0", " ") for line in lines]


@dataclass
class CardLayout:
    """A card laid out at one width: the text blocks, where they go, which are quiet,
    and the avatar's place."""

    size: QSize
    avatar: QRectF
    blocks: list[tuple[str, QTextLayout, QPointF]]
    #: Indexes of ``blocks`` drawn in the palette's quieter (placeholder) colour.
    quiet: frozenset[int] = frozenset()

    def text_bottom(self) -> float:
        """Where the painted text ends (from the card's top)."""
        bottom = 0.0
        for _text, layout, origin in self.blocks:
            bottom = max(bottom, origin.y() + layout.boundingRect().height())
        return bottom


def lay_out(card: Card, font: QFont, width: int) -> CardLayout:
    """``card`` laid out for a card ``width`` pixels wide: the name in ``font`` made
    strong beside the avatar, the other lines in the secondary size across the card."""
    rtl = is_right_to_left(card.name)
    inside = max(NARROWEST_TEXT + AVATAR + GAP, width - 2 * PADDING)
    name_width = inside - AVATAR - GAP
    name = _wrapped(card.name, scaled_font(TextRole.STRONG, font), name_width, align_right=rtl)
    name_height = name.boundingRect().height()
    avatar_left = PADDING + inside - AVATAR if rtl else PADDING
    name_left = PADDING if rtl else PADDING + AVATAR + GAP
    # A one-line name sits level with the avatar's middle; a longer one starts at its top.
    name_top = PADDING + max(0.0, (AVATAR - name_height) / 2)
    blocks: list[tuple[str, QTextLayout, QPointF]] = [
        (card.name, name, QPointF(name_left, name_top))
    ]
    y = PADDING + max(float(AVATAR), name_top - PADDING + name_height) + SPACE_XS
    small = scaled_font(TextRole.SECONDARY, font)
    lines = card_lines(card)
    quiet = {len(lines) - 2}  # the days in the stage
    for text in lines[1:]:
        layout = _wrapped(text, small, inside, align_right=rtl)
        blocks.append((text, layout, QPointF(PADDING, y)))
        y += layout.boundingRect().height() + LINE_GAP
    height = int(y - LINE_GAP + PADDING + 0.999)
    return CardLayout(
        QSize(inside + 2 * PADDING, height),
        QRectF(avatar_left, PADDING, AVATAR, AVATAR),
        blocks,
        frozenset(quiet),
    )


def _wrapped(text: str, font: QFont, width: int, *, align_right: bool) -> QTextLayout:
    """``text`` in lines of ``width``; a card whose name is right to left (Arabic, Hebrew)
    has all its lines on the right, under its avatar."""
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
        #: Cards laid out at ``_laid_for`` (width, font): Qt asks a card's size several
        #: times as a column fills, and a board may hold thousands of cards.
        self._laid: dict[Card, CardLayout] = {}
        self._laid_for: tuple[int, str] = (0, "")

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
        return self._layout(card)

    def _layout(self, card: Card) -> CardLayout:
        font, width = self._column.font(), self.card_width()
        wanted = (width, font.key())
        if wanted != self._laid_for or len(self._laid) > 4 * max(self._column.count(), 100):
            self._laid, self._laid_for = {}, wanted
        laid = self._laid.get(card)
        if laid is None:
            laid = self._laid[card] = lay_out(card, font, width)
        return laid

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
        laid = self._layout(card)
        rect = QRectF(option.rect)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.topLeft())
        frame = QPainterPath()
        frame.addRoundedRect(QRectF(1, 1, rect.width() - 2, rect.height() - 2), 6, 6)
        painter.fillPath(frame, palette.base())
        # A chosen card keeps its colours (the quiet lines stay readable) and gets a
        # strong outline; the pointer over a card darkens its edge.
        edge = palette.highlight().color() if selected else palette.mid().color()
        if hovered and not selected:
            edge = palette.dark().color()
        painter.setPen(QPen(edge, 2 if selected else 1))
        painter.drawPath(frame)
        paint_avatar(painter, laid.avatar, card.name, self._column.font(), dark=is_dark(palette))
        text, quiet = palette.text().color(), palette.placeholderText().color()
        for number, (_text, layout, origin) in enumerate(laid.blocks):
            painter.setPen(quiet if number in laid.quiet else text)
            layout.draw(painter, origin)
        painter.restore()
