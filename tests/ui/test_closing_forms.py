"""Every form dialog asks before Escape throws away what was entered, and closes at once
when nothing was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.services.interviews.scorecard_setup import book
from tests.ui.form_dialogs_setup import DIALOGS

from hiring_desk.store import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.unsaved_changes import FormDialog

FORMS = [name for name in DIALOGS if name != "pack"]  # the pack dialog prints, keeps nothing


def shown(qtbot: QtBot, workbook: Workbook, name: str) -> FormDialog:
    dialog = DIALOGS[name](workbook, book(workbook))
    assert isinstance(dialog, FormDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def escape(qtbot: QtBot, dialog: QWidget) -> None:
    handle = dialog.windowHandle()
    assert handle is not None
    qtbot.keyClick(handle, Qt.Key.Key_Escape)


def change_by_keys(qtbot: QtBot, dialog: QWidget) -> None:
    """Type into the first text field, or else tick the first box or step the first
    combo, spin box or date."""
    usable = [w for w in dialog.findChildren(QWidget) if w.isVisible() and w.isEnabled()]
    for widget in usable:
        inside = isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox))
        if isinstance(widget, QLineEdit) and not widget.isReadOnly() and not inside:
            widget.setFocus()
            qtbot.keyClicks(widget, "Typed by hand")
            return
        if isinstance(widget, QPlainTextEdit) and not widget.isReadOnly():
            widget.setFocus()
            qtbot.keyClicks(widget, "Typed by hand")
            return
    for widget in usable:
        if isinstance(widget, QCheckBox):
            widget.setFocus()
            qtbot.keyClick(widget, Qt.Key.Key_Space)
            return
        if isinstance(widget, (QComboBox, QAbstractSpinBox)):
            widget.setFocus()
            qtbot.keyClick(widget, Qt.Key.Key_Down)
            qtbot.keyClick(widget, Qt.Key.Key_Up)
            qtbot.keyClick(widget, Qt.Key.Key_Up)
            return
    raise AssertionError("nothing to change")


@pytest.mark.parametrize("name", FORMS)
def test_escape_with_typed_text_asks_and_cancel_keeps_it(
    name: str, qtbot: QtBot, workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown(qtbot, workbook, name)
    asked: list[str] = []
    answers = [messages.CANCEL, messages.DISCARD]

    def answer(_parent: QWidget | None, form: str) -> str:
        asked.append(form)
        return answers.pop(0)

    monkeypatch.setattr(messages, "ask_unsaved_changes", answer)
    change_by_keys(qtbot, dialog)
    assert dialog.has_unsaved_changes()
    escape(qtbot, dialog)
    assert dialog.isVisible() and dialog.has_unsaved_changes()
    escape(qtbot, dialog)
    assert not dialog.isVisible()
    assert asked == [dialog.windowTitle()] * 2


@pytest.mark.parametrize("name", FORMS)
def test_escape_on_an_untouched_form_closes_at_once(
    name: str, qtbot: QtBot, workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown(qtbot, workbook, name)
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask_unsaved_changes", lambda _p, form: asked.append(form))
    escape(qtbot, dialog)
    assert not dialog.isVisible() and asked == []
