"""The board (kanban) of one role: a column per stage; drag a card to move it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.pipeline import board
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.pipeline.board_cards import CARD_ROLE, CardDelegate, card_lines

#: (application id, target stage) -> True when the move was made
MoveCard = Callable[[int, Stage], bool]

APPLICATION_ROLE = Qt.ItemDataRole.UserRole
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_MIME = "application/x-hiring-desk-card"


class StageColumn(QListWidget):
    """One stage's cards. A card dropped here asks the board to move it."""

    def __init__(self, stage: Stage, move: MoveCard) -> None:
        super().__init__()
        self.stage = stage
        self._move = move
        self.setObjectName(f"board_{stage.value}")
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
        self.setAccessibleName(f"{stage.label} column")

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        """A dragged card carries its application id and the stage it leaves."""
        data = super().mimeData(list(items))
        if items:
            payload = f"{int(items[0].data(APPLICATION_ROLE))} {self.stage.value}"
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
        if card is None or card[1] == self.stage.value:
            event.ignore()
            return
        # The board reloads itself after a move, so the drop itself changes nothing.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self._move(card[0], self.stage)


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
    #: (stage value, candidate ids): "Write to everyone in <stage>…" from a column's menu
    write_requested = Signal(str, list)

    def __init__(self, move: MoveCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board_view")
        self._workbook: Workbook | None = None
        self.role_id: int | None = None
        self.hint = QLabel("Choose a role above to see its board.")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.columns: dict[Stage, StageColumn] = {}
        self._titles: dict[Stage, QLabel] = {}
        strip = QWidget()
        row = QHBoxLayout(strip)
        for stage in Stage:
            column = StageColumn(stage, move)
            column.itemClicked.connect(self._clicked)
            title = QLabel()
            title.setObjectName(f"board_title_{stage.value}")
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(column, 1)
            row.addLayout(box)
            self.columns[stage] = column
            self._titles[stage] = title
            # Right-click a column (its menu's point is in the cards' area) or its title.
            for widget, area in ((column, column.viewport()), (title, title)):
                widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                widget.customContextMenuRequested.connect(
                    lambda at, s=stage, a=area: self._column_menu(s, a.mapToGlobal(at))
                )
        self.column_menu: QMenu | None = None
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(strip)
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
        cards = board.board(self._workbook, self.role_id)
        for stage, column in self.columns.items():
            column.clear()
            for card in cards[stage]:
                item = QListWidgetItem(card.name)
                item.setData(APPLICATION_ROLE, card.application_id)
                item.setData(CANDIDATE_ROLE, card.candidate_id)
                item.setData(CARD_ROLE, card)
                lines = card_lines(card)
                item.setToolTip("\n".join(lines))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(lines))
                column.addItem(item)
            self._titles[stage].setText(f"<b>{stage.label}</b> ({len(cards[stage])})")

    def candidates_in(self, stage: Stage) -> list[int]:
        column = self.columns[stage]
        return [int(column.item(row).data(CANDIDATE_ROLE)) for row in range(column.count())]

    def _column_menu(self, stage: Stage, at: QPoint) -> None:
        ids = self.candidates_in(stage)
        menu = QMenu(self)
        menu.setObjectName(f"board_menu_{stage.value}")
        write = menu.addAction(
            f"&Write to Everyone in {stage.label}…",
            lambda: self.write_requested.emit(stage.value, ids),
        )
        write.setEnabled(bool(ids))
        self.column_menu = menu
        menu.popup(at)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.candidate_chosen.emit(int(item.data(CANDIDATE_ROLE)))
