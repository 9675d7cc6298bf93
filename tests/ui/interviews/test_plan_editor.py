"""The interview plan editor, driven with real clicks and keystrokes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import activate, click, click_button, show_active, type_into, when_modal

from hiring_desk.services.interviews import plans
from hiring_desk.services.interviews.plan_defaults import default_plan
from hiring_desk.services.interviews.question_bank import builtin_question
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.store import Workbook
from hiring_desk.ui.interviews.bank_picker import BankPickerDialog
from hiring_desk.ui.interviews.plan_editor import PlanEditorDialog
from hiring_desk.ui.interviews.question_dialog import QuestionDialog


def _editor(qtbot: QtBot, workbook: Workbook, role_id: int) -> PlanEditorDialog:
    dialog = PlanEditorDialog(workbook, role_id)
    show_active(qtbot, dialog)
    return dialog


def _role(workbook: Workbook, seniority: str = "senior", template: str | None = None) -> int:
    brief = RoleBrief(title="Platform Engineer", seniority=seniority, template_key=template)
    return role_records.create_role(workbook, brief).id


def _modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Act on the next dialog; it is closed after, so a failing test cannot hang."""
    when_modal(qtbot, act, close_after=True)


def _click_row(qtbot: QtBot, view: QListWidget, row: int) -> None:
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _texts(view: QListWidget) -> list[str]:
    return [view.item(i).text() for i in range(view.count())]


def _saved(workbook: Workbook, role_id: int) -> plans.PlanView:
    return plans.plan_for_role(workbook, role_id)


def test_opening_shows_the_default_plan_of_the_roles_template(
    qtbot: QtBot, workbook: Workbook
) -> None:
    role_id = _role(workbook, "senior", "database-specialist")
    editor = _editor(qtbot, workbook, role_id)
    expected = default_plan("database-specialist")
    assert editor.windowTitle() == "Interview Plan: Platform Engineer"
    assert _texts(editor.rounds_list) == [
        f"{r.name} ({r.duration_minutes} min)" for r in expected.rounds
    ]
    total = sum(r.duration_minutes for r in expected.rounds)
    assert f"{len(expected.rounds)} rounds, {total} minutes" in editor.summary_label.text()
    _click_row(qtbot, editor.rounds_list, 1)
    technical = expected.rounds[1]
    form = editor.round_form
    assert form.name_edit.text() == technical.name
    assert form.duration_spin.value() == technical.duration_minutes
    ticked = {k for k, box in form.competency_boxes.items() if box.isChecked()}
    assert ticked == set(technical.competencies)
    assert editor.questions_list.count() == len(technical.question_keys)
    _click_row(qtbot, editor.questions_list, 2)
    question = builtin_question(technical.question_keys[2])
    assert editor.questions_list.item(2).text().endswith(question.text)
    assert editor.strong_label.text() == question.strong
    assert editor.weak_label.text() == question.weak


def test_rounds_are_added_renamed_and_removed(qtbot: QtBot, workbook: Workbook) -> None:
    role_id = _role(workbook, "junior")
    editor = _editor(qtbot, workbook, role_id)
    before = [r.name for r in _saved(workbook, role_id).rounds]
    click(qtbot, editor.add_round_button)
    name_edit = editor.round_form.name_edit
    assert name_edit.hasFocus() and name_edit.text() == "New round"
    qtbot.keyClicks(name_edit, "Pair programming")  # replaces the selected text
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    assert editor.isVisible(), "Return in a field must not close the editor"
    assert [r.name for r in _saved(workbook, role_id).rounds] == [*before, "Pair programming"]
    assert editor.rounds_list.currentItem().text() == "Pair programming (45 min)"

    # A refused name shows under the field and saves nothing.
    type_into(qtbot, name_edit, before[0].upper())
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    error = editor.round_form.fields["name"].error
    assert error.isVisible() and "already called" in error.text()
    assert _saved(workbook, role_id).rounds[-1].name == "Pair programming"
    type_into(qtbot, name_edit, "Pairing")
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    assert not error.isVisible()
    assert _saved(workbook, role_id).rounds[-1].name == "Pairing"

    click(qtbot, editor.remove_round_button)  # the question is answered "Remove"
    assert [r.name for r in _saved(workbook, role_id).rounds] == before
    assert editor.rounds_list.currentItem().text().startswith(before[-1])


def test_removing_a_round_can_be_cancelled(
    qtbot: QtBot, workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiring_desk.ui import messages

    role_id = _role(workbook)
    editor = _editor(qtbot, workbook, role_id)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, _a="": asked.append(text))
    click(qtbot, editor.remove_round_button)
    assert asked and "questions" in asked[0]
    assert len(_saved(workbook, role_id).rounds) == editor.rounds_list.count() == 4


