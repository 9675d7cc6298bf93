"""New Role keeps a half-filled form: Escape asks Save / Discard / Cancel, popups first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, overview_read, press, type_into, when_modal

from hiring_desk.services.roles import role_records
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui import messages
from hiring_desk.ui.roles.role_dialog import RoleDialog
from hiring_desk.ui.roles.roles_page import RolesPage

#: The real question, before the autouse fixture answers it with Discard.
REAL_QUESTION = messages.ask_unsaved_changes


@pytest.fixture
def page(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> RolesPage:
    create_workbook(tmp_path / "unsaved.hiringdesk").close()
    window = make_window(tmp_path / "unsaved.hiringdesk")
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    roles = window.pages["roles"]
    assert isinstance(roles, RolesPage)
    return overview_read(qtbot, roles)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The real prompt is shown; ``answer_prompt`` records its text here."""
    monkeypatch.setattr(messages, "ask_unsaved_changes", REAL_QUESTION)
    return []


def on_role_dialog(qtbot: QtBot, act: Callable[[RoleDialog], None]) -> None:
    """Run ``act`` on the role dialog once it opens; if ``act`` fails, the dialog is
    closed without the real prompt (nobody would answer it)."""

    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, RoleDialog)
        try:
            dialog.activateWindow()  # keys reach the window that is active
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.discard_changes()

    when_modal(qtbot, run, RoleDialog)


def answer_prompt(qtbot: QtBot, shown: list[str], button: QMessageBox.StandardButton) -> None:
    """Click ``button`` in the unsaved-changes prompt as soon as it opens."""

    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "unsaved_changes_prompt"
        shown.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    when_modal(qtbot, click, QMessageBox, close_after=True)


def escape(qtbot: QtBot, dialog: QWidget) -> None:
    """Escape pressed in ``dialog``'s window, delivered as the keyboard would."""
    handle = dialog.windowHandle()
    assert handle is not None
    qtbot.keyClick(handle, Qt.Key.Key_Escape)


def test_escape_on_a_completer_closes_only_the_popup_then_asks(
    page: RolesPage, qtbot: QtBot, asked: list[str]
) -> None:
    states: list[str] = []

    def fill(dialog: RoleDialog) -> None:
        type_into(qtbot, dialog.title, "Data Engineer")
        dialog.tabs.setCurrentIndex(2)
        dialog.skills.entry.setFocus()
        qtbot.keyClicks(dialog.skills.entry, "pyth")
        popup = dialog.skills.entry.completer().popup()
        qtbot.waitUntil(popup.isVisible, timeout=2000)
        escape(qtbot, dialog)  # the open list gets it, as it would from the keyboard
        states.append(f"popup {popup.isVisible()}, dialog {dialog.isVisible()}, {len(asked)}")
        answer_prompt(qtbot, asked, QMessageBox.StandardButton.Cancel)
        escape(qtbot, dialog)
        states.append(f"after cancel: dialog {dialog.isVisible()}, {len(asked)}")
        answer_prompt(qtbot, asked, QMessageBox.StandardButton.Discard)
        escape(qtbot, dialog)
        states.append(f"after discard: dialog {dialog.isVisible()}, {len(asked)}")

    on_role_dialog(qtbot, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert states == [
        "popup False, dialog True, 0",
        "after cancel: dialog True, 1",
        "after discard: dialog False, 2",
    ]
    assert "New Role has changes that are not saved" in asked[0]
    assert role_records.list_roles(page._workbook) == []  # type: ignore[arg-type]


def test_save_in_the_prompt_saves_or_stays_open_with_the_message(
    page: RolesPage, qtbot: QtBot, asked: list[str]
) -> None:
    states: list[str] = []

    def fill(dialog: RoleDialog) -> None:
        type_into(qtbot, dialog.location, "Cork")  # no title yet: Save is refused
        answer_prompt(qtbot, asked, QMessageBox.StandardButton.Save)
        escape(qtbot, dialog)
        states.append(f"{dialog.isVisible()}: {dialog._fields['title'].error.text()}")
        type_into(qtbot, dialog.title, "Data Engineer")
        answer_prompt(qtbot, asked, QMessageBox.StandardButton.Save)
        escape(qtbot, dialog)
        states.append(f"{dialog.isVisible()}")

    on_role_dialog(qtbot, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert len(states) == 2 and len(asked) == 2, states
    assert states[0].startswith("True: ") and "required" in states[0]
    assert states[1] == "False"
    roles = role_records.list_roles(page._workbook)  # type: ignore[arg-type]
    assert [(r.title) for r in roles] == ["Data Engineer"]


def test_an_unchanged_form_closes_at_once_on_escape(
    page: RolesPage, qtbot: QtBot, asked: list[str]
) -> None:
    closed: list[bool] = []

    def look_and_leave(dialog: RoleDialog) -> None:
        dialog.tabs.setCurrentIndex(1)
        escape(qtbot, dialog)
        closed.append(not dialog.isVisible())

    on_role_dialog(qtbot, look_and_leave)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert closed == [True] and asked == []


def test_the_first_click_on_add_skill_adds_while_completions_are_shown(
    page: RolesPage, qtbot: QtBot
) -> None:
    added: list[object] = []

    def add(dialog: RoleDialog) -> None:
        dialog.tabs.setCurrentIndex(2)
        dialog.skills.entry.setFocus()
        qtbot.keyClicks(dialog.skills.entry, "python")
        popup = dialog.skills.entry.completer().popup()
        qtbot.waitUntil(popup.isVisible, timeout=2000)
        button = dialog.skills.add_button
        # Through the window, as a real click arrives (the open list gets it first).
        handle = dialog.windowHandle()
        assert handle is not None
        qtbot.mouseClick(
            handle, Qt.MouseButton.LeftButton, pos=button.mapTo(dialog, button.rect().center())
        )
        added.extend(dialog.skills.entries())
        added.append(popup.isVisible())

    on_role_dialog(qtbot, add)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert [getattr(a, "skill", a) for a in added] == ["Python", False]


def test_the_job_description_editor_asks_and_saves_a_version(
    page: RolesPage, qtbot: QtBot, asked: list[str]
) -> None:
    from hiring_desk.services.roles import job_descriptions
    from hiring_desk.services.roles.briefs import RoleBrief
    from hiring_desk.ui.roles.jd_editor import JDEditor

    wb = page._workbook
    assert wb is not None
    role = role_records.create_role(wb, RoleBrief(title="Data Engineer"))
    editor = JDEditor(None, wb, role.id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=2000)
    editor.editor.setFocus()
    qtbot.keyClicks(editor.editor, "# Data Engineer")
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.editor, "Build our pipelines.")
    answer_prompt(qtbot, asked, QMessageBox.StandardButton.Cancel)
    escape(qtbot, editor)
    assert editor.isVisible() and len(asked) == 1
    answer_prompt(qtbot, asked, QMessageBox.StandardButton.Save)
    escape(qtbot, editor)
    assert not editor.isVisible() and len(asked) == 2
    latest = job_descriptions.latest_version(wb, role.id)
    assert latest is not None and "Build our pipelines." in latest.body
