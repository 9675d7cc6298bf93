"""Standard shortcuts and Help ▸ Keyboard Shortcuts…, by real keystrokes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, overview_read, press, type_into, when_modal

from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.workbook.opening import create_workbook, open_workbook
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.roles.roles_page import RolesPage
from hiring_desk.ui.shortcuts import ShortcutsDialog, collect, key_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    create_workbook(tmp_path / "keys.hiringdesk").close()
    return make_window(tmp_path / "keys.hiringdesk")


def native(text: str) -> str:
    return key_text([QKeySequence(text)])


def read_shortcuts(qtbot: QtBot, window: MainWindow) -> list[tuple[str, str, str]]:
    """Open the list with Ctrl+/ and read its lines (after typing ``typed`` in its filter)."""
    rows: list[tuple[str, str, str]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, ShortcutsDialog)
        rows.extend(dialog.rows())
        type_into(qtbot, dialog.filter, "undo")
        filtered = dialog.rows()
        assert filtered and all("undo" in " ".join(row).casefold() for row in filtered)
        assert len(filtered) < len(rows)
        dialog.reject()

    when_modal(qtbot, read, ShortcutsDialog)
    press(qtbot, window, Qt.Key.Key_Slash, CTRL)
    qtbot.waitUntil(lambda: bool(rows), timeout=3000)
    return rows


def test_ctrl_slash_lists_every_shortcut_of_the_window(qtbot: QtBot, window: MainWindow) -> None:
    rows = read_shortcuts(qtbot, window)
    keys_of = {what: keys for keys, what, _where in rows}
    assert native("Ctrl+Z") in keys_of["Undo"]
    assert native("Ctrl+Shift+Z") in keys_of["Redo"]
    assert native("Ctrl+F") in keys_of["Find Candidates"]
    assert native("Ctrl+3") in keys_of["3 Candidates"]
    assert native("Ctrl+/") in keys_of["Keyboard Shortcuts…"]
    assert native("F1") in keys_of["User Guide"]
    assert ("Edit menu") in {where for _keys, what, where in rows if what == "Undo"}
    assert (native("Del"), "Delete the selected candidate", "Candidates") in rows
    assert (native("Return"), "Edit the selected role", "Roles") in rows
    assert (native("Del"), "Remove the selected team member", "Team & Company") in rows


def test_the_list_is_read_from_the_window(window: MainWindow) -> None:
    """A shortcut added to a page shows up without anyone writing it down."""
    page = window.pages["offers"]
    extra = QShortcut(QKeySequence("Ctrl+Alt+J"), page)
    extra.setWhatsThis("Jump somewhere")
    entries = collect(window, window.desktop.places())
    assert any(
        e.what == "Jump somewhere" and e.where == "Offers" and e.key_text == native("Ctrl+Alt+J")
        for e in entries
    )


def test_every_page_shortcut_says_what_it_does(window: MainWindow) -> None:
    for shortcut in window.findChildren(QShortcut):
        assert shortcut.whatsThis(), shortcut.parent().objectName()


def test_ctrl_f_goes_to_the_candidate_search(qtbot: QtBot, window: MainWindow) -> None:
    assert window.current_area() == "roles"
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    assert window.current_area() == "candidates"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.filters.search, timeout=2000)


def test_f5_reads_the_area_again(qtbot: QtBot, window: MainWindow) -> None:
    assert window.workbook is not None
    role_records.create_role(window.workbook, RoleBrief(title="Platform Engineer"))
    page = window.pages["roles"]
    assert isinstance(page, RolesPage)
    overview_read(qtbot, page)
    assert page.model.rowCount() == 0  # written behind the window's back
    press(qtbot, window, Qt.Key.Key_F5)
    overview_read(qtbot, page)
    assert [r.title for r in page.model.rows()] == ["Platform Engineer"]


def test_closing_the_workbook_shows_the_welcome_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    press(qtbot, window, Qt.Key.Key_W, CTRL)
    assert window.workbook is None
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.new_button.isVisible() and window.welcome.open_button.isVisible()
    assert not window.close_action.isEnabled()
    open_workbook(tmp_path / "keys.hiringdesk").close()  # the lock was released
