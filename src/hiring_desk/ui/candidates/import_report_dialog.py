"""The import's questions and answers: possible duplicates before, the report after."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.candidates.import_report import ImportReport, PossibleDuplicate


class PossibleDuplicatesDialog(QDialog):
    """Rows whose person may already be a candidate: untick those not to import."""

    def __init__(self, parent: QWidget | None, found: Sequence[PossibleDuplicate]) -> None:
        super().__init__(parent)
        self.setObjectName("import_possible_duplicates")
        self.setWindowTitle("Possible Duplicates")
        self._found = list(found)
        who = "1 row may be someone" if len(found) == 1 else f"{len(found):,} rows may be people"
        intro = QLabel(
            f"{who} already in the workbook: the same name, with another email address or "
            "phone number. "
            "Ticked rows are imported (you can merge them afterwards); untick those to "
            "leave out."
        )
        intro.setWordWrap(True)
        self.rows = QListWidget()
        self.rows.setObjectName("import_duplicate_rows")
        self.rows.setAccessibleName("Possible duplicates to import")
        for entry in found:
            item = QListWidgetItem(f"Line {entry.line}: {entry.description}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, entry.line)
            self.rows.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.continue_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.continue_button.setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rows, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def skipped_lines(self) -> list[int]:
        """The lines unticked: not to import."""
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.rows.item(i) for i in range(self.rows.count()))
            if item.checkState() != Qt.CheckState.Checked
        ]


class ImportReportDialog(QDialog):
    """What an import did: the same summary and lines the command line prints."""

    def __init__(
        self,
        parent: QWidget | None,
        report: ImportReport,
        review_duplicates: Callable[[Sequence[int]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle("Import Finished")
        self.summary = QLabel(report.summary)
        self.summary.setObjectName("import_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("import_details")
        self.details.setAccessibleName("What happened to each line")
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join(report.lines()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.review_button: QPushButton | None = None
        new_ids = [d.new_id for d in report.possible_duplicates if d.new_id is not None]
        if new_ids and review_duplicates is not None:
            self.review_button = buttons.addButton(
                "&Review Possible Duplicates…", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.review_button.setObjectName("import_review_duplicates")

            def review() -> None:
                self.accept()
                review_duplicates(new_ids)

            self.review_button.clicked.connect(review)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def text(self) -> str:
        """The summary and the details as shown (what ``ImportReport.text`` gives)."""
        return "\n".join([self.summary.text(), self.details.toPlainText()])
