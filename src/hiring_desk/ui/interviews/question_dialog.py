"""The dialog that adds or edits one interview question: in the bank or in a round."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.competencies import Competency
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.interviews.question_bank import QuestionDraft
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldWithError, name_from_labels
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import choice_combo, save_cancel, select_data, text_box

SaveQuestion = Callable[[QuestionDraft], object]


class QuestionDialog(FormDialog):
    """Collects a question's competency, wording and guidance (and seniorities, for the bank).

    ``save`` is called with the draft on Save (an operation announcing ``changes``);
    a ``ValidationError`` it raises is shown under the fields and the dialog stays
    open. ``saved`` holds what it returned.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        save: SaveQuestion,
        draft: QuestionDraft | None = None,
        *,
        changes: Change,
        with_seniorities: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self._changes = changes
        self.saved: object = None
        self.competency_combo = choice_combo(
            [(c.value, c.label) for c in Competency], "question_competency"
        )
        self.text_edit = text_box("question_text", "The question, as you would ask it", lines=3)
        self.strong_edit = text_box(
            "question_strong", "What a strong answer covers (optional)", lines=4
        )
        self.weak_edit = text_box(
            "question_weak", "What a weak answer looks like (optional)", lines=3
        )
        self.seniority_boxes: dict[str, QCheckBox] = {}
        seniority_row = QWidget()
        row_layout = QHBoxLayout(seniority_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        for seniority in Seniority:
            box = QCheckBox(seniority.label)
            box.setObjectName(f"question_seniority_{seniority.value}")
            box.setChecked(True)
            self.seniority_boxes[seniority.value] = box
            row_layout.addWidget(box)
        row_layout.addStretch()
        self.fields = {
            "competency": FieldWithError(self.competency_combo),
            "text": FieldWithError(self.text_edit),
            "strong": FieldWithError(self.strong_edit),
            "weak": FieldWithError(self.weak_edit),
            "seniorities": FieldWithError(seniority_row),
        }
        form = QFormLayout()
        form.addRow("&Competency:", self.fields["competency"])
        form.addRow("&Question:", self.fields["text"])
        form.addRow("&Strong answer:", self.fields["strong"])
        form.addRow("&Weak answer:", self.fields["weak"])
        self._with_seniorities = with_seniorities
        if with_seniorities:
            form.addRow("For:", self.fields["seniorities"])
        else:
            seniority_row.hide()
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        name_from_labels(self)
        if draft is not None:
            self._fill(draft)

    def _fill(self, draft: QuestionDraft) -> None:
        select_data(self.competency_combo, draft.competency)
        self.text_edit.setPlainText(draft.text)
        self.strong_edit.setPlainText(draft.strong)
        self.weak_edit.setPlainText(draft.weak)
        if self._with_seniorities:
            for value, box in self.seniority_boxes.items():
                box.setChecked(value in draft.seniorities)

    def draft(self) -> QuestionDraft:
        seniorities = tuple(v for v, box in self.seniority_boxes.items() if box.isChecked())
        return QuestionDraft(
            competency=str(self.competency_combo.currentData()),
            text=self.text_edit.toPlainText(),
            strong=self.strong_edit.toPlainText(),
            weak=self.weak_edit.toPlainText(),
            seniorities=seniorities if self._with_seniorities else (),
        )

    def accept(self) -> None:
        for field in self.fields.values():
            field.set_error(None)
        saved = run_operation(
            self,
            lambda: self._save(self.draft()),
            changes=self._changes,
            failure_title="Question Not Saved",
            on_invalid=self._show_errors,
        )
        if saved is not None:
            self.saved = saved
            super().accept()

    def _show_errors(self, exc: ValidationError) -> None:
        shown = [name for name in exc.errors if name in self.fields]
        for name in shown:
            self.fields[name].set_error(exc.errors[name])
        if len(shown) < len(exc.errors):  # a message with no field of its own
            other = "; ".join(m for n, m in exc.errors.items() if n not in self.fields)
            self.fields["text"].set_error(other)
        target = shown[0] if shown else "text"
        focus = self.fields[target].field
        if target == "seniorities":
            focus = self.seniority_boxes[Seniority.JUNIOR.value]
        focus.setFocus()
