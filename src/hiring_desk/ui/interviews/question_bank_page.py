"""The question bank: browse the built-in questions and keep your own."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.competencies import Competency
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.interviews import question_bank
from hiring_desk.services.interviews.question_bank import Question, QuestionDraft, draft_from
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.interviews.question_dialog import QuestionDialog
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.table_model import Column, RowsTableModel, make_table_view
from hiring_desk.ui.widgets import choice_combo, plain_label

ALL = ""
_ORDER = {c.value: i for i, c in enumerate(Competency)}

COLUMNS: list[Column[Question]] = [
    Column(
        "Competency",
        lambda q: q.competency_label,
        sort_key=lambda q: (_ORDER.get(q.competency, len(_ORDER)), q.competency_label),
    ),
    Column("Question", lambda q: q.text),
    Column("For", lambda q: q.seniority_labels),
    Column("Source", lambda q: "Built-in" if q.built_in else "Yours"),
]


class QuestionBankPage(QWidget):
    """Every bank question with filters; the user's own can be added, edited and removed.

    Built-in questions are read-only; "Copy to My Questions" starts an own one from
    them. With no workbook open only the built-in questions are listed. Changes to
    the user's own questions are announced as ``Change.QUESTION_BANK``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("question_bank_page")
        self._workbook: Workbook | None = None
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("bank_search")
        self.search_edit.setPlaceholderText("Search questions and guidance")
        self.search_edit.setClearButtonEnabled(True)
        self.competency_filter = choice_combo(
            [(ALL, "All competencies"), *((c.value, c.label) for c in Competency)],
            "bank_competency",
        )
        self.seniority_filter = choice_combo(
            [(ALL, "Any seniority"), *((s.value, s.label) for s in Seniority)], "bank_seniority"
        )
        self.model: RowsTableModel[Question] = RowsTableModel(COLUMNS, self)
        self.table = make_table_view("bank_table")
        self.table.setAccessibleName("Questions")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel()
        self.count_label.setObjectName("bank_count")
        self.question_label = plain_label(name="bank_question", selectable=True)
        self.strong_label = plain_label(name="bank_strong", selectable=True)
        self.weak_label = plain_label(name="bank_weak", selectable=True)
        self.toolbar = bar = PageToolbar("bank_toolbar")
        self.add_button = bar.primary("&Add Question…", "add_question", self.add_question)
        self.edit_action = bar.action("&Edit…", "edit_question", self.edit_selected, "edit")
        self.copy_action = bar.action(
            "&Copy to My Questions…",
            "copy_question",
            self.copy_selected,
            "add",
            "Copy this question to your own, to change it",
        )
        self.remove_action = bar.action(
            "&Remove", "remove_question", self.remove_selected, "delete"
        )
        self.edit_button = bar.button(self.edit_action)
        self.copy_button = bar.button(self.copy_action)
        self.remove_button = bar.button(self.remove_action)
        bar.attach_context_menu(self.table)
        self._build_layout()
        self.search_edit.textChanged.connect(lambda _text: self.refresh())
        self.competency_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.seniority_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(self._activated)
        self.refresh()
        ChangeListener(self, Change.QUESTION_BANK, lambda _changes: self.refresh())
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(COLUMNS)):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == 1
                else QHeaderView.ResizeMode.Interactive
            )
            header.setSectionResizeMode(column, mode)
        self.table.resizeColumnsToContents()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for text, widget in (
            ("&Search:", self.search_edit),
            ("Com&petency:", self.competency_filter),
            ("Se&niority:", self.seniority_filter),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 2 if widget is self.search_edit else 0)
        self.toolbar.add_trailing(self.count_label)
        detail = QWidget()
        form = QFormLayout(detail)
        form.addRow("Question:", self.question_label)
        form.addRow("Strong answer:", self.strong_label)
        form.addRow("Weak answer:", self.weak_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self, select_ref: str | None = None) -> None:
        """Reload the list, keeping (or moving to) the selected question."""
        keep = select_ref or (selected.ref if (selected := self.selected_question()) else None)
        competency = str(self.competency_filter.currentData() or "") or None
        seniority = str(self.seniority_filter.currentData() or "") or None
        rows = question_bank.list_questions(
            self._workbook,
            competency=competency,
            seniority=seniority,
            search=self.search_edit.text(),
        )
        self.model.set_rows(rows)
        count, own = len(rows), sum(not q.built_in for q in rows)
        self.count_label.setText(
            f"{count} question{'s' if count != 1 else ''}" + (f", {own} yours" if own else "")
        )
        shown = self.model.rows()
        index = next((i for i, q in enumerate(shown) if q.ref == keep), 0 if shown else -1)
        if index >= 0:
            self.table.selectRow(index)
            self.table.scrollTo(self.model.index(index, 0))
        else:
            self.table.clearSelection()
        self._show_selected()

    def selected_question(self) -> Question | None:
        index = self.table.selectionModel().currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not index.isValid() or not rows:
            return None
        return self.model.row(index.row())

    def add_question(self) -> None:
        if self._workbook is None:
            return
        competency = str(self.competency_filter.currentData() or "") or Competency.LANGUAGES.value
        seniority = str(self.seniority_filter.currentData() or "")
        seniorities = (seniority,) if seniority else tuple(s.value for s in Seniority)
        self._open("Add Question", QuestionDraft(competency, "", seniorities=seniorities), None)

    def edit_selected(self) -> None:
        question = self.selected_question()
        if question is None or question.custom_id is None:
            return
        self._open("Edit Question", draft_from(question), question.custom_id)

    def copy_selected(self) -> None:
        question = self.selected_question()
        if question is None:
            return
        self._open("Copy to My Questions", draft_from(question), None)

    def remove_selected(self) -> None:
        question = self.selected_question()
        if self._workbook is None or question is None or question.custom_id is None:
            return
        if not messages.confirm(
            self,
            "Remove Question",
            "Remove the selected question from your questions? Interview plans that "
            "already use it keep their copy.",
            "Remove",
        ):
            return
        workbook, custom_id = self._workbook, question.custom_id
        run_operation(
            self,
            lambda: question_bank.remove_custom_question(workbook, custom_id),
            changes=Change.QUESTION_BANK,
            failure_title="Question Not Removed",
        )
        self.refresh()

    def _open(self, title: str, draft: QuestionDraft, custom_id: int | None) -> None:
        workbook = self._workbook
        if workbook is None:
            return

        def save(value: QuestionDraft) -> Question:
            if custom_id is None:
                return question_bank.add_custom_question(workbook, value)
            try:
                return question_bank.update_custom_question(workbook, custom_id, value)
            except NotFoundError as exc:  # removed meanwhile: say so in the dialog
                raise ValidationError({"text": str(exc)}) from exc

        dialog = QuestionDialog(self, title, save, draft, changes=Change.QUESTION_BANK)
        accepted = run_modal(dialog) == QDialog.DialogCode.Accepted
        saved = dialog.saved
        if accepted and isinstance(saved, Question):
            self._reveal(saved)
        else:
            self.refresh()

    def _reveal(self, question: Question) -> None:
        """Show a question just saved, clearing filters that would hide it."""
        self.refresh(question.ref)
        if self.selected_question() != question:
            for widget in (self.competency_filter, self.seniority_filter):
                widget.blockSignals(True)
                widget.setCurrentIndex(0)
                widget.blockSignals(False)
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.refresh(question.ref)

    def _activated(self, _index: QModelIndex) -> None:
        question = self.selected_question()
        if question is not None and question.custom_id is not None:
            self.edit_selected()
        elif question is not None:
            self.copy_selected()

    def _show_selected(self) -> None:
        question = self.selected_question()
        self.question_label.setText(question.text if question else "")
        self.strong_label.setText(question.strong if question else "")
        self.weak_label.setText(question.weak if question else "")
        own = question is not None and question.custom_id is not None
        has_workbook = self._workbook is not None
        self.add_button.setEnabled(has_workbook)
        self.edit_action.setEnabled(has_workbook and own)
        self.copy_action.setEnabled(has_workbook and question is not None)
        self.remove_action.setEnabled(has_workbook and own)
