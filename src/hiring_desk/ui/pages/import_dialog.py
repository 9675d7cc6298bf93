"""Importing candidates: map the columns, choose the defaults, import with progress.

The preview names how the file was read (encoding, separator), what each column
holds, and the currency taken for amounts that name none. Checking the rows and
writing them both run on a worker thread behind a progress dialog with Cancel;
cancelling the writing rolls its one transaction back, so nothing is half-imported.
Rows that may be people already in the workbook are listed before anything is
written, and can be left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services import company, roles
from hiring_desk.services.candidate_import import (
    FIELD_LABELS,
    DelimitedText,
    ImportCancelledError,
    ImportOptions,
    ImportPlan,
    ImportReport,
    default_options,
    plan_import,
    run_import,
)
from hiring_desk.services.errors import ValidationError
from hiring_desk.services.workbooks import Workbook
from hiring_desk.ui.forms import ERROR_STYLE, describe_errors
from hiring_desk.ui.pages.import_report_dialog import PossibleDuplicatesDialog
from hiring_desk.ui.widgets import combo_code, searchable_combo, select_code

PREVIEW_ROWS = 5
IGNORE = ""

#: A job the worker runs: given a progress callback ((done, total) -> keep going?).
Job = Callable[[Callable[[int, int], bool]], object]


class ImportWorker(QThread):
    """Runs one step of the import off the GUI thread; Cancel asks it to stop."""

    progressed = Signal(int, int)

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.result: object = None
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.result = self._job(self._step)
        except Exception as exc:  # handed to the GUI thread when finished
            self.error = exc

    def _step(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.isInterruptionRequested()


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, workbook: Workbook, table: DelimitedText) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(f"Import Candidates — {table.filename}")
        self._workbook = workbook
        self._table = table
        self._defaults = default_options(workbook, table)
        self.outcome: ImportReport | None = None
        self.worker: ImportWorker | None = None
        self.progress: QProgressDialog | None = None

        self.intro = QLabel(
            f"{table.row_count:,} rows found. Read as {table.encoding}, separated by "
            f"{table.delimiter_name}. Choose what each column holds; columns left on "
            "'Keep in notes' are kept in each candidate's notes."
        )
        self.intro.setObjectName("import_intro")
        self.intro.setWordWrap(True)
        self.mapping = QTableWidget(len(table.header), 3)
        self.mapping.setObjectName("import_mapping")
        self.mapping.setHorizontalHeaderLabels(["Column", "Example", "Holds"])
        self.mapping.verticalHeader().hide()
        self.combos: list[QComboBox] = []
        example = table.rows[0][1] if table.rows else ()
        for index, name in enumerate(table.header):
            self.mapping.setItem(index, 0, QTableWidgetItem(name))
            sample = example[index] if index < len(example) else ""
            self.mapping.setItem(index, 1, QTableWidgetItem(sample[:60]))
            combo = QComboBox()
            combo.setAccessibleName(f"What the column {name} holds")
            combo.addItem("Keep in notes", IGNORE)
            for key, label in FIELD_LABELS.items():
                combo.addItem(label, key)
            guessed = self._defaults.mapping.get(index, IGNORE)
            combo.setCurrentIndex(max(combo.findData(guessed), 0))
            self.mapping.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.mapping.resizeColumnsToContents()
        self.mapping.horizontalHeader().setStretchLastSection(True)

        self.preview = QTableWidget(min(PREVIEW_ROWS, len(table.rows)), len(table.header))
        self.preview.setObjectName("import_preview")
        self.preview.setHorizontalHeaderLabels(list(table.header))
        for r, (_line, cells) in enumerate(table.rows[:PREVIEW_ROWS]):
            for c, cell in enumerate(cells[: len(table.header)]):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.currency = searchable_combo(company.currency_choices(), "import_currency")
        select_code(self.currency, self._defaults.default_currency)
        self.role = QComboBox()
        self.role.setObjectName("import_role")
        self.role.addItem("No role (just add the candidates)", None)
        for role in roles.list_roles(workbook):
            self.role.addItem(role.title, role.id)
        self.error = QLabel()
        self.error.setObjectName("import_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("Amounts without a &currency are in:", self.currency)
        form.addRow("&Apply them to:", self.role)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.mapping, 2)
        layout.addWidget(QLabel("First rows:"))
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(760, 620)

    def chosen_mapping(self) -> dict[int, str]:
        return {
            index: str(combo.currentData())
            for index, combo in enumerate(self.combos)
            if combo.currentData()
        }

    def chosen_options(self) -> ImportOptions:
        return replace(
            self._defaults,
            mapping=self.chosen_mapping(),
            default_currency=combo_code(self.currency).upper(),
            role_id=self.role.currentData(),
        )

    # -- the steps: check the rows, let possible duplicates be left out, write -----------

    def accept(self) -> None:
        """Check every row on the worker thread; then offer the possible duplicates."""
        self.error.hide()
        workbook, table, options = self._workbook, self._table, self.chosen_options()
        self._start(
            "Checking the rows…",
            lambda step: plan_import(workbook, table, options, progress=step),
            self._planned,
        )

    def _planned(self, plan: object) -> None:
        assert isinstance(plan, ImportPlan)
        skip: list[int] = []
        if plan.possible_duplicates:
            question = PossibleDuplicatesDialog(self, plan.possible_duplicates)
            if not question.exec():
                return
            skip = question.skipped_lines()
        workbook = self._workbook
        self._start(
            "Importing candidates…",
            lambda step: run_import(workbook, plan, skip_lines=skip, progress=step),
            self._imported,
        )

    def _imported(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self.outcome = report
        super().accept()

    def _start(self, label: str, job: Job, then: Callable[[object], None]) -> None:
        total = max(self._table.row_count, 1)
        self.progress = QProgressDialog(label, "Cancel", 0, total, self)
        self.progress.setObjectName("import_progress")
        self.progress.setWindowTitle("Importing")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        self.worker = ImportWorker(job, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(lambda: self._finished(then))
        self.progress.canceled.connect(self.worker.requestInterruption)
        self.buttons.setEnabled(False)
        self.worker.start()

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _finished(self, then: Callable[[object], None]) -> None:
        worker, self.worker = self.worker, None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.buttons.setEnabled(True)
        if worker is None:
            return
        worker.deleteLater()
        if isinstance(worker.error, ValidationError):
            self._show_error(describe_errors(worker.error.errors))
        elif isinstance(worker.error, ImportCancelledError):
            self._show_error(str(worker.error))
        elif worker.error is not None:
            raise worker.error
        else:
            then(worker.result)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def reject(self) -> None:
        if self.worker is None:  # a running step is stopped by its own Cancel
            super().reject()
