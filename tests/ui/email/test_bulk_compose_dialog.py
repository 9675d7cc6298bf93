"""The bulk dialog: the first candidate's message, then one draft each (folder or mbox)."""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.services.email.email_setup import (
    Setup,
    add_candidate,
    candidate_with_everything,
    parse_eml,
)

from hiring_desk.services.email.messages import messages_of
from hiring_desk.store import Workbook
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.email import bulk
from hiring_desk.ui.email.bulk import BulkComposeDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def people(workbook: Workbook) -> tuple[Setup, int]:
    setup = candidate_with_everything(workbook)
    return setup, add_candidate(workbook, "Ana Sousa", "ana@example.pt", setup.role_id)


def _dialog(qtbot: QtBot, workbook: Workbook, people: tuple[Setup, int]) -> BulkComposeDialog:
    setup, other = people
    dialog = BulkComposeDialog(
        workbook, [setup.candidate_id, other], setup.sender_id, "rejection-after-screening"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_folder_gets_one_draft_per_candidate(
    qtbot: QtBot,
    workbook: Workbook,
    people: tuple[Setup, int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    monkeypatch.setattr(bulk, "ask_folder", lambda _parent: folder)
    dialog = _dialog(qtbot, workbook, people)
    assert dialog.count.text() == "2 candidates; the first one's message:"
    assert dialog.body.toPlainText().startswith("Hi Ζωή,")
    qtbot.keyClicks(dialog.reason, "The role has closed.")
    qtbot.waitUntil(lambda: "The role has closed." in dialog.body.toPlainText())
    qtbot.mouseClick(dialog.make_button, LEFT)
    drafts = sorted(folder.iterdir())
    assert len(drafts) == 2
    for path in drafts:
        body = parse_eml(path).get_body(("plain",))
        assert body is not None and "The role has closed." in body.get_content()
    setup, other = people
    assert [len(messages_of(workbook, c)) for c in (setup.candidate_id, other)] == [1, 1]


def test_an_mbox_holds_them_all(
    qtbot: QtBot,
    workbook: Workbook,
    people: tuple[Setup, int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    out = tmp_path / "all.mbox"

    def ask(_parent: QWidget | None, _start: Path, _label: str, suffix: str) -> Path:
        assert suffix == ".mbox"
        return out

    monkeypatch.setattr(file_dialogs, "ask_export_path", ask)
    dialog = _dialog(qtbot, workbook, people)
    # on the button's circle and label, at its left (the row is wider than its text)
    qtbot.mouseClick(dialog.to_mbox, LEFT, pos=QPoint(8, dialog.to_mbox.height() // 2))
    assert dialog.to_mbox.isChecked()
    qtbot.mouseClick(dialog.make_button, LEFT)
    assert len(mailbox.mbox(out)) == 2


def test_a_candidate_without_an_address_stops_it_all(
    qtbot: QtBot,
    workbook: Workbook,
    people: tuple[Setup, int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    setup, _other = people
    nobody = add_candidate(workbook, "Bo Li", "", setup.role_id)
    shown: list[str] = []
    folder = tmp_path / "drafts"
    folder.mkdir()
    monkeypatch.setattr(bulk, "ask_folder", lambda _parent: folder)
    monkeypatch.setattr(
        "hiring_desk.ui.operations.messages.show_error",
        lambda _parent, _title, text, *_a: shown.append(text),
    )
    dialog = BulkComposeDialog(workbook, [setup.candidate_id, nobody], setup.sender_id)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.make_button, LEFT)
    assert list(folder.iterdir()) == []
    assert shown and "Bo Li" in shown[0]