def test_duration_and_competencies_are_saved_as_they_change(
    qtbot: QtBot, workbook: Workbook
) -> None:
    role_id = _role(workbook, "mid")
    editor = _editor(qtbot, workbook, role_id)
    round_id = _saved(workbook, role_id).rounds[0].id
    spin = editor.round_form.duration_spin
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "75")
    assert _saved(workbook, role_id).round(round_id).duration_minutes == 30  # still typing
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert _saved(workbook, role_id).round(round_id).duration_minutes == 75
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert _saved(workbook, role_id).round(round_id).duration_minutes == 80
    assert editor.rounds_list.item(0).text() == "Phone screen (80 min)"

    learning = editor.round_form.competency_boxes["learning"]
    qtbot.mouseClick(learning, Qt.MouseButton.LeftButton, pos=QPoint(8, learning.height() // 2))
    communication = editor.round_form.competency_boxes["communication"]
    communication.setFocus()
    qtbot.keyClick(communication, Qt.Key.Key_Space)
    assert _saved(workbook, role_id).round(round_id).competencies == ("motivation", "learning")


def test_rounds_move_with_buttons_and_keys(qtbot: QtBot, workbook: Workbook) -> None:
    role_id = _role(workbook, "lead")
    editor = _editor(qtbot, workbook, role_id)
    names = [r.name for r in _saved(workbook, role_id).rounds]
    assert not editor.round_up_button.isEnabled()
    click(qtbot, editor.round_down_button)
    assert [r.name for r in _saved(workbook, role_id).rounds][:2] == [names[1], names[0]]
    assert editor.rounds_list.currentRow() == 1  # the moved round stays selected
    editor.rounds_list.setFocus()
    qtbot.keyClick(editor.rounds_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in _saved(workbook, role_id).rounds] == names
    assert editor.rounds_list.currentRow() == 0


def test_questions_are_added_from_the_bank(qtbot: QtBot, workbook: Workbook) -> None:
    role_id = _role(workbook, "senior", "senior-backend-developer")
    editor = _editor(qtbot, workbook, role_id)
    _click_row(qtbot, editor.rounds_list, 1)
    round_id = _saved(workbook, role_id).rounds[1].id
    before = editor.questions_list.count()
    seen: dict[str, object] = {}

    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, BankPickerDialog)
        listed = dialog.questions()
        seen["refs"] = {q.ref for q in listed}
        seen["junior_only"] = [q for q in listed if "senior" not in q.seniorities]
        type_into(qtbot, dialog.search_edit, "IDEMPOTENCY")
        seen["count"] = dialog.list.count()
        seen["after_search"] = dialog.count_label.text()
        type_into(qtbot, dialog.search_edit, "one run in five")
        assert dialog.list.count() == 1
        assert dialog.strong_label.text() == builtin_question("testing-flaky-tests").strong
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    _modal(qtbot, pick)
    click(qtbot, editor.from_bank_button)
    # The round already asks the idempotency question, so the search finds nothing.
    assert seen["count"] == 0 and "No questions match" in str(seen["after_search"])
    assert "bank:apis-idempotency" not in seen["refs"]  # type: ignore[operator]
    assert seen["junior_only"] == []
    questions = _saved(workbook, role_id).round(round_id).questions
    assert len(questions) == before + 1
    assert questions[-1].bank_key == "testing-flaky-tests"
    assert editor.questions_list.currentRow() == before
    assert editor.strong_label.text() == builtin_question("testing-flaky-tests").strong


def test_the_picker_widens_to_other_competencies_and_seniorities(
    qtbot: QtBot, workbook: Workbook
) -> None:
    role_id = _role(workbook, "junior")
    editor = _editor(qtbot, workbook, role_id)
    _click_row(qtbot, editor.rounds_list, 1)

    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, BankPickerDialog)
        assert all(q.competency != "system_design" for q in dialog.questions())
        combo = dialog.competency_filter
        combo.setFocus()
        qtbot.keyClicks(combo, "System design")
        assert dialog.list.count() == 0  # nothing for juniors
        qtbot.keyClicks(dialog.seniority_filter, "Lead")
        listed = dialog.questions()
        assert listed and all(q.competency == "system_design" for q in listed)
        _click_row(qtbot, dialog.list, 0)
        qtbot.mouseClick(
            dialog.list.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            dialog.list.visualItemRect(dialog.list.item(1)).center(),
        )
        assert len(dialog.selected_refs()) == 2
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    _modal(qtbot, pick)
    click(qtbot, editor.from_bank_button)
    added = _saved(workbook, role_id).rounds[1].questions[-2:]
    assert [q.competency for q in added] == ["system_design", "system_design"]


