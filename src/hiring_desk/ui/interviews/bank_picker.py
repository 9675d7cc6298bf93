"""Picking questions from the bank for one round of a role's interview plan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.competencies import Competency
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.interviews import plan_questions, question_bank
from hiring_desk.services.interviews.plan_views import PlanView
from hiring_desk.services.interviews.question_bank import Question
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.widgets import choice_combo, line_edit, plain_label, select_data

SUGGESTED = "suggested"
ALL = "all"
ANY = "any"


class BankPickerDialog(QDialog):
    """Lists the bank questions suggested for a round, with search and filters.

    By default it shows :func:`plan_questions.suggest_questions` (best first); the
    filters widen it to other competencies or seniorities. Questions the round
    already has are never listed. ``selected_refs()`` gives the chosen references.
    """

    def __init__(
        self, workbook: Workbook, plan: PlanView, round_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workbook = workbook
        self._plan = plan
        self._round = plan.round(round_id)
        self.setWindowTitle(f"Add Questions to '{self._round.name}'")
        self.search_edit = line_edit("picker_search", "Words in the question or its guidance")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)
        self.competency_filter = choice_combo(
            [
                (SUGGESTED, "Suggested for this round"),
                (ALL, "All competencies"),
                *((c.value, c.label) for c in Competency),
            ],
            "picker_competency",
        )
        role_seniority = plan.role_seniority
        self.seniority_filter = choice_combo(
            [
                *(
                    (s.value, f"{s.label} (this role)" if s.value == role_seniority else s.label)
                    for s in Seniority
                ),
                (ANY, "Any seniority"),
            ],
            "picker_seniority",
        )
        select_data(self.seniority_filter, role_seniority)
        self.list = QListWidget()
        self.list.setObjectName("picker_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.count_label = QLabel()
        self.count_label.setObjectName("picker_count")
        self.strong_label = plain_label(name="picker_strong", selectable=True)
        self.weak_label = plain_label(name="picker_weak", selectable=True)
        guidance = QFormLayout()
        guidance.addRow("Strong answer:", self.strong_label)
        guidance.addRow("Weak answer:", self.weak_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText("&Add Selected")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        for text, widget in (
            ("&Search:", self.search_edit),
            ("&Competency:", self.competency_filter),
            ("Se&niority:", self.seniority_filter),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 2 if widget is self.search_edit else 0)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(guidance)
        layout.addWidget(self.buttons)
        self.resize(760, 560)

        self.search_edit.textChanged.connect(lambda _text: self.refresh())
        self.competency_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.seniority_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.currentItemChanged.connect(lambda _new, _old: self._show_guidance())
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.refresh()
        self.search_edit.setFocus()

    @classmethod
    def choose(
        cls, workbook: Workbook, plan: PlanView, round_id: int, parent: QWidget | None = None
    ) -> list[str]:
        """The references picked, or [] if the dialog was cancelled."""
        dialog = cls(workbook, plan, round_id, parent)
        return dialog.selected_refs() if run_modal(dialog) == QDialog.DialogCode.Accepted else []

    def questions(self) -> list[Question]:
        """What the filters and search currently find, in the order listed."""
        competency = str(self.competency_filter.currentData())
        seniority = str(self.seniority_filter.currentData())
        role_id, round_id = self._plan.role_id, self._round.id
        if competency == SUGGESTED and seniority == self._plan.role_seniority:
            found = plan_questions.suggest_questions(self._workbook, role_id, round_id)
        else:
            found = question_bank.list_questions(
                self._workbook,
                competency=None if competency in (SUGGESTED, ALL) else competency,
                seniority=None if seniority == ANY else seniority,
            )
            if competency == SUGGESTED:
                wanted = plan_questions.suggested_competencies(self._workbook, role_id, round_id)
                found = [q for q in found if q.competency in wanted]
        present = self._round.source_refs
        texts = {question_bank.fold(q.text) for q in self._round.questions}
        search = self.search_edit.text()
        return [
            q
            for q in found
            if q.ref not in present
            and question_bank.fold(q.text) not in texts
            and question_bank.matches_search(q, search)
        ]

    def refresh(self) -> None:
        self.list.clear()
        found = self.questions()
        for question in found:
            mine = "" if question.built_in else " (yours)"
            item = QListWidgetItem(f"{question.competency_label}{mine}: {question.text}")
            item.setData(Qt.ItemDataRole.UserRole, question)
            self.list.addItem(item)
        count = len(found)
        self.count_label.setText(
            f"{count} question{'s' if count != 1 else ''}"
            if count
            else "No questions match. Try another competency or seniority, or fewer words."
        )
        if count:
            self.list.setCurrentRow(0)
        self._selection_changed()

    def selected_refs(self) -> list[str]:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [self._question(self.list.item(row)).ref for row in rows]

    def accept(self) -> None:
        if self.selected_refs():
            super().accept()

    def _selection_changed(self) -> None:
        self.add_button.setEnabled(bool(self.list.selectedItems()))
        self._show_guidance()

    def _show_guidance(self) -> None:
        item = self.list.currentItem()
        question = self._question(item) if item is not None else None
        self.strong_label.setText(question.strong if question else "")
        self.weak_label.setText(question.weak if question else "")

    @staticmethod
    def _question(item: QListWidgetItem) -> Question:
        question = item.data(Qt.ItemDataRole.UserRole)
        assert isinstance(question, Question)
        return question
