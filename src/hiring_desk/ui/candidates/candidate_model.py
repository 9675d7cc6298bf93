"""The candidate table model: holds one page at a time and asks SQL for more.

Sorting and filtering happen in the database (``services.candidate_table``); the
model only keeps the rows fetched so far and fetches the next page when the view
scrolls near the end (``canFetchMore`` / ``fetchMore``). While the person types a
search, the first page is queried on a worker thread (``request_filter``) so the
window never waits on SQLite between keystrokes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from hiring_desk.domain.formatting import format_day
from hiring_desk.domain.scoring import Aggregate
from hiring_desk.services.candidates import candidate_table
from hiring_desk.services.candidates.candidate_table import CandidateFilter, CandidateRow, SortKey
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.operations import LatestQuery
from hiring_desk.ui.stage_colours import CHIPS_ROLE

PAGE_SIZE = 200
_Index = QModelIndex | QPersistentModelIndex

#: (header, sort key, text of a row)
COLUMNS: list[tuple[str, SortKey]] = [
    ("Name", SortKey.NAME),
    ("Email", SortKey.EMAIL),
    ("Stage", SortKey.STAGE),
    ("Role", SortKey.ROLE),
    ("Match", SortKey.MATCH),
    ("Interviews", SortKey.SCORE),
    ("Applied", SortKey.APPLIED),
    ("Source", SortKey.SOURCE),
    ("Location", SortKey.LOCATION),
]
#: The column that shows the stage (drawn as a chip: ``CHIPS_ROLE``).
STAGE_COLUMN = next(n for n, (_title, key) in enumerate(COLUMNS) if key is SortKey.STAGE)


@dataclass(frozen=True)
class FirstPage:
    """What the table shows after a new filter or sort: the count and the first rows."""

    total: int
    rows: list[CandidateRow]
    scores: dict[int, Aggregate]  # application id -> its scorecards


def query_first_page(
    workbook: Workbook, flt: CandidateFilter, sort: SortKey, descending: bool
) -> FirstPage:
    """The count and the first page (no Qt: this may run on a worker thread)."""
    total = candidate_table.count_rows(workbook, flt)
    rows = candidate_table.fetch_rows(workbook, flt, sort, descending, 0, PAGE_SIZE)
    return FirstPage(total, rows, _aggregates(workbook, rows))


def _aggregates(workbook: Workbook, rows: list[CandidateRow]) -> dict[int, Aggregate]:
    ids = [r.application_id for r in rows if r.application_id is not None]
    return scorecards.aggregates_for_applications(workbook, ids)


class CandidateTableModel(QAbstractTableModel):
    #: A page asked for with ``request_filter`` is shown.
    page_shown = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = LatestQuery(self._background_page, self)
        self._workbook: Workbook | None = None
        self._filter = CandidateFilter()
        self._sort = SortKey.NAME
        self._descending = False
        self._rows: list[CandidateRow] = []
        self._scores: dict[int, Aggregate] = {}  # application id -> its scorecards
        self._total = 0
        self.locale = "en_GB"

    # -- what to show --------------------------------------------------------------

    def set_workbook(self, workbook: Workbook | None, locale: str = "en_GB") -> None:
        self._workbook = workbook
        self.locale = locale
        self.reload()

    def set_filter(self, flt: CandidateFilter) -> None:
        self._filter = flt
        self.reload()

    @property
    def filter(self) -> CandidateFilter:
        return self._filter

    @property
    def sort_key(self) -> SortKey:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def total(self) -> int:
        """How many candidates match the filter (not just the rows fetched)."""
        return self._total

    def request_filter(self, flt: CandidateFilter) -> None:
        """Like ``set_filter``, with the query on a worker thread (for typing):
        ``page_shown`` is emitted once the rows are shown."""
        self._filter = flt
        workbook = self._workbook
        if workbook is None:
            self.reload()
            self.page_shown.emit()
            return
        sort, descending = self._sort, self._descending
        self._query.start(lambda: query_first_page(workbook, flt, sort, descending))

    @property
    def pending(self) -> bool:
        """True while a requested page is still being queried."""
        return self._query.pending

    def reload(self) -> None:
        self._query.cancel()  # a page still being queried would be out of date
        self.show_page(self.first_page())

    def first_page(self) -> FirstPage:
        """Query the count and the first page for the current filter and sort."""
        if self._workbook is None:
            return FirstPage(0, [], {})
        return query_first_page(self._workbook, self._filter, self._sort, self._descending)

    def _background_page(self, page: object) -> None:
        assert isinstance(page, FirstPage)
        self.show_page(page)
        self.page_shown.emit()

    def show_page(self, page: FirstPage) -> None:
        """Show ``page`` in place of every row held so far."""
        self.beginResetModel()
        self._total = page.total
        self._rows = list(page.rows)
        self._scores = dict(page.scores)
        self.endResetModel()

    def row(self, index: int) -> CandidateRow:
        return self._rows[index]

    def row_of(self, candidate_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == candidate_id:
                return number
        return None

    def _page(self, offset: int) -> list[CandidateRow]:
        assert self._workbook is not None
        rows = candidate_table.fetch_rows(
            self._workbook, self._filter, self._sort, self._descending, offset, PAGE_SIZE
        )
        self._scores.update(_aggregates(self._workbook, rows))
        return rows

    # -- lazy fetching -------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        # Not while a new first page is on its way: these rows are about to go.
        return not parent.isValid() and len(self._rows) < self._total and not self.pending

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._workbook is None:
            return
        more = self._page(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- Qt model ------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.ToolTipRole and key is SortKey.SCORE:
            return "Mean scorecard rating (1-4) and the interviewers' recommendations"
        if role == Qt.ItemDataRole.TextAlignmentRole and key is SortKey.MATCH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CHIPS_ROLE and key is SortKey.STAGE:
            row = self._rows[index.row()]
            return [(row.stage, row.stage_label)] if row.stage else []
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        if key is SortKey.NAME:
            return row.name
        if key is SortKey.EMAIL:
            return row.email
        if key is SortKey.STAGE:
            return row.stage_label
        if key is SortKey.ROLE:
            return row.role_title or ""
        if key is SortKey.APPLIED:
            return format_day(row.applied_at.date() if row.applied_at else None, self.locale)
        if key is SortKey.SOURCE:
            return row.source_label
        if key is SortKey.MATCH:
            return "" if row.match_score is None else f"{row.match_score}%"
        if key is SortKey.SCORE:
            found = self._scores.get(row.application_id or 0)
            return found.verdict if found else ""
        return row.location

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
