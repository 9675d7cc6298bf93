"""Comparing two to five candidates of one role side by side, and printing it to PDF.

The grid shows what ``services.comparison`` returns: a column per candidate, rows
grouped under headings, the best value of a row in bold (with a tooltip saying
so, never colour alone). Every cell is a plain-text table item.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.file_names import safe_file_name
from hiring_desk.services.offers import comparison
from hiring_desk.services.offers.comparison import Comparison
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.printed import offer_to_open
from hiring_desk.ui.theme import TextRole, scaled_font, styled
from hiring_desk.ui.widgets import plain_label

LEGEND = "Bold marks the best value in a row, where one stands out."
BEST_TIP = "Best in this row"
LABEL_COLUMN_WIDTH = 220
CANDIDATE_COLUMN_WIDTH = 180


def can_compare(count: int) -> str | None:
    """None when ``count`` selected candidates can be compared, else why not."""
    return comparison.count_problem(count)


class CompareDialog(QDialog):
    """A read-only grid comparing candidates of one role, with "Export PDF...".

    Raises ServiceError (ValidationError for a wrong selection) when the comparison
    cannot be made; :func:`open_comparison` shows that as a message instead.
    """

    def __init__(
        self,
        workbook: Workbook,
        role_id: int,
        candidate_ids: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self._workbook = workbook
        self._role_id = role_id
        self._candidate_ids = list(candidate_ids)
        self.comparison = comparison.compare(workbook, role_id, self._candidate_ids)
        shown = self.comparison
        self.setWindowTitle(f"Compare Candidates: {shown.role_title}")

        title = styled(plain_label(shown.title, "compare_title"), TextRole.SECTION)
        meta = plain_label(
            name="compare_meta",
            text=f"Budget: {shown.budget_shown} · Work mode: {shown.work_mode_label}",
        )
        legend = plain_label(LEGEND, "compare_legend")
        self.table = self._make_table(shown)
        self.status = plain_label(name="compare_status")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(
            "Export PDF…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("compare_export")
        self.export_button.clicked.connect(self.export_pdf)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(meta)
        layout.addWidget(legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        width = LABEL_COLUMN_WIDTH + CANDIDATE_COLUMN_WIDTH * len(shown.candidates) + 60
        self.resize(min(width, 1200), 720)

    # -- the grid ------------------------------------------------------------------------------

    def _make_table(self, shown: Comparison) -> QTableWidget:
        columns = len(shown.candidates) + 1
        table = QTableWidget(0, columns)
        table.setObjectName("compare_table")
        table.setAccessibleName("Candidates side by side")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.setHorizontalHeaderLabels(["", *shown.names])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.setColumnWidth(0, LABEL_COLUMN_WIDTH)
        for column in range(1, columns):
            table.setColumnWidth(column, CANDIDATE_COLUMN_WIDTH)

        bold = scaled_font(TextRole.STRONG, table.font())
        for group in shown.groups:
            row = table.rowCount()
            table.insertRow(row)
            heading = QTableWidgetItem(group.heading)
            heading.setFont(bold)
            heading.setBackground(table.palette().alternateBase())
            table.setItem(row, 0, heading)
            table.setSpan(row, 0, 1, columns)
            for line in group.rows:
                row = table.rowCount()
                table.insertRow(row)
                label = QTableWidgetItem(line.label)
                label.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                table.setItem(row, 0, label)
                for index, text in enumerate(line.cells):
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                    if line.is_best(index):
                        item.setFont(bold)
                        item.setToolTip(BEST_TIP)
                    table.setItem(row, index + 1, item)
        header.setFont(bold)
        table.resizeRowsToContents()
        table.setCurrentCell(-1, -1)  # no focus frame on the first heading
        return table

    def cell_text(self, row_label: str, candidate_index: int) -> str:
        """The text shown for a row and candidate (for tests and accessibility checks)."""
        item = self.table.item(self._row_of(row_label), candidate_index + 1)
        return item.text() if item else ""

    def is_bold(self, row_label: str, candidate_index: int) -> bool:
        item = self.table.item(self._row_of(row_label), candidate_index + 1)
        return bool(item and item.font().bold())

    def _row_of(self, label: str) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == label and self.table.columnSpan(row, 0) == 1:
                return row
        raise KeyError(label)

    # -- printing ------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        start = Path.home() / safe_file_name(
            f"Shortlist comparison - {self.comparison.role_title}",
            "Shortlist comparison",
            extension=".pdf",
        )
        path = file_dialogs.ask_export_path(self, start, "PDF", ".pdf")
        if path is None:
            return
        written = run_operation(
            self,
            lambda: comparison.export_pdf(self._workbook, self._role_id, self._candidate_ids, path),
            failure_title="Export Failed",
        )
        if written is None:
            return
        self.status.setText(f"Saved the comparison to {written}.")
        offer_to_open(self, written, "Comparison")


def open_comparison(
    parent: QWidget | None, workbook: Workbook, role_id: int, candidate_ids: Sequence[int]
) -> CompareDialog | None:
    """Show the comparison (not modal); a selection that cannot be compared is explained."""
    problem = can_compare(len(set(candidate_ids)))
    if problem:
        messages.show_info(parent, "Compare Candidates", f"{problem} to compare.")
        return None
    dialog = run_operation(
        parent,
        lambda: CompareDialog(workbook, role_id, candidate_ids, parent),
        failure_title="Cannot Compare",
    )
    if dialog is None:
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
