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

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.candidates.csv_import import (
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
from hiring_desk.services.roles import role_records
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.candidates.import_report_dialog import PossibleDuplicatesDialog
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import describe_errors, show_errors_in
from hiring_desk.ui.help_topics import add_help_key
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import BackgroundOperation, Progress, run_in_background
from hiring_desk.ui.widgets import combo_code, searchable_combo, select_code

PREVIEW_ROWS = 5
IGNORE = ""

#: One step of the import, given the service's progress callback
#: ((done, total) -> keep going?).
Job = Callable[[Callable[[int, int], bool]], object]


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, workbook: Workbook, table: DelimitedText) -> None:
        super().__init__(parent)
        add_help_key(self)  # F1: this dialog's section of the user guide
        self.setObjectName("import_dialog")
        self.setWindowTitle(f"Import Candidates — {table.filename}")
        self._workbook = workbook
        self._table = table
        self._defaults = default_options(workbook, table)
        self.outcome: ImportReport | None = None
        self.operation: BackgroundOperation[object] | None = None

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
        for role in role_records.list_roles(workbook):
            self.role.addItem(role.title, role.id)
        self.error = QLabel()
        self.error.setObjectName("import_error")
        show_errors_in(self.error)
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
            if not run_modal(question):
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
        """Run one step through the window's operation runner (progress and Cancel)."""

        def work(progress: Progress) -> object:
            def step(done: int, total: int) -> bool:
                progress.report(done, total)
                return not progress.cancelled

            return job(step)

        self.buttons.setEnabled(False)
        operation = self.operation = run_in_background(
            self,
            work,
            title="Importing",
            label=label,
            changes=Change.CANDIDATES | Change.APPLICATIONS,
            failure_title="Nothing Imported",
            on_success=then,
            on_cancelled=lambda: self._show_error(str(ImportCancelledError())),
            on_invalid=lambda exc: self._show_error(describe_errors(exc.errors)),
            on_refused=lambda exc: self._show_error(str(exc)),
        )
        operation.dialog.setObjectName("import_progress")
        operation.finished.connect(lambda: self._finished(operation))

    def _finished(self, operation: BackgroundOperation[object]) -> None:
        if self.operation is operation:  # (checking's success has started the writing)
            self.operation = None
            self.buttons.setEnabled(True)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def reject(self) -> None:
        if self.operation is None:  # a running step is stopped by its own Cancel
            super().reject()
