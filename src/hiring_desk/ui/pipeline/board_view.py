"""The board (kanban) of one role: a column per shown stage; drag a card to move it.

A role with stages of its own gets a column for each (``services.pipeline.board``);
the columns are made again when the role's stages change.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.pipeline import board
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.pipeline.board_cards import CARD_ROLE, CardDelegate, card_lines

#: (application id, target stage key: "interview" or "interview#12") -> True when moved
MoveCard = Callable[[int, str], bool]

APPLICATION_ROLE = Qt.ItemDataRole.UserRole
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_MIME = "application/x-hiring-desk-card"


class StageColumn(QListWidget):
    """One stage's cards. A card dropped here asks the board to move it."""

    def __init__(self, key: str, name: str, move: MoveCard) -> None:
        super().__init__()
        self.key = key
        self.stage = Stage(key.partition("#")[0])
        self._move = move
        self.setObjectName(f"board_{key.replace('#', '_')}")
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(3)
        self.setMinimumWidth(170)
        # Cards wrap to the column's width and grow in height: never a sideways scroll.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(CardDelegate(self))
        self.setAccessibleName(f"{name} column")

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        """A dragged card carries its application id and the stage it leaves."""
        data = super().mimeData(list(items))
        if items:
            payload = f"{int(items[0].data(APPLICATION_ROLE))} {self.key}"
            data.setData(CARD_MIME, QByteArray(payload.encode("ascii")))
        return data

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME, *super().mimeTypes()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CARD_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(CARD_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        card = _card(event.mimeData())
        if card is None or card[1] == self.key:
            event.ignore()
            return
        # The board reloads itself after a move, so the drop itself changes nothing.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self._move(card[0], self.key)


def _card(data: QMimeData) -> tuple[int, str] | None:
    """(application id, stage left) from a dragged card's data, or None."""
    if not data.hasFormat(CARD_MIME):
        return None
    try:
        application_id, stage = bytes(data.data(CARD_MIME).data()).decode("ascii").split()
        return int(application_id), stage
    except ValueError:
        return None


class BoardView(QWidget):
    """Shows the board of ``role_id``; emits ``candidate_chosen`` when a card is clicked."""

    candidate_chosen = Signal(int)

    def __init__(self, move: MoveCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board_view")
        self._workbook: Workbook | None = None
        self.role_id: int | None = None
        self.hint = QLabel("Choose a role above to see its board.")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._move = move
        #: The columns by stage key; a standard stage's key is its phase (``columns[Stage.X]``).
        self.columns: dict[str, StageColumn] = {}
        self._titles: dict[str, QLabel] = {}
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self._make_columns([(stage.value, stage.label) for stage in Stage])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroller, 1)

    def show_role(self, workbook: Workbook | None, role_id: int | None) -> None:
        self._workbook, self.role_id = workbook, role_id
        self.reload()

    def reload(self) -> None:
        ready = self._workbook is not None and self.role_id is not None
        self.hint.setVisible(not ready)
        self.scroller.setVisible(ready)
        if not ready:
            return
        assert self._workbook is not None and self.role_id is not None
        shown = board.board(self._workbook, self.role_id)
        if [c.key for c in shown] != list(self.columns):
            self._make_columns([(c.key, c.name) for c in shown])
        for stage in shown:
            column = self.columns[stage.key]
            column.clear()
            for card in stage.cards:
                item = QListWidgetItem(card.name)
                item.setData(APPLICATION_ROLE, card.application_id)
                item.setData(CANDIDATE_ROLE, card.candidate_id)
                item.setData(CARD_ROLE, card)
                lines = card_lines(card)
                item.setToolTip("\n".join(lines))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(lines))
                column.addItem(item)
            # A role's own stage names its phase below; then every title has two lines.
            phase = stage.phase.label if _own(stage) else "&nbsp;" if any(map(_own, shown)) else ""
            title = f"<b>{html.escape(stage.name)}</b> ({len(stage.cards)})"
            self._titles[stage.key].setText(
                f"{title}<br><small>{phase}</small>" if phase else title
            )
            self._titles[stage.key].setAccessibleName(f"{stage.name}, {len(stage.cards)} cards")

    def _make_columns(self, stages: list[tuple[str, str]]) -> None:
        """One column per (key, name), in order, in a new strip."""
        self.columns, self._titles = {}, {}
        strip = QWidget()
        row = QHBoxLayout(strip)
        for key, name in stages:
            column = StageColumn(key, name, self._move)
            column.itemClicked.connect(self._clicked)
            title = QLabel()
            title.setObjectName(f"board_title_{key.replace('#', '_')}")
            title.setTextFormat(Qt.TextFormat.RichText)
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(column, 1)
            row.addLayout(box)
            self.columns[key] = column
            self._titles[key] = title
        old = self.scroller.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroller.setWidget(strip)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.candidate_chosen.emit(int(item.data(CANDIDATE_ROLE)))


def _own(column: board.Column) -> bool:
    """True for a stage named otherwise than its phase (a role's own)."""
    return column.name.casefold() != column.phase.label.casefold()
