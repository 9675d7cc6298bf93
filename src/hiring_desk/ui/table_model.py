"""A read-only table model over a short list of rows (dataclasses).

For lists of a few hundred rows at most (roles, team, offers). Large lists
(candidates) get a model that sorts and fetches in SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Row = TypeVar("Row")
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    align_right: bool = False


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of one dataclass type, shown through named ``Column`` definitions."""

    def __init__(self, columns: Sequence[Column[Row]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_columns(self, columns: Sequence[Column[Row]]) -> None:
        """Swap the column definitions (e.g. for another locale), keeping the rows."""
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        spec = self._columns[column]
        key = spec.sort_key or (lambda r: spec.text(r).casefold())
        # Empty values last whichever way the column is sorted.
        present = [r for r in self._rows if key(r) not in (None, "")]
        missing = [r for r in self._rows if key(r) in (None, "")]
        present.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = present + missing


def make_table_view(name: str) -> QTableView:
    """A read-only, row-selecting, sortable table view with the app's look."""
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return view


#: Columns start no wider than this; the person can widen them.
MAX_COLUMN_WIDTH = 260
#: How many rows ``fit_columns`` measures (Qt's default is 1,000: on a long table
#: that formatting every cell of them was a third of a second at start-up).
FIT_ROWS = 100


def fit_columns(view: QTableView, max_width: int = MAX_COLUMN_WIDTH) -> None:
    """Size columns to their contents (the first ``FIT_ROWS`` rows), none wider than
    ``max_width``; the last stretches."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(FIT_ROWS)
    view.resizeColumnsToContents()
    model = view.model()
    for column in range(model.columnCount() if model else 0):
        if view.columnWidth(column) > max_width:
            view.setColumnWidth(column, max_width)


def selected_row(view: QTableView, model: RowsTableModel[Row]) -> Row | None:
    """The row selected in ``view`` (the first, when several are); None when none is."""
    chosen = view.selectionModel().selectedRows()
    return model.row(chosen[0].row()) if chosen else None


def show_rows(
    view: QTableView,
    model: RowsTableModel[Row],
    rows: Sequence[Row],
    empty: QWidget,
    select: Callable[[Row], bool],
) -> None:
    """``rows`` in ``view``, its columns fitted, with ``empty`` shown in its place when
    there are none; the rows ``select`` picks are selected."""
    model.set_rows(rows)
    fit_columns(view)
    view.setVisible(bool(rows))
    empty.setVisible(not rows)
    view.clearSelection()
    for index, row in enumerate(model.rows()):
        if select(row):
            view.selectRow(index)
