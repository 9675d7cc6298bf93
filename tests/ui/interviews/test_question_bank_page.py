"""The Question bank page, driven with real clicks and keystrokes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from tests.ui.conftest import activate, click, click_button, type_into, when_modal

from hiring_desk.services.interviews import question_bank
from hiring_desk.services.interviews.question_bank import QuestionDraft, builtin_questions
from hiring_desk.store import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, change_hub
from hiring_desk.ui.interviews.question_bank_page import QuestionBankPage
from hiring_desk.ui.interviews.question_dialog import QuestionDialog


def _bank_changed(changes: Change, _source: object) -> bool:
    """The change the page announces on the hub after a change to the user's questions."""
    return changes == Change.QUESTION_BANK


@pytest.fixture
def page(qtbot: QtBot, workbook: Workbook) -> QuestionBankPage:
    widget = QuestionBankPage()
    qtbot.addWidget(widget)
    widget.set_workbook(workbook)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)
    return widget


def _modal(qtbot: QtBot, act: Callable[[QuestionDialog], None]) -> None:
    """Act on the next question dialog; it is closed after, so a failing test cannot hang."""
    when_modal(qtbot, act, QuestionDialog, close_after=True)


def _click_row(qtbot: QtBot, page: QuestionBankPage, row: int) -> None:
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _row_of(page: QuestionBankPage, text: str) -> int:
    return next(i for i, q in enumerate(page.model.rows()) if q.text == text)


def test_without_a_workbook_only_built_in_questions_are_listed(qtbot: QtBot) -> None:
    widget = QuestionBankPage()
    qtbot.addWidget(widget)
    widget.set_workbook(None)
    assert widget.model.rowCount() == len(builtin_questions())
    assert widget.count_label.text() == f"{len(builtin_questions())} questions"
    assert not widget.add_button.isEnabled()
    assert not widget.copy_button.isEnabled()


def test_filters_and_search_narrow_the_list(qtbot: QtBot, page: QuestionBankPage) -> None:
    page.competency_filter.setFocus()
    qtbot.keyClicks(page.competency_filter, "Security")
    assert page.competency_filter.currentData() == "security"
    rows = page.model.rows()
    assert rows and {q.competency for q in rows} == {"security"}
    page.seniority_filter.setFocus()
    qtbot.keyClicks(page.seniority_filter, "Junior")
    assert all("junior" in q.seniorities for q in page.model.rows())
    assert page.model.rowCount() < len(rows)
    type_into(qtbot, page.search_edit, "PASSWORDS")
    assert [q.bank_key for q in page.model.rows()] == ["security-storing-passwords"]
    question = page.selected_question()
    assert question is not None and question.bank_key == "security-storing-passwords"
    assert page.strong_label.text() == question.strong
    assert page.question_label.textFormat() == Qt.TextFormat.PlainText
    type_into(qtbot, page.search_edit, "no question mentions this")
    assert page.model.rowCount() == 0 and page.question_label.text() == ""
    assert page.count_label.text() == "0 questions"


def test_built_in_questions_are_read_only(qtbot: QtBot, page: QuestionBankPage) -> None:
    _click_row(qtbot, page, 3)
    assert page.selected_question() == page.model.row(3)
    assert page.copy_button.isEnabled()
    assert not page.edit_button.isEnabled()
    assert not page.remove_button.isEnabled()


def test_add_an_own_question_with_errors_shown_at_the_fields(
    qtbot: QtBot, page: QuestionBankPage, workbook: Workbook
) -> None:
    page.competency_filter.setFocus()
    qtbot.keyClicks(page.competency_filter, "Databases")
    seen: list[str] = []

    def fill(dialog: QuestionDialog) -> None:
        assert dialog.competency_combo.currentData() == "databases"  # from the filter
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        seen.append(dialog.fields["text"].error.text())
        qtbot.keyClicks(dialog.text_edit, "How would you model <b>shifts</b> that cross midnight?")
        for box in dialog.seniority_boxes.values():
            if box.isChecked():
                box.setFocus()
                qtbot.keyClick(box, Qt.Key.Key_Space)
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        assert dialog.isVisible()
        seen.append(dialog.fields["seniorities"].error.text())
        dialog.seniority_boxes["mid"].setFocus()
        qtbot.keyClick(dialog.seniority_boxes["mid"], Qt.Key.Key_Space)
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    _modal(qtbot, fill)
    with qtbot.waitSignal(change_hub().changed, timeout=2000, check_params_cb=_bank_changed):
        click(qtbot, page.add_button)
    assert seen == ["Is empty", "Choose at least one seniority"]
    own = [q for q in question_bank.list_questions(workbook) if not q.built_in]
    assert [(q.text, q.competency, q.seniorities) for q in own] == [
        ("How would you model <b>shifts</b> that cross midnight?", "databases", ("mid",))
    ]
    assert page.selected_question() == own[0]
    assert page.question_label.text() == "How would you model <b>shifts</b> that cross midnight?"
    assert page.count_label.text().endswith(", 1 yours")
    assert page.edit_button.isEnabled() and page.remove_button.isEnabled()


