"""The board (kanban) of one role: a column per shown stage; drag a card to move it.

A role with stages of its own gets a column for each (``services.pipeline.board``);
the columns are made again when the role's stages change.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.pipeline import board
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.permissions import Permission, refusal
from hiring_desk.ui.pipeline.board_cards import CARD_ROLE, spoken_lines
from hiring_desk.ui.pipeline.board_columns import (
    APPLICATION_ROLE,
    CANDIDATE_ROLE,
    ColumnHeader,
    MoveCard,
    StageColumn,
)
from hiring_desk.ui.theme import SPACE_M, SPACE_S


class BoardView(QWidget):
    """Shows the board of ``role_id``; emits ``candidate_chosen`` when a card is clicked."""

    candidate_chosen = Signal(int)
    #: (stage key, candidate ids): "Write to everyone in <stage>…" from a column's menu
    write_requested = Signal(str, list)

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
        #: The columns' headers by stage key.
        self.headers: dict[str, ColumnHeader] = {}
        self.column_menu: QMenu | None = None
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
        # Cards are dragged only by whom may change this role's pipeline.
        refused = refusal(self._workbook, Permission.PIPELINE, role_id=self.role_id)
        mode = QAbstractItemView.DragDropMode
        for column in self.columns.values():
            column.setDragDropMode(mode.NoDragDrop if refused else mode.DragDrop)
        self.scroller.setToolTip(refused or "")
        for stage in shown:
            column = self.columns[stage.key]
            column.clear()
            for card in stage.cards:
                item = QListWidgetItem(card.name)
                item.setData(APPLICATION_ROLE, card.application_id)
                item.setData(CANDIDATE_ROLE, card.candidate_id)
                item.setData(CARD_ROLE, card)
                lines = spoken_lines(card)
                item.setToolTip("\n".join(lines))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(lines))
                column.addItem(item)
            # A role's own stage names its phase below; then every header has two lines.
            self.headers[stage.key].set_stage(
                stage.name,
                len(stage.cards),
                stage.phase.label if _own(stage) else "",
                two_lines=any(map(_own, shown)),
            )

    def _make_columns(self, stages: list[tuple[str, str]]) -> None:
        """One column per (key, name), in order, in a new strip."""
        self.columns, self.headers = {}, {}
        strip = QWidget()
        row = QHBoxLayout(strip)
        row.setContentsMargins(SPACE_S, SPACE_S, SPACE_S, SPACE_S)
        row.setSpacing(SPACE_M)
        for key, name in stages:
            column = StageColumn(key, name, self._move)
            column.itemClicked.connect(self._clicked)
            title = ColumnHeader(key)
            box = QVBoxLayout()
            box.setSpacing(SPACE_S)
            box.addWidget(title)
            box.addWidget(column, 1)
            row.addLayout(box)
            self.columns[key] = column
            self.headers[key] = title
            # Right-click a column (its menu's point is in the cards' area) or its title.
            for widget, area in ((column, column.viewport()), (title, title)):
                widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                widget.customContextMenuRequested.connect(
                    lambda at, k=key, n=name, a=area: self._column_menu(k, n, a.mapToGlobal(at))
                )
        old = self.scroller.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroller.setWidget(strip)

    def shown_version(self, application_id: int) -> int | None:
        """The version of the application as its card shows it (None: no such card)."""
        for column in self.columns.values():
            for row in range(column.count()):
                card = column.item(row).data(CARD_ROLE)
                if card.application_id == application_id:
                    return int(card.version)
        return None

    def candidates_in(self, key: str) -> list[int]:
        column = self.columns[key]
        return [int(column.item(row).data(CANDIDATE_ROLE)) for row in range(column.count())]

    def _column_menu(self, key: str, name: str, at: QPoint) -> None:
        ids = self.candidates_in(key)
        menu = QMenu(self)
        menu.setObjectName(f"board_menu_{key.replace('#', '_')}")
        write = menu.addAction(
            f"&Write to Everyone in {name.replace('&', '&&')}…",
            lambda: self.write_requested.emit(key, ids),
        )
        write.setEnabled(bool(ids))
        self.column_menu = menu
        menu.popup(at)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.candidate_chosen.emit(int(item.data(CANDIDATE_ROLE)))


def _own(column: board.Column) -> bool:
    """True for a stage named otherwise than its phase (a role's own)."""
    return column.name.casefold() != column.phase.label.casefold()
