"""A read-only list of one area's records, for areas whose editors are not built yet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services import company
from hiring_desk.services.workbooks import Workbook
from hiring_desk.ui.table_model import Column, RowsTableModel, fit_columns, make_table_view

Row = TypeVar("Row")


NOTE_STYLE = (
    "QLabel { background: palette(alternate-base); border: 1px solid palette(mid);"
    " border-radius: 4px; padding: 8px; }"
)


class OverviewPage(QWidget, Generic[Row]):
    """A sortable table of rows loaded by ``load``, under a plain note of what works."""

    def __init__(
        self,
        name: str,
        note: str,
        empty_text: str,
        columns: Callable[[str], Sequence[Column[Row]]],
        load: Callable[[Workbook], Sequence[Row]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_page")
        self._columns = columns
        self._load = load
        self._workbook: Workbook | None = None
        self._locale = ""
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setObjectName(f"{name}_note")
        self.empty = QLabel(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName(f"{name}_empty")
        self.table = make_table_view(f"{name}_table")
        self.table.setFrameShape(QFrame.Shape.StyledPanel)
        self.model: RowsTableModel[Any] = RowsTableModel(columns("en_GB"))
        self.table.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self) -> None:
        rows: Sequence[Row] = []
        if self._workbook is not None:
            locale = company.get_company(self._workbook).locale
            if locale != self._locale:
                self._locale = locale
                self.model = RowsTableModel(self._columns(locale))
                self.table.setModel(self.model)
                self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            rows = self._load(self._workbook)
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
