"""Printing an interview pack: choose the role, tick the candidates, pick the file.

The pack's data is read here (quick, on the GUI thread, where the workbook's
connection lives); laying out the PDF runs on a worker thread that steps through
``interview_packs.write_pack`` with a progress dialog in front. Cancelling stops
the steps, and then no file is written. When the pack is done the dialog offers
to open it in the system's PDF viewer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import format_moment
from hiring_desk.file_names import safe_file_name
from hiring_desk.services import company, interview_packs, interviews, roles
from hiring_desk.services.errors import ServiceError, ValidationError
from hiring_desk.services.interview_packs import PackChoice, PackData
from hiring_desk.services.workbooks import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.forms import ERROR_STYLE, describe_errors
from hiring_desk.ui.pages.attachments_panel import open_with_system_viewer
from hiring_desk.ui.widgets import button_row, line_edit, plain_label


class PackWorker(QThread):
    """Steps through the PDF builder off the GUI thread; stops when interrupted."""

    progressed = Signal(int, int, str)  # done, total, the candidate just laid out
    failed = Signal(str)

    def __init__(self, data: PackData, out: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.out = out
        self.cancelled = False
        self.written = False

    def run(self) -> None:
        steps = interview_packs.write_pack(self.data, self.out)
        try:
            for step in steps:
                self.progressed.emit(step.done, step.total, step.candidate)
                if step.done == step.total:
                    self.written = True
                elif self.isInterruptionRequested():
                    self.cancelled = True
                    return
            self.written = True  # a pack with no candidates has no steps
        except ServiceError as exc:
            self.failed.emit(str(exc))
        finally:
            steps.close()


class PrintPackDialog(QDialog):
    """Print the interview pack for a role's candidates, or for one interview."""

    def __init__(
        self,
        workbook: Workbook,
        parent: QWidget | None = None,
        role_id: int | None = None,
        interview_id: int | None = None,
        candidate_ids: Sequence[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pack_dialog")
        self.setWindowTitle("Print Interview Pack")
        self._workbook = workbook
        self._interview_id = interview_id
        self._wanted = set(candidate_ids) if candidate_ids is not None else None
        self._locale = company.get_company(workbook).locale
        self.out_path: Path | None = None
        self.worker: PackWorker | None = None
        self.progress: QProgressDialog | None = None

        self.role = QComboBox()
        self.role.setObjectName("pack_role")
        for role in roles.list_roles(workbook):
            self.role.addItem(role.title, role.id)
        self.scope = plain_label(name="pack_scope")
        self.candidates = QListWidget()
        self.candidates.setObjectName("pack_candidates")
        self.candidates.setAccessibleName("Candidates in the pack")
        self.candidates.itemChanged.connect(lambda _item: self._update_buttons())
        self.tick_all = QPushButton("Tick &All")
        self.tick_none = QPushButton("Tick &None")
        self.tick_all.clicked.connect(lambda: self._tick_every(Qt.CheckState.Checked))
        self.tick_none.clicked.connect(lambda: self._tick_every(Qt.CheckState.Unchecked))
        self.file = line_edit("pack_file", "Chosen when you print")
        self.file.setAccessibleName("Save to")
        self.file.setReadOnly(True)
        self.choose_button = QPushButton("&Choose…")
        self.choose_button.setObjectName("pack_choose_file")
        self.choose_button.clicked.connect(self.choose_file)
        self.error = plain_label(name="pack_error", style=ERROR_STYLE)
        self.error.hide()
        self.status = plain_label(name="pack_status")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setObjectName("pack_print")
        self.print_button.setDefault(True)
        buttons.accepted.connect(self.print_pack)
        buttons.rejected.connect(self.reject)

        ticks = button_row(self.tick_all, self.tick_none)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow("&Role:", self.role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.scope)
        layout.addWidget(QLabel("Candidates in the pack:"))
        layout.addWidget(self.candidates, 1)
        layout.addLayout(ticks)
        save_row = QFormLayout()
        save_row.addRow("Save &to:", file_row)
        layout.addLayout(save_row)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 520)

        if interview_id is not None:
            self._show_interview(interview_id)
        else:
            if role_id is not None:
                self.role.setCurrentIndex(max(self.role.findData(role_id), 0))
            self.role.currentIndexChanged.connect(lambda _index: self._load_choices())
            self._load_choices()

    # -- what goes in the pack ---------------------------------------------------------------

    def _show_interview(self, interview_id: int) -> None:
        """A pack for one interview: its candidate and round, nothing to choose."""
        try:
            detail = interviews.get_interview(self._workbook, interview_id)
        except ServiceError as exc:
            self._show_error(str(exc))
            self.print_button.setEnabled(False)
            return
        self.role.setCurrentIndex(max(self.role.findData(detail.role_id), 0))
        self.role.setEnabled(False)
        when = format_moment(detail.local_start, self._locale, detail.local_start.tzinfo)
        self.scope.setText(
            f"For one interview: {detail.round_name} with {detail.candidate_name}, {when} "
            f"({detail.timezone})."
        )
        item = QListWidgetItem(f"{detail.candidate_name} · {detail.round_name}")
        item.setData(Qt.ItemDataRole.UserRole, detail.candidate_id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setCheckState(Qt.CheckState.Checked)
        self.candidates.addItem(item)
        self.tick_all.setEnabled(False)
        self.tick_none.setEnabled(False)
        self._update_buttons()

    def _load_choices(self) -> None:
        self.candidates.clear()
        self._show_error("")
        role_id = self.role.currentData()
        if role_id is None:
            self.scope.setText("There are no roles yet; add one on the Roles page first.")
            self._update_buttons()
            return
        choices = interview_packs.pack_choices(self._workbook, role_id)
        self.candidates.blockSignals(True)
        for choice in choices:
            item = QListWidgetItem(self._describe(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice.candidate_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = (
                choice.candidate_id in self._wanted
                if self._wanted is not None
                else choice.preselected
            )
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.candidates.addItem(item)
        self.candidates.blockSignals(False)
        self._wanted = None  # the ids given apply to the first role shown only
        if choices:
            self.scope.setText(
                "Ticked: candidates at the Interview or Shortlisted stage and anyone with an "
                "interview booked. Each gets a profile, the questions of their rounds and a "
                "scorecard."
            )
        else:
            self.scope.setText("Nobody has an open application to this role.")
        self._update_buttons()

    def _describe(self, choice: PackChoice) -> str:
        parts = [choice.name, choice.stage_label]
        booked = choice.next_interview
        if booked is not None:
            when = format_moment(booked.local_start, self._locale, booked.local_start.tzinfo)
            parts.append(f"{booked.round_name} {when}")
        return " · ".join(parts)

    def ticked_candidate_ids(self) -> list[int]:
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.candidates.item(row) for row in range(self.candidates.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _tick_every(self, state: Qt.CheckState) -> None:
        for row in range(self.candidates.count()):
            self.candidates.item(row).setCheckState(state)

    def _update_buttons(self) -> None:
        busy = self.worker is not None
        self.print_button.setEnabled(not busy and bool(self.ticked_candidate_ids()))
        self.choose_button.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- printing ----------------------------------------------------------------------------

    def choose_file(self) -> Path | None:
        title = self.role.currentText() or "interview"
        name = safe_file_name(f"Interview pack - {title}", "Interview pack", extension=".pdf")
        start = self.out_path or Path.home() / name
        path = file_dialogs.ask_save_pdf(self, start, "Save Interview Pack")
        if path is not None:
            self.out_path = path
            self.file.setText(str(path))
        return path

    def print_pack(self) -> None:
        """Read the pack, then lay it out on the worker thread behind a progress dialog."""
        self._show_error("")
        self.status.clear()
        try:
            if self._interview_id is not None:
                data = interview_packs.pack_for_interview(self._workbook, self._interview_id)
            else:
                data = interview_packs.pack_for_role(
                    self._workbook, self.role.currentData(), self.ticked_candidate_ids()
                )
        except ValidationError as exc:
            self._show_error(describe_errors(exc.errors))
            return
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        out = self.out_path or self.choose_file()
        if out is None:
            return
        total = len(data.candidates)
        self.progress = QProgressDialog("Laying out the interview pack…", "Cancel", 0, total, self)
        self.progress.setObjectName("pack_progress")
        self.progress.setWindowTitle("Printing")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        self.worker = PackWorker(data, out, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.failed.connect(self._show_error)
        self.worker.finished.connect(self._finished)
        self.progress.canceled.connect(self.worker.requestInterruption)
        self._update_buttons()
        self.worker.start()

    def _progressed(self, done: int, total: int, candidate: str) -> None:
        if self.progress is not None:
            self.progress.setLabelText(f"Laid out {done} of {total}: {candidate}")
            self.progress.setValue(done)

    def _finished(self) -> None:
        worker, self.worker = self.worker, None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._update_buttons()
        if worker is None:
            return
        worker.deleteLater()
        if worker.cancelled:
            self.status.setText("Printing was cancelled; no file was written.")
            return
        if not worker.written:
            return  # the error is shown already
        count = len(worker.data.candidates)
        self.status.setText(f"Saved the pack for {count} candidate(s) to {worker.out}.")
        question = f"The interview pack is saved as {worker.out.name}. Open it now?"
        if messages.confirm(self, "Interview Pack Saved", question, "Open"):
            open_with_system_viewer(worker.out)
        self.accept()

    def reject(self) -> None:
        """Closing while a pack is being laid out cancels it first."""
        if self.worker is not None:
            self.worker.requestInterruption()
            self.worker.wait()
        super().reject()
