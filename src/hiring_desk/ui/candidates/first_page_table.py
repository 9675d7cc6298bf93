"""The Candidates area at start-up, before its page is built: the first page, shown.

A person who goes to Candidates while the window is still loading (the services,
SQLAlchemy, the Candidates page and the workbook's opening take about a second on a
50,000-candidate workbook) sees the first 200 candidates at once: the rows
``services.candidates.first_page`` reads with the standard library, in the same
columns with the same text as ``CandidateTableModel`` shows them. The real page
replaces this table when the workbook is open (``MainWindow``); until then there is
nothing to click through, so the table is read-only and not sortable.
This module imports neither SQLAlchemy nor the Candidates page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from hiring_desk.domain.formatting import format_day
from hiring_desk.services.candidates.first_page import FirstPage, first_page
from hiring_desk.ui.table_model import fit_columns, make_table_view

_Index = QModelIndex | QPersistentModelIndex
#: The headers of ``candidate_model.COLUMNS``, in order (a test compares them).
HEADERS = ("Name", "Email", "Stage", "Role", "Match", "Interviews", "Applied", "Source", "Location")
_MATCH = HEADERS.index("Match")


class FirstPageModel(QAbstractTableModel):
    """The rows of one ``FirstPage``, each cell as ``CandidateTableModel.data`` shows it."""

    def __init__(self, page: FirstPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page = page

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._page.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == _MATCH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.text(index.row(), column)

    def text(self, row_number: int, column: int) -> str:
        row = self._page.rows[row_number]
        header = HEADERS[column]
        if header == "Name":
            return row.name
        if header == "Email":
            return row.email
        if header == "Stage":
            return row.stage_label
        if header == "Role":
            return row.role_title or ""
        if header == "Match":
            return "" if row.match_score is None else f"{row.match_score}%"
        if header == "Interviews":
            found = self._page.scores.get(row.application_id or 0)
            return found.verdict if found else ""
        if header == "Applied":
            applied = row.applied_at.date() if row.applied_at else None
            return format_day(applied, self._page.locale)
        if header == "Source":
            return row.source_label
        return row.location

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


class FirstPageTable(QWidget):
    """The first page in a table like the Candidates page's, with a line saying the
    rest is on its way."""

    def __init__(self, page: FirstPage) -> None:
        super().__init__()
        self.model = FirstPageModel(page, self)
        self.table: QTableView = make_table_view("candidates_first_page")
        self.table.setAccessibleName("Candidates")
        self.table.setSortingEnabled(False)  # sorting is the real page's, in SQL
        self.table.setModel(self.model)
        fit_columns(self.table)
        column = QVBoxLayout(self)
        column.addWidget(QLabel("<h2>Candidates</h2>"))
        note = QLabel("Loading the rest of the workbook…")
        note.setEnabled(False)
        column.addWidget(note)
        column.addWidget(self.table, 1)


def first_page_table(path: Path) -> FirstPageTable | None:
    """The table of ``path``'s first page, or None when it cannot be read that way."""
    page = first_page(path)
    return None if page is None else FirstPageTable(page)
