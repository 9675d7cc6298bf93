"""Acting as: the team member chosen at start-up or in the status bar, recorded in the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, when_modal

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common import audit
from hiring_desk.services.team import team_members
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui import messages
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.settings import NOBODY, Settings
from hiring_desk.ui.team import acting_member
from hiring_desk.ui.team.acting_member import ActingMemberDialog
from hiring_desk.ui.team.team_company_page import TeamCompanyPage

#: The real question (the UI conftest answers it with "skip" for every other test).
REAL_ASK = acting_member.ask_who_is_acting


@pytest.fixture
def team_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "team_members.hiringdesk"
    with create_workbook(path) as workbook:
        team_members.add_member(workbook, "Ana Ribeiro", "Director")
        team_members.add_member(workbook, "Zed Quinn", "Developer")
    return path


def no_question(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    asked: list[object] = []
    monkeypatch.setattr(acting_member, "ask_who_is_acting", lambda *args: asked.append(args))
    return asked


def button(dialog: QWidget, text: str) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    found = next(b for b in box.buttons() if b.text() == text)
    assert isinstance(found, QPushButton)
    return found


def latest_who(window: MainWindow) -> str:
    assert window.workbook is not None
    return audit.list_events(window.workbook, limit=1)[0].who


def test_asked_at_start_up_then_changes_are_recorded_by_the_chosen_member(
    make_window: MakeWindow, team_workbook: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(acting_member, "ask_who_is_acting", REAL_ASK)
    seen: list[str] = []

    def choose_zed(dialog: QWidget) -> None:
        assert isinstance(dialog, ActingMemberDialog)
        seen.extend(dialog.choices.itemText(i) for i in range(dialog.choices.count()))
        dialog.choices.setFocus()
        qtbot.keyClick(dialog.choices, Qt.Key.Key_Down)
        qtbot.mouseClick(button(dialog, "Continue"), Qt.MouseButton.LeftButton)

    when_modal(qtbot, choose_zed, ActingMemberDialog)
    window = make_window(team_workbook)

    assert seen == ["Ana Ribeiro (Director)", "Zed Quinn (Developer)"]
    box = window.acting_member
    assert box.isVisible() and box.combo.currentText() == "Zed Quinn (Developer)"
    assert window.workbook is not None
    candidate_records.create_candidate(window.workbook, CandidateInput(name="Kofi Mensah"))
    assert latest_who(window) == "Zed Quinn"


def test_the_choice_is_remembered_for_the_workbook(
    make_window: MakeWindow, team_workbook: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = no_question(monkeypatch)
    window = make_window(team_workbook)
    combo = window.acting_member.combo
    assert asked and combo.currentText() == "nobody chosen"  # skipped (see no_question)

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Ana, by keyboard: "activated" fires
    assert combo.currentText() == "Ana Ribeiro (Director)"
    assert window.workbook is not None
    ana = team_members.list_members(window.workbook)[0]
    assert Settings().acting_member(team_workbook) == ana.id
    team_members.update_member(window.workbook, ana.id, "Ana Ribeiro", "Managing Director")
    assert latest_who(window) == "Ana Ribeiro"
    window.close()

    asked.clear()
    again = make_window(team_workbook)
    assert asked == []
    assert again.acting_member.combo.currentText() == "Ana Ribeiro (Managing Director)"
    assert again.workbook is not None and again.workbook.acting_member_id == ana.id


def test_skipping_is_remembered_and_not_asked_again(
    make_window: MakeWindow, team_workbook: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(acting_member, "ask_who_is_acting", REAL_ASK)
    when_modal(
        qtbot,
        lambda d: qtbot.mouseClick(button(d, "Skip"), Qt.MouseButton.LeftButton),
        ActingMemberDialog,
    )
    window = make_window(team_workbook)
    assert window.workbook is not None and window.workbook.acting_member_id is None
    assert Settings().acting_member(team_workbook) == NOBODY
    window.close()

    asked = no_question(monkeypatch)
    make_window(team_workbook)
    assert asked == []


def test_an_empty_team_is_not_asked_about(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_workbook(tmp_path / "new.hiringdesk").close()
    asked = no_question(monkeypatch)

    window = make_window(tmp_path / "new.hiringdesk")

    assert asked == []
    combo = window.acting_member.combo
    assert combo.currentText() == "nobody chosen" and not combo.isEnabled()


def test_the_combo_follows_the_team_page(
    make_window: MakeWindow, team_workbook: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_question(monkeypatch)
    window = make_window(team_workbook)
    combo = window.acting_member.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Zed Quinn (Developer)"
    page = window.pages["team"]
    assert isinstance(page, TeamCompanyPage)
    window.show_area("team")
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)

    page.team.table.selectRow(1)  # Zed, the acting member, leaves the team
    qtbot.mouseClick(page.team.remove_button, Qt.MouseButton.LeftButton)

    assert [combo.itemText(i) for i in range(combo.count())] == [
        "nobody chosen",
        "Ana Ribeiro (Director)",
    ]
    assert combo.currentText() == "nobody chosen"
    assert window.workbook is not None and window.workbook.acting_member_id is None