def test_own_questions_are_typed_with_errors_at_the_field(qtbot: QtBot, workbook: Workbook) -> None:
    role_id = _role(workbook, "mid")
    editor = _editor(qtbot, workbook, role_id)
    round_id = _saved(workbook, role_id).rounds[0].id
    errors: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, QuestionDialog)
        assert not dialog.fields["seniorities"].isVisible()
        assert dialog.competency_combo.currentData() == "communication"  # the round's first
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        assert dialog.isVisible()
        errors.append(dialog.fields["text"].error.text())
        qtbot.keyClicks(dialog.text_edit, "Tell us about <b>your</b> last on-call shift.")
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.strong_edit, "Calm & <i>specific</i>.")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    _modal(qtbot, fill)
    click(qtbot, editor.own_question_button)
    assert errors == ["Is empty"]
    last = _saved(workbook, role_id).round(round_id).questions[-1]
    assert (last.text, last.strong, last.bank_key) == (
        "Tell us about <b>your</b> last on-call shift.",
        "Calm & <i>specific</i>.",
        None,
    )
    # User text is shown as typed, never as markup.
    assert editor.strong_label.textFormat() == Qt.TextFormat.PlainText
    assert editor.strong_label.text() == "Calm & <i>specific</i>."
    assert editor.questions_list.currentItem().text().endswith("<b>your</b> last on-call shift.")


def test_questions_are_edited_moved_and_removed(qtbot: QtBot, workbook: Workbook) -> None:
    role_id = _role(workbook, "mid", "backend-developer")
    editor = _editor(qtbot, workbook, role_id)
    _click_row(qtbot, editor.rounds_list, 1)
    round_id = _saved(workbook, role_id).rounds[1].id
    original = [q.text for q in _saved(workbook, role_id).round(round_id).questions]

    def reword(dialog: QWidget) -> None:
        assert isinstance(dialog, QuestionDialog)
        assert dialog.text_edit.toPlainText() == original[1]
        dialog.text_edit.selectAll()
        qtbot.keyClicks(dialog.text_edit, "Reworded?")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    _click_row(qtbot, editor.questions_list, 1)
    _modal(qtbot, reword)
    qtbot.keyClick(editor.questions_list, Qt.Key.Key_Return)  # Return opens the question
    texts = [q.text for q in _saved(workbook, role_id).round(round_id).questions]
    assert texts == [original[0], "Reworded?", *original[2:]]
    assert editor.questions_list.currentRow() == 1
    # Back from the dialog (a window manager reactivates the editor), the list has focus.
    activate(qtbot, editor)
    assert editor.questions_list.hasFocus()

    qtbot.keyClick(editor.questions_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    texts = [q.text for q in _saved(workbook, role_id).round(round_id).questions]
    assert texts[:2] == ["Reworded?", original[0]]
    click(qtbot, editor.question_down_button)
    assert [q.text for q in _saved(workbook, role_id).round(round_id).questions][:2] == [
        original[0],
        "Reworded?",
    ]
    editor.questions_list.setFocus()
    qtbot.keyClick(editor.questions_list, Qt.Key.Key_Delete)  # answered "Remove"
    texts = [q.text for q in _saved(workbook, role_id).round(round_id).questions]
    assert texts == [original[0], *original[2:]]
    assert editor.questions_list.currentRow() == 1


def test_the_demo_plan_opens_and_can_be_edited(qtbot: QtBot, demo: Workbook) -> None:
    role = next(r for r in role_records.list_roles(demo) if r.title == "Backend Developer")
    editor = _editor(qtbot, demo, role.id)
    assert [t.split(" (")[0] for t in _texts(editor.rounds_list)] == [
        "Phone screen",
        "Technical interview",
        "Team fit",
    ]
    _click_row(qtbot, editor.rounds_list, 2)
    click(qtbot, editor.remove_question_button)
    assert len(_saved(demo, role.id).rounds[2].questions) == 1
    assert editor.questions_list.count() == 1


def test_a_round_removed_meanwhile_is_reported_and_the_plan_reloaded(
    qtbot: QtBot, workbook: Workbook, answered_questions: list[str]
) -> None:
    role_id = _role(workbook, "mid")
    editor = _editor(qtbot, workbook, role_id)
    _click_row(qtbot, editor.rounds_list, 1)
    gone = _saved(workbook, role_id).rounds[1]
    plans.remove_round(workbook, gone.id)  # e.g. from another part of the app
    click(qtbot, editor.remove_question_button)
    assert answered_questions[-1] == "Plan Not Changed"
    assert editor.rounds_list.count() == len(_saved(workbook, role_id).rounds) == 2
    assert all(gone.name not in text for text in _texts(editor.rounds_list))