def test_copy_a_built_in_question_and_edit_the_copy(
    qtbot: QtBot, page: QuestionBankPage, workbook: Workbook
) -> None:
    original = builtin_questions()[0]
    _click_row(qtbot, page, 0)

    def reword(dialog: QuestionDialog) -> None:
        assert dialog.text_edit.toPlainText() == original.text
        assert dialog.strong_edit.toPlainText() == original.strong
        ticked = tuple(v for v, box in dialog.seniority_boxes.items() if box.isChecked())
        assert ticked == original.seniorities
        dialog.text_edit.selectAll()
        qtbot.keyClicks(dialog.text_edit, "Our own take on references.")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    _modal(qtbot, reword)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Return on a built-in one copies it
    own = [q for q in question_bank.list_questions(workbook) if not q.built_in]
    assert [(q.text, q.strong) for q in own] == [("Our own take on references.", original.strong)]
    assert question_bank.builtin_question(original.bank_key or "").text == original.text

    def edit(dialog: QuestionDialog) -> None:
        assert dialog.windowTitle() == "Edit Question"
        dialog.weak_edit.selectAll()
        qtbot.keyClicks(dialog.weak_edit, "Vague.")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    row = _row_of(page, "Our own take on references.")
    rect = page.table.visualRect(page.model.index(row, 1))
    _modal(qtbot, edit)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    edited = question_bank.get_question(workbook, own[0].ref)
    assert edited.weak == "Vague." and edited.text == "Our own take on references."
    assert page.weak_label.text() == "Vague."


def test_remove_an_own_question_after_asking(
    qtbot: QtBot,
    page: QuestionBankPage,
    workbook: Workbook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mine = question_bank.add_custom_question(
        workbook, QuestionDraft("teamwork", "Who do you ask first?", "", "", ("junior",))
    )
    page.refresh()
    answers = [False, True]
    monkeypatch.setattr(messages, "confirm", lambda *_args: answers.pop(0))
    _click_row(qtbot, page, _row_of(page, mine.text))
    click(qtbot, page.remove_button)  # answered "Cancel"
    assert mine in question_bank.list_questions(workbook)
    with qtbot.waitSignal(change_hub().changed, timeout=2000, check_params_cb=_bank_changed):
        click(qtbot, page.remove_button)
    assert mine not in question_bank.list_questions(workbook)
    assert page.model.rowCount() == len(builtin_questions())


def test_a_filter_that_would_hide_a_new_question_is_cleared(
    qtbot: QtBot, page: QuestionBankPage
) -> None:
    type_into(qtbot, page.search_edit, "idempotency")

    def fill(dialog: QuestionDialog) -> None:
        qtbot.keyClicks(dialog.text_edit, "What does your team's on-call rota look like?")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    _modal(qtbot, fill)
    click(qtbot, page.add_button)
    assert page.search_edit.text() == ""
    selected = page.selected_question()
    assert selected is not None and selected.text.startswith("What does your team")


def test_closing_the_workbook_hides_own_questions(
    qtbot: QtBot, page: QuestionBankPage, workbook: Workbook
) -> None:
    question_bank.add_custom_question(
        workbook, QuestionDraft("learning", "What did you read last?", "", "", ("mid",))
    )
    page.refresh()
    assert page.model.rowCount() == len(builtin_questions()) + 1
    page.set_workbook(None)
    assert page.model.rowCount() == len(builtin_questions())
    assert not page.add_button.isEnabled()
