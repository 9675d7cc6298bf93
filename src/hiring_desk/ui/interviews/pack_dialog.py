"""Printing an interview pack: choose the role, tick the candidates, pick the file.

The pack's data is read here (quick, on the GUI thread, through ``run_operation``);
laying out the PDF runs in the background (``run_in_background``), stepping through
``packs.write_pack`` behind a progress dialog with Cancel. Cancelling
stops the steps, and then no file is written. When the pack is done the dialog
offers to open it in the system's PDF viewer. A role with no interview plan
would print no questions: the dialog says so and offers "Use Suggested
Questions", which gives the role its suggested plan before printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from hiring_desk.domain.formatting import format_moment
from hiring_desk.file_names import safe_file_name
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.interviews import interview_records, packs
from hiring_desk.services.interviews.packs import PackChoice, PackData
from hiring_desk.services.roles import role_records
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import describe_errors, show_errors_in
from hiring_desk.ui.help_topics import add_help_key
from hiring_desk.ui.operations import (
    BackgroundOperation,
    Progress,
    run_in_background,
    run_operation,
)
from hiring_desk.ui.printed import open_with_system_viewer
from hiring_desk.ui.theme import Tone, note_style, set_style
from hiring_desk.ui.widgets import button_row, line_edit, plain_label


def lay_out_pack(data: PackData, out: Path, progress: Progress) -> None:
    """Step through the PDF builder (on a worker thread); Cancel stops it before the
    last step, and then no file is written."""
    steps = packs.write_pack(data, out)
    try:
        for step in steps:
            text = f"Laid out {step.done} of {step.total}: {step.candidate}"
            if step.done == step.total:
                progress.report(step.done, step.total, text)  # written: too late to cancel
            else:
                progress.update(step.done, step.total, text)
    finally:
        steps.close()


class PrintPackDialog(QtWidgets.QDialog):
    """Print the interview pack for a role's candidates, or for one interview."""

    def __init__(
        self,
        workbook: Workbook,
        parent: QtWidgets.QWidget | None = None,
        role_id: int | None = None,
        interview_id: int | None = None,
        candidate_ids: Sequence[int] | None = None,
    ) -> None:
        super().__init__(parent)
        add_help_key(self)  # F1: this dialog's section of the user guide
        self.setObjectName("pack_dialog")
        self.setWindowTitle("Print Interview Pack")
        self._workbook = workbook
        self._interview_id = interview_id
        self._wanted = set(candidate_ids) if candidate_ids is not None else None
        self._locale = company.get_company(workbook).locale
        self.out_path: Path | None = None
        #: The pack being laid out, while it is.
        self.operation: BackgroundOperation[None] | None = None

        self.role = QtWidgets.QComboBox()
        self.role.setObjectName("pack_role")
        for role in role_records.list_roles(workbook):
            self.role.addItem(role.title, role.id)
        self.scope = plain_label(name="pack_scope")
        self.candidates = QtWidgets.QListWidget()
        self.candidates.setObjectName("pack_candidates")
        self.candidates.setAccessibleName("Candidates in the pack")
        self.candidates.itemChanged.connect(lambda _item: self._update_buttons())
        self.tick_all = QtWidgets.QPushButton("Tick &All")
        self.tick_none = QtWidgets.QPushButton("Tick &None")
        self.tick_all.clicked.connect(lambda: self._tick_every(Qt.CheckState.Checked))
        self.tick_none.clicked.connect(lambda: self._tick_every(Qt.CheckState.Unchecked))
        self.file = line_edit("pack_file", "Chosen when you print")
        self.file.setAccessibleName("Save to")
        self.file.setReadOnly(True)
        self.choose_button = QtWidgets.QPushButton("&Choose…")
        self.choose_button.setObjectName("pack_choose_file")
        self.choose_button.clicked.connect(self.choose_file)
        self.error = show_errors_in(plain_label(name="pack_error"))
        self.error.hide()
        self.status = plain_label(name="pack_status")
        self.plan_note = plain_label(name="pack_plan_note")
        set_style(self.plan_note, note_style(Tone.INFO))
        self.suggest_button = QtWidgets.QPushButton("Use &Suggested Questions")
        self.suggest_button.setObjectName("pack_use_suggested")
        self.suggest_button.setAutoDefault(False)
        self.suggest_button.clicked.connect(self.use_suggested_questions)

        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(
            "&Print…", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button.setObjectName("pack_print")
        self.print_button.setDefault(True)
        buttons.accepted.connect(self.print_pack)
        buttons.rejected.connect(self.reject)

        ticks = button_row(self.tick_all, self.tick_none)
        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)
        form = QtWidgets.QFormLayout()
        form.addRow("&Role:", self.role)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.scope)
        layout.addWidget(self.plan_note)
        layout.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QtWidgets.QLabel("Candidates in the pack:"))
        layout.addWidget(self.candidates, 1)
        layout.addLayout(ticks)
        save_row = QtWidgets.QFormLayout()
        save_label = QtWidgets.QLabel("Save &to:")  # a row of a layout gets no buddy itself
        save_label.setBuddy(self.file)
        save_row.addRow(save_label, file_row)
        layout.addLayout(save_row)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 520)

        self.role.currentIndexChanged.connect(lambda _index: self._show_plan())
        if interview_id is not None:
            self._show_interview(interview_id)
        else:
            if role_id is not None:
                self.role.setCurrentIndex(max(self.role.findData(role_id), 0))
            self.role.currentIndexChanged.connect(lambda _index: self._load_choices())
            self._load_choices()
        self._show_plan()

    # -- what goes in the pack ---------------------------------------------------------------

    def _show_interview(self, interview_id: int) -> None:
        """A pack for one interview: its candidate and round, nothing to choose."""
        try:
            detail = interview_records.get_interview(self._workbook, interview_id)
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
        item = QtWidgets.QListWidgetItem(f"{detail.candidate_name} · {detail.round_name}")
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
        choices = packs.pack_choices(self._workbook, role_id)
        self.candidates.blockSignals(True)
        for choice in choices:
            item = QtWidgets.QListWidgetItem(self._describe(choice))
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

    def _show_plan(self) -> None:
        """Say when the role has no interview plan, and offer the suggested one."""
        role_id = self.role.currentData()
        missing = packs.missing_plan(self._workbook, role_id) if role_id is not None else None
        if missing is not None:
            self.plan_note.setText(
                f"{missing.sentence()} Use them, and the pack prints them for each round; "
                "you can change the plan later with Interview Plan… on the Roles page."
            )
        self.plan_note.setVisible(missing is not None)
        self.suggest_button.setVisible(missing is not None)

    def use_suggested_questions(self) -> None:
        """Give the role its suggested interview plan, so the pack has questions."""
        role_id = self.role.currentData()
        if role_id is None:
            return
        plan = run_operation(
            self,
            lambda: packs.use_suggested_plan(self._workbook, role_id),
            changes=Change.INTERVIEW_PLANS,
            failure_title="Plan Not Added",
        )
        if plan is None:
            return
        self._show_plan()
        questions = sum(len(r.questions) for r in plan.rounds)
        self.status.setText(
            f"'{self.role.currentText()}' now has the suggested plan: {len(plan.rounds)} "
            f"rounds, {questions} questions. The pack prints them."
        )

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
        busy = self.operation is not None
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
        """Read the pack, then lay it out in the background behind a progress dialog."""
        self._show_error("")
        self.status.clear()
        interview_id, role_id = self._interview_id, self.role.currentData()
        ticked = self.ticked_candidate_ids()

        def read() -> PackData:
            if interview_id is not None:
                return packs.pack_for_interview(self._workbook, interview_id)
            return packs.pack_for_role(self._workbook, role_id, ticked)

        data = run_operation(
            self,
            read,
            on_invalid=lambda exc: self._show_error(describe_errors(exc.errors)),
            on_refused=lambda exc: self._show_error(str(exc)),
        )
        if data is None:
            return
        out = self.out_path or self.choose_file()
        if out is None:
            return
        self.operation = run_in_background(
            self,
            lambda progress: lay_out_pack(data, out, progress),
            title="Printing",
            label="Laying out the interview pack…",
            on_success=lambda _none: self._saved(data, out),
            on_cancelled=lambda: self.status.setText(
                "Printing was cancelled; no file was written."
            ),
            on_refused=lambda exc: self._show_error(str(exc)),
        )
        self.operation.dialog.setObjectName("pack_progress")
        self.operation.dialog.setMaximum(len(data.candidates))
        self.operation.finished.connect(self._finished)
        self._update_buttons()

    def _finished(self) -> None:
        self.operation = None
        self._update_buttons()

    def _saved(self, data: PackData, out: Path) -> None:
        count = len(data.candidates)
        self.status.setText(f"Saved the pack for {count} candidate(s) to {out}.")
        question = f"The interview pack is saved as {out.name}. Open it now?"
        if messages.confirm(self, "Interview Pack Saved", question, "Open"):
            open_with_system_viewer(out)
        self.accept()

    def reject(self) -> None:
        """Closing while a pack is being laid out cancels it (no file is written)."""
        if self.operation is not None:
            self.operation.cancel()
        super().reject()
