"""A board column: its header (the stage's colour chip, name and count) and its list of
cards, which shows where a dragged card will land.

Cards are kept in name order, so a card dropped on a column lands at its name's
place, wherever the pointer is. While a card is dragged over another column, that
column is tinted and outlined in the highlight colour, and a line is drawn between
the cards where it will land; the line and tint go when the drag leaves or drops.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QMimeData, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.pipeline.board import Card
from hiring_desk.ui.pipeline.board_cards import CARD_ROLE, CardDelegate
from hiring_desk.ui.stage_colours import chip_font, chip_size, stage_chip
from hiring_desk.ui.theme import SPACE_S, SPACE_XS, TextRole, is_dark, scaled_font

#: (application id, target stage key: "interview" or "interview#12") -> True when moved
MoveCard = Callable[[int, str], bool]

APPLICATION_ROLE = Qt.ItemDataRole.UserRole
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_MIME = "application/x-hiring-desk-card"
#: The drop line's thickness, in pixels.
DROP_LINE = 3


def sort_key(name: str, application_id: int) -> tuple[str, int]:
    """The order of a column's cards (``services.pipeline.board`` sorts them so)."""
    return name.casefold(), application_id


class StageColumn(QListWidget):
    """One stage's cards. A card dropped here asks the board to move it."""

    def __init__(self, key: str, name: str, move: MoveCard) -> None:
        super().__init__()
        self.key = key
        self.stage = Stage(key.partition("#")[0])
        self._move = move
        #: Where a card dragged over this column will land (a row; ``count()``: last),
        #: or None when no card is dragged over it.
        self.drop_row: int | None = None
        self.setObjectName(f"board_{key.replace('#', '_')}")
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # ours shows the landing place instead
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(3)
        self.setMinimumWidth(180)
        self.setMouseTracking(True)  # the card under the pointer is drawn with a darker edge
        self.viewport().setBackgroundRole(QPalette.ColorRole.Midlight)
        # Cards wrap to the column's width and grow in height: never a sideways scroll.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(CardDelegate(self))
        self.setAccessibleName(f"{name} column")

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        """A dragged card carries its application id, the stage it leaves and its name
        (for the place it will land at)."""
        data = super().mimeData(list(items))
        if items:
            card = items[0].data(CARD_ROLE)
            name = card.name if isinstance(card, Card) else items[0].text()
            payload = f"{int(items[0].data(APPLICATION_ROLE))} {self.key}\n{name}"
            data.setData(CARD_MIME, QByteArray(payload.encode("utf-8")))
        return data

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME, *super().mimeTypes()]

    # -- dragging over ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        self._follow(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # scrolls the column when the pointer nears an edge
        self._follow(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self.clear_drop()

    def _follow(self, event: QDragMoveEvent) -> None:
        """Accept a card from another column and show where it lands; refuse the rest."""
        card = dragged_card(event.mimeData())
        if card is None or card[1] == self.key:
            event.ignore()
            self.clear_drop()
            return
        event.acceptProposedAction()
        self.show_drop(card[0], card[2])

    def show_drop(self, application_id: int, name: str) -> None:
        """Show that the card of ``application_id`` named ``name`` would land here."""
        key = sort_key(name, application_id)
        row = next(
            (r for r in range(self.count()) if self._key_at(r) > key),
            self.count(),
        )
        if row != self.drop_row:
            self.drop_row = row
            y = self._landing_y()
            if not 0 <= y <= self.viewport().height() and self.count():
                # A long column: bring the landing place into sight.
                near = self.item(min(row, self.count() - 1))
                self.scrollToItem(near, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.viewport().update()

    def clear_drop(self) -> None:
        if self.drop_row is not None:
            self.drop_row = None
            self.viewport().update()

    def _key_at(self, row: int) -> tuple[str, int]:
        item = self.item(row)
        return sort_key(item.text(), int(item.data(APPLICATION_ROLE)))

    def _landing_y(self) -> int:
        """The middle of the gap the card lands in, in the viewport (may be out of it)."""
        assert self.drop_row is not None
        gap = self.spacing()
        if self.drop_row < self.count():
            return self.visualItemRect(self.item(self.drop_row)).top() - gap
        if self.count():
            return self.visualItemRect(self.item(self.count() - 1)).bottom() + gap + 1
        return 2 * gap

    def drop_line(self) -> QRect | None:
        """Where the landing line is drawn (in the viewport, kept inside it), or None."""
        if self.drop_row is None:
            return None
        half = DROP_LINE // 2
        bottom = self.viewport().height() - DROP_LINE + half
        y = min(max(half + 1, self._landing_y()), bottom)
        gap = self.spacing()
        return QRect(gap, y - half, self.viewport().width() - 2 * gap, DROP_LINE)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.drop_row is None:
            super().paintEvent(event)
            return
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        tint = QColor(highlight)
        tint.setAlpha(40)
        under = QPainter(self.viewport())
        under.fillRect(self.viewport().rect(), tint)
        under.end()
        super().paintEvent(event)
        line = self.drop_line()
        over = QPainter(self.viewport())
        over.setRenderHint(QPainter.RenderHint.Antialiasing)
        over.setPen(QPen(highlight, 2))
        over.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
        if line is not None:
            over.setPen(Qt.PenStyle.NoPen)
            over.setBrush(highlight)
            over.drawRoundedRect(QRectF(line), DROP_LINE / 2, DROP_LINE / 2)
            dot = DROP_LINE + 5
            centre_y = line.center().y() + 0.5
            over.drawEllipse(QRectF(line.left(), centre_y - dot / 2, dot, dot))
        over.end()

    def dropEvent(self, event: QDropEvent) -> None:
        self.clear_drop()
        card = dragged_card(event.mimeData())
        if card is None or card[1] == self.key:
            event.ignore()
            return
        # The board reloads itself after a move, so the drop itself changes nothing.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self._move(card[0], self.key)


def dragged_card(data: QMimeData) -> tuple[int, str, str] | None:
    """(application id, stage left, name) from a dragged card's data, or None."""
    if not data.hasFormat(CARD_MIME):
        return None
    try:
        head, _newline, name = bytes(data.data(CARD_MIME).data()).decode("utf-8").partition("\n")
        application_id, stage = head.split()
        return int(application_id), stage, name
    except ValueError:
        return None


class ColumnHeader(QWidget):
    """A column's header: the stage's name on a chip of its colour, the number of cards
    beside it, and for a role's own stage the phase it belongs to below."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.setObjectName(f"board_title_{key.replace('#', '_')}")
        self.phase_key = key.partition("#")[0]
        self.name = ""
        self.count = 0
        self.phase = ""
        self.two_lines = False

    def set_stage(self, name: str, count: int, phase: str, *, two_lines: bool) -> None:
        """Show ``name`` and ``count``; ``phase`` below (""), and room for it when
        ``two_lines`` (so that every header of a board is as tall)."""
        self.name, self.count, self.phase, self.two_lines = name, count, phase, two_lines
        cards = "card" if count == 1 else "cards"
        spoken = f"{name}, {count} {cards}" + (f", in {phase}" if phase else "")
        self.setAccessibleName(spoken)
        self.setToolTip(spoken)
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        """The header's words: "Screening (2)"."""
        return f"{self.name} ({self.count})"

    def sizeHint(self) -> QSize:
        chip = QFontMetrics(chip_font(self.font()))
        height = chip.height() + 8
        if self.two_lines:
            height += QFontMetrics(scaled_font(TextRole.SECONDARY, self.font())).height()
        return QSize(120, height + SPACE_XS)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chip_text, count_font = chip_font(self.font()), scaled_font(TextRole.STRONG, self.font())
        chip_metrics, count_metrics = QFontMetrics(chip_text), QFontMetrics(count_font)
        count = str(self.count)
        room = self.width() - count_metrics.horizontalAdvance(count) - SPACE_S - 2
        name = self.name
        size = chip_size(chip_metrics, name)
        if size.width() > room:  # a long name: shortened on the chip, whole in the tool tip
            name = chip_metrics.elidedText(self.name, Qt.TextElideMode.ElideRight, room - 14)
            size = chip_size(chip_metrics, name)
        chip = QRect(1, 2, size.width(), size.height())
        stage_chip(
            painter, chip, self.phase_key, name, dark=is_dark(self.palette()), font=chip_text
        )
        painter.setFont(count_font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        counted = QRect(chip.right() + SPACE_S, chip.top(), room, chip.height())
        painter.drawText(counted, int(Qt.AlignmentFlag.AlignVCenter), count)
        if self.phase:
            painter.setFont(scaled_font(TextRole.SECONDARY, self.font()))
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            below = QRect(2, chip.bottom() + 2, self.width() - 2, self.height() - chip.bottom())
            painter.drawText(
                below, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), self.phase
            )
        painter.end()
