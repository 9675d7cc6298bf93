"""Importing candidates from CSV: map the columns, preview, import with progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services import roles
from hiring_desk.services.candidate_import import (
    FIELD_LABELS,
    ImportCancelledError,
    ImportResult,
    ParsedCsv,
    auto_map,
    import_candidates,
)
from hiring_desk.services.errors import ValidationError
from hiring_desk.services.workbooks import Workbook
from hiring_desk.ui.forms import ERROR_STYLE, describe_errors

PREVIEW_ROWS = 5
IGNORE = ""


class ImportDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, workbook: Workbook, parsed: ParsedCsv, filename: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(f"Import Candidates — {filename}")
        self._workbook = workbook
        self._parsed = parsed
        self.outcome: ImportResult | None = None
        intro = QLabel(
            f"{len(parsed.rows):,} rows found ({parsed.encoding}, separated by "
            f"'{parsed.delimiter}'). Choose what each column holds; columns left on "
            "'Ignore' are not imported."
        )
        intro.setWordWrap(True)
        guessed = auto_map(parsed.header)
        self.mapping = QTableWidget(len(parsed.header), 3)
        self.mapping.setObjectName("import_mapping")
        self.mapping.setHorizontalHeaderLabels(["Column", "Example", "Holds"])
        self.mapping.verticalHeader().hide()
        self.combos: list[QComboBox] = []
        example = parsed.rows[0][1] if parsed.rows else ()
        for index, name in enumerate(parsed.header):
            self.mapping.setItem(index, 0, QTableWidgetItem(name))
            sample = example[index] if index < len(example) else ""
            self.mapping.setItem(index, 1, QTableWidgetItem(sample[:60]))
            combo = QComboBox()
            combo.addItem("Ignore", IGNORE)
            for key, label in FIELD_LABELS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(guessed.get(index, IGNORE)), 0))
            self.mapping.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.mapping.resizeColumnsToContents()
        self.mapping.horizontalHeader().setStretchLastSection(True)

        self.preview = QTableWidget(min(PREVIEW_ROWS, len(parsed.rows)), len(parsed.header))
        self.preview.setObjectName("import_preview")
        self.preview.setHorizontalHeaderLabels(list(parsed.header))
        for r, (_line, cells) in enumerate(parsed.rows[:PREVIEW_ROWS]):
            for c, cell in enumerate(cells[: len(parsed.header)]):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.role = QComboBox()
        self.role.setObjectName("import_role")
        self.role.addItem("No role (just add the candidates)", None)
        for role in roles.list_roles(workbook):
            self.role.addItem(role.title, role.id)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("Apply them to:", self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.mapping, 2)
        layout.addWidget(QLabel("First rows:"))
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 600)

    def chosen_mapping(self) -> dict[int, str]:
        return {
            index: str(combo.currentData())
            for index, combo in enumerate(self.combos)
            if combo.currentData()
        }

    def accept(self) -> None:
        total = len(self._parsed.rows)
        progress = QProgressDialog("Importing candidates…", "Cancel", 0, max(total, 1), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, _total: int) -> bool:
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            self.outcome = import_candidates(
                self._workbook,
                self._parsed,
                self.chosen_mapping(),
                role_id=self.role.currentData(),
                progress=step,
            )
        except ValidationError as exc:
            self.error.setText(describe_errors(exc.errors))
            self.error.show()
            return
        except ImportCancelledError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        finally:
            progress.close()
        super().accept()


class ImportReport(QDialog):
    """What an import did: how many were added, which rows were skipped and why."""

    def __init__(self, parent: QWidget | None, result: ImportResult) -> None:
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle("Import Finished")
        summary = QLabel(
            f"Imported {result.imported:,} candidate{'s' if result.imported != 1 else ''}; "
            f"skipped {len(result.skipped):,} row{'s' if len(result.skipped) != 1 else ''}."
        )
        self.details = QPlainTextEdit()
        self.details.setObjectName("import_skipped")
        self.details.setReadOnly(True)
        self.details.setPlainText(
            "\n".join(f"Line {line}: {reason}" for line, reason in result.skipped)
        )
        self.details.setVisible(bool(result.skipped))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(520, 360 if result.skipped else 120)
