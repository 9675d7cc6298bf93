"""The dialog that edits a role's interview plan: its rounds and their questions.

Every action is one service call that saves at once (so Close never loses work and
nothing is half-saved); a refused change shows its message under its field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.competencies import Competency
from hiring_desk.services.common.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.interviews import plan_questions, plans
from hiring_desk.services.interviews.plan_views import PlanView, QuestionView, RoundView
from hiring_desk.services.interviews.question_bank import QuestionDraft
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.help_topics import add_help_key
from hiring_desk.ui.interviews.bank_picker import BankPickerDialog
from hiring_desk.ui.interviews.question_dialog import QuestionDialog
from hiring_desk.ui.interviews.round_form import RoundForm
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.widgets import plain_label, push_button

PlanChange = Callable[[Workbook], PlanView]


class PlanEditorDialog(QDialog):
    """Edit the interview plan of one role (created from its default plan if it has none)."""

    def __init__(self, workbook: Workbook, role_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help_key(self)  # F1: this dialog's section of the user guide
        self._workbook = workbook
        self._closing = False
        self.plan = plans.plan_for_role(workbook, role_id)
        self.setWindowTitle(f"Interview Plan: {self.plan.role_title}")
        self.summary_label = plain_label(name="plan_summary", wrap=False)

        self.rounds_list = QListWidget()
        self.rounds_list.setObjectName("plan_rounds")
        self.add_round_button = push_button("&Add Round", "add_round")
        self.remove_round_button = push_button("Re&move Round", "remove_round")
        self.round_up_button = push_button("Move Round &Up", "round_up")
        self.round_down_button = push_button("Move Round &Down", "round_down")

        self.round_form = RoundForm()
        self.round_form.setObjectName("round_form")

        self.questions_list = QListWidget()
        self.questions_list.setObjectName("round_questions")
        self.questions_list.setWordWrap(True)
        self.questions_list.setSpacing(2)
        self.strong_label = plain_label(name="question_strong_answer", selectable=True)
        self.weak_label = plain_label(name="question_weak_answer", selectable=True)
        self.from_bank_button = push_button("Add from &Bank…", "add_from_bank")
        self.own_question_button = push_button("Add &Own Question…", "add_own_question")
        self.edit_question_button = push_button("&Edit Question…", "edit_question")
        self.remove_question_button = push_button("Remo&ve Question", "remove_question")
        self.question_up_button = push_button("Move Question U&p", "question_up")
        self.question_down_button = push_button("Move Question Do&wn", "question_down")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self._build_layout(buttons)
        self._connect()
        self._show(self.plan, self.plan.rounds[0].id if self.plan.rounds else None)
        self.resize(1000, 680)

    def _build_layout(self, buttons: QDialogButtonBox) -> None:
        rounds_box = QGroupBox("Rounds")
        rounds_layout = QVBoxLayout(rounds_box)
        rounds_layout.addWidget(self.rounds_list, 1)
        for button in (
            self.add_round_button,
            self.remove_round_button,
            self.round_up_button,
            self.round_down_button,
        ):
            rounds_layout.addWidget(button)

        details = QWidget()
        question_buttons = QGridLayout()
        for index, button in enumerate(
            (
                self.from_bank_button,
                self.own_question_button,
                self.edit_question_button,
                self.remove_question_button,
                self.question_up_button,
                self.question_down_button,
            )
        ):
            question_buttons.addWidget(button, index // 3, index % 3)
        guidance = QFormLayout()
        guidance.addRow("Strong answer:", self.strong_label)
        guidance.addRow("Weak answer:", self.weak_label)
        questions_box = QGroupBox("Questions in this round")
        questions_layout = QVBoxLayout(questions_box)
        questions_layout.addWidget(self.questions_list, 1)
        questions_layout.addLayout(guidance)
        questions_layout.addLayout(question_buttons)
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.round_form)
        details_layout.addWidget(questions_box, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(rounds_box)
        splitter.addWidget(details)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.rounds_list.currentRowChanged.connect(lambda _row: self._round_selected())
        self.questions_list.currentRowChanged.connect(lambda _row: self._question_selected())
        self.questions_list.itemActivated.connect(lambda _item: self.edit_question())
        self.add_round_button.clicked.connect(self.add_round)
        self.remove_round_button.clicked.connect(self.remove_round)
        self.round_up_button.clicked.connect(lambda: self._move_round(-1))
        self.round_down_button.clicked.connect(lambda: self._move_round(1))
        self.round_form.rename_requested.connect(self._rename_round)
        self.round_form.duration_requested.connect(self._set_duration)
        self.round_form.competencies_requested.connect(self._set_competencies)
        self.from_bank_button.clicked.connect(self.add_from_bank)
        self.own_question_button.clicked.connect(self.add_own_question)
        self.edit_question_button.clicked.connect(self.edit_question)
        self.remove_question_button.clicked.connect(self.remove_question)
        self.question_up_button.clicked.connect(lambda: self._move_question(-1))
        self.question_down_button.clicked.connect(lambda: self._move_question(1))
        for key, action in (
            (QKeySequence.StandardKey.Delete, self.remove_question),
            ("Ctrl+Up", lambda: self._move_question(-1)),
            ("Ctrl+Down", lambda: self._move_question(1)),
        ):
            shortcut = QShortcut(QKeySequence(key), self.questions_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(action)
        for key, action in (
            (QKeySequence.StandardKey.Delete, self.remove_round),
            ("Ctrl+Up", lambda: self._move_round(-1)),
            ("Ctrl+Down", lambda: self._move_round(1)),
        ):
            shortcut = QShortcut(QKeySequence(key), self.rounds_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(action)

    # -- what is selected ---------------------------------------------------------------------

    def current_round(self) -> RoundView | None:
        item = self.rounds_list.currentItem()
        if item is None:
            return None
        return self.plan.round(int(item.data(Qt.ItemDataRole.UserRole)))

    def current_question(self) -> QuestionView | None:
        current = self.current_round()
        row = self.questions_list.currentRow()
        if current is None or not 0 <= row < len(current.questions):
            return None
        return current.questions[row]

    # -- showing the plan ---------------------------------------------------------------------

    def _show(self, plan: PlanView, round_id: int | None, question_id: int | None = None) -> None:
        """Show ``plan`` with the given round (and question) selected."""
        self.plan = plan
        count = len(plan.rounds)
        self.summary_label.setText(
            f"{count} round{'s' if count != 1 else ''}, {plan.total_minutes} minutes in all. "
            "Changes are saved as you make them."
        )
        self.rounds_list.blockSignals(True)
        self.rounds_list.clear()
        for round_view in plan.rounds:
            item = QListWidgetItem(f"{round_view.name} ({round_view.duration_minutes} min)")
            item.setData(Qt.ItemDataRole.UserRole, round_view.id)
            self.rounds_list.addItem(item)
            if round_view.id == round_id:
                self.rounds_list.setCurrentItem(item)
        if self.rounds_list.currentRow() < 0 and count:
            self.rounds_list.setCurrentRow(0)
        self.rounds_list.blockSignals(False)
        self._round_selected(question_id)

    def _round_selected(self, question_id: int | None = None) -> None:
        current = self.current_round()
        self.round_form.show_round(current)
        self.questions_list.blockSignals(True)
        self.questions_list.clear()
        for question in current.questions if current else ():
            label = f"{question.competency_label}: " if question.competency else ""
            self.questions_list.addItem(f"{label}{question.text}")
            if question.id == question_id:
                self.questions_list.setCurrentRow(self.questions_list.count() - 1)
        if self.questions_list.currentRow() < 0 and self.questions_list.count():
            self.questions_list.setCurrentRow(0)
        self.questions_list.blockSignals(False)
        self._question_selected()

    def _question_selected(self) -> None:
        question = self.current_question()
        self.strong_label.setText(question.strong if question else "")
        self.weak_label.setText(question.weak if question else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        question = self.current_question()
        current = self.current_round()
        rows = len(current.questions) if current else 0
        row = self.questions_list.currentRow()
        self.remove_round_button.setEnabled(current is not None)
        index = self.rounds_list.currentRow()
        self.round_up_button.setEnabled(current is not None and index > 0)
        self.round_down_button.setEnabled(current is not None and index < len(self.plan.rounds) - 1)
        self.from_bank_button.setEnabled(current is not None)
        self.own_question_button.setEnabled(current is not None)
        self.edit_question_button.setEnabled(question is not None)
        self.remove_question_button.setEnabled(question is not None)
        self.question_up_button.setEnabled(question is not None and row > 0)
        self.question_down_button.setEnabled(question is not None and row < rows - 1)

    # -- changes ------------------------------------------------------------------------------

    def _apply(
        self,
        change: PlanChange,
        *,
        field: str | None = None,
        select_round: Callable[[PlanView], int | None] | None = None,
        select_question: Callable[[PlanView], int | None] | None = None,
    ) -> bool:
        """Run one change; show the new plan, or the refusal under ``field``."""
        current = self.current_round()
        question = self.current_question()

        def invalid(exc: ValidationError) -> None:
            message = "; ".join(exc.errors.values())
            if field is not None:
                self.round_form.show_error(field, message)
            else:
                messages.show_warning(self, "Plan Not Changed", message)

        def refused(exc: ServiceError) -> None:
            if not isinstance(exc, NotFoundError):
                messages.show_error(self, "Plan Not Changed", str(exc))
                return
            messages.show_warning(self, "Plan Not Changed", str(exc))
            # Gone meanwhile: show the plan as it now is.
            now = plans.plan_for_role(self._workbook, self.plan.role_id)
            self._show(now, current.id if current else None)

        plan = run_operation(
            self,
            lambda: change(self._workbook),
            changes=Change.INTERVIEW_PLANS,
            on_invalid=invalid,
            on_refused=refused,
        )
        if plan is None:
            return False
        round_id = select_round(plan) if select_round else (current.id if current else None)
        if select_question:
            question_id = select_question(plan)
        else:
            question_id = question.id if question else None
        self._show(plan, round_id, question_id)
        return True

    def add_round(self) -> None:
        role_id = self.plan.role_id
        if self._apply(
            lambda wb: plans.add_round(wb, role_id),
            select_round=lambda plan: plan.rounds[-1].id,
        ):
            self.round_form.name_edit.setFocus()
            self.round_form.name_edit.selectAll()

    def remove_round(self) -> None:
        current = self.current_round()
        if current is None:
            return
        # The round's name stays out of the message: message boxes may read text as markup.
        count = len(current.questions)
        text = "Remove the selected round"
        text += f" and its {count} question{'s' if count != 1 else ''}?" if count else "?"
        if not messages.confirm(self, "Remove Round", text, "Remove"):
            return
        index = self.rounds_list.currentRow()
        self._apply(
            lambda wb: plans.remove_round(wb, current.id),
            select_round=lambda plan: (
                plan.rounds[min(index, len(plan.rounds) - 1)].id if plan.rounds else None
            ),
        )

    def _move_round(self, offset: int) -> None:
        current = self.current_round()
        if current is not None:
            self._apply(lambda wb: plans.move_round(wb, current.id, offset))
            self.rounds_list.setFocus()

    def _rename_round(self, name: str) -> None:
        current = self.current_round()
        if not self._closing and current is not None:
            self._apply(lambda wb: plans.rename_round(wb, current.id, name), field="name")

    def _set_duration(self, minutes: int) -> None:
        current = self.current_round()
        if current is not None:
            self._apply(
                lambda wb: plans.set_round_duration(wb, current.id, minutes),
                field="duration_minutes",
            )

    def _set_competencies(self, keys: list[str]) -> None:
        current = self.current_round()
        if current is not None:
            self._apply(
                lambda wb: plans.set_round_competencies(wb, current.id, keys),
                field="competencies",
            )

    def add_from_bank(self) -> None:
        current = self.current_round()
        if current is None:
            return
        refs = BankPickerDialog.choose(self._workbook, self.plan, current.id, self)
        if refs:
            self._apply(
                lambda wb: plan_questions.add_bank_questions(wb, current.id, refs),
                select_question=lambda plan: plan.round(current.id).questions[-1].id,
            )
        self.questions_list.setFocus()

    def add_own_question(self) -> None:
        current = self.current_round()
        if current is None:
            return
        first = next(iter(current.competencies), Competency.COMMUNICATION.value)
        dialog = QuestionDialog(
            self,
            f"Add a Question to '{current.name}'",
            lambda draft: plan_questions.add_own_question(self._workbook, current.id, draft),
            QuestionDraft(first, ""),
            changes=Change.INTERVIEW_PLANS,
            with_seniorities=False,
        )
        if run_modal(dialog) == QDialog.DialogCode.Accepted and isinstance(dialog.saved, PlanView):
            saved = dialog.saved
            self._show(saved, current.id, saved.round(current.id).questions[-1].id)
        self.questions_list.setFocus()

    def edit_question(self) -> None:
        question = self.current_question()
        current = self.current_round()
        if question is None or current is None:
            return
        dialog = QuestionDialog(
            self,
            "Edit Question",
            lambda draft: plan_questions.edit_question(self._workbook, question.id, draft),
            QuestionDraft(question.competency, question.text, question.strong, question.weak),
            changes=Change.INTERVIEW_PLANS,
            with_seniorities=False,
        )
        if run_modal(dialog) == QDialog.DialogCode.Accepted and isinstance(dialog.saved, PlanView):
            self._show(dialog.saved, current.id, question.id)
        self.questions_list.setFocus()

    def remove_question(self) -> None:
        question = self.current_question()
        if question is None:
            return
        if not messages.confirm(
            self, "Remove Question", "Remove the selected question from this round?", "Remove"
        ):
            return
        row = self.questions_list.currentRow()
        current = self.current_round()
        assert current is not None

        def next_question(plan: PlanView) -> int | None:
            remaining = plan.round(current.id).questions
            return remaining[min(row, len(remaining) - 1)].id if remaining else None

        self._apply(
            lambda wb: plan_questions.remove_question(wb, question.id),
            select_question=next_question,
        )
        self.questions_list.setFocus()

    def _move_question(self, offset: int) -> None:
        question = self.current_question()
        if question is not None:
            self._apply(lambda wb: plan_questions.move_question(wb, question.id, offset))
            self.questions_list.setFocus()

    def done(self, result: int) -> None:
        self._closing = True
        super().done(result)
