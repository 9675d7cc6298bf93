"""A Save chooser pointed at the open workbook is refused with a message (issue #14).

Qt's dialog already asks before replacing an ordinary file; what it cannot know
is that the file is the workbook (or a link to it). Nothing is written then.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.services.offers.letter_setup import add_offer, stored_offer
from tests.ui.conftest import MakeWindow, menu_action

from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.roles.jd_publishing import JDFormat
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.store import Workbook
from hiring_desk.store.integrity import check_workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.offers.offer_letter_dialog import OfferLetterDialog
from hiring_desk.ui.roles.jd_editor import JDEditor


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The (title, text) of every error message shown."""
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> None:
        shown.append((title, text))

    monkeypatch.setattr(messages, "show_error", record)
    return shown


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_save_chooser_refuses_a_link_to_the_open_workbook(
    qtbot: QtBot,
    workbook: Workbook,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, str]],
) -> None:
    role = role_records.create_role(workbook, RoleBrief(title="Data Engineer"))
    editor = JDEditor(None, workbook, role.id)
    qtbot.addWidget(editor)
    editor.show()
    link = tmp_path / "Data Engineer.pdf"
    link.symlink_to(workbook.path)
    monkeypatch.setattr(
        file_dialogs.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(link), "")
    )
    before = digest(workbook.path)
    editor.export_actions[JDFormat.PDF].trigger()
    ((title, text),) = errors
    assert title == "Cannot Save Here"
    assert text.startswith(f"Hiring Desk will not write to {link}: it is a link to ")
    assert "the workbook itself" in text
    assert not editor.status.text().startswith("Exported")
    assert link.is_symlink() and digest(workbook.path) == before
    editor.close()


def test_a_letter_saved_over_the_open_workbook_is_refused(
    qtbot: QtBot,
    workbook: Workbook,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, str]],
) -> None:
    """Even past the chooser (patched here), the service refuses and the dialog says why."""
    offer_id = add_offer(workbook)
    dialog = OfferLetterDialog(workbook, offer_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(file_dialogs, "ask_save_pdf", lambda *_a: workbook.path)
    before = digest(workbook.path)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.operation is None)
    ((title, text),) = errors
    assert title == "Letter Not Saved"
    assert text == (
        f"Could not write {workbook.path.name}: it is the workbook itself; choose another file name"
    )
    assert digest(workbook.path) == before and check_workbook(workbook.path).ok
    assert stored_offer(workbook, offer_id).printed_at is None
    dialog.close()


def test_save_a_copy_over_a_hard_link_to_the_workbook_is_refused(
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, str]],
) -> None:
    path = tmp_path / "hire.hiringdesk"
    create_workbook(path).close()
    window = make_window(path)
    hard = tmp_path / "hire copy.hiringdesk"
    os.link(path, hard)
    monkeypatch.setattr(file_dialogs, "ask_save_copy", lambda *_a: hard)
    menu_action(window, "File", "Save a Copy…").trigger()
    ((title, text),) = errors
    assert title == "Cannot Save a Copy" and "the workbook itself" in text
    assert path.samefile(hard) and check_workbook(path).ok
