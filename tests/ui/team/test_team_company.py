"""The Team & Company page, driven with real clicks and keystrokes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, click_button, press, type_into, when_modal, workbook_of

from hiring_desk.services.common import time_zones
from hiring_desk.services.team import company, team_members
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change, change_hub
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.team.member_dialog import MemberDialog
from hiring_desk.ui.team.team_company_page import TeamCompanyPage


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    create_workbook(tmp_path / "team_members.hiringdesk").close()
    win: MainWindow = make_window(tmp_path / "team_members.hiringdesk")
    press(qtbot, win, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert win.current_area() == "team"
    return win


def page(window: MainWindow) -> TeamCompanyPage:
    result = window.pages["team"]
    assert isinstance(result, TeamCompanyPage)
    return result


def test_add_member_shows_field_errors_then_saves(window: MainWindow, qtbot: QtBot) -> None:
    team_page = page(window).team
    seen_errors: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MemberDialog)
        type_into(qtbot, dialog.name_edit, "Ines Duarte")
        type_into(qtbot, dialog.title_edit, "Engineering Lead")
        type_into(qtbot, dialog.email_edit, "ines-at-example")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        # Refused: the dialog stays open with the message under the email field.
        assert dialog.isVisible()
        error = dialog._fields["email"].error
        assert error.isVisible()
        seen_errors.append(error.text())
        assert team_members.list_members(window.workbook) == []  # type: ignore[arg-type]
        type_into(qtbot, dialog.email_edit, "ines@example.com")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, fill)
    qtbot.mouseClick(team_page.add_button, Qt.MouseButton.LeftButton)
    assert seen_errors and "@" in seen_errors[0]
    members = team_members.list_members(window.workbook)  # type: ignore[arg-type]
    assert [(m.name, m.title, m.email) for m in members] == [
        ("Ines Duarte", "Engineering Lead", "ines@example.com")
    ]
    assert team_page.model.rowCount() == 1
    assert team_page.selected_member() == members[0]


def test_edit_member_by_double_click(window: MainWindow, qtbot: QtBot) -> None:
    team_members.add_member(window.workbook, "Tomás Byrne", "Founder")  # type: ignore[arg-type]
    team_page = page(window).team
    team_page.refresh()

    def retitle(dialog: QWidget) -> None:
        assert isinstance(dialog, MemberDialog)
        assert dialog.name_edit.text() == "Tomás Byrne"
        type_into(qtbot, dialog.title_edit, "Founder & CEO")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, retitle)
    table = team_page.table
    rect = table.visualRect(team_page.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [m.title for m in team_members.list_members(window.workbook)] == ["Founder & CEO"]  # type: ignore[arg-type]
    assert team_page.model.row(0).title == "Founder & CEO"


def test_remove_member_asks_and_refuses_the_signatory(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = workbook_of(window)
    signer = team_members.add_member(wb, "Ana Ribeiro", "Director")
    team_members.add_member(wb, "Zed Quinn", "Developer")
    company.update_company(
        wb, name="Acme", address="", signatory_id=signer.id, default_currency="EUR", locale="en_IE"
    )
    team_page = page(window).team
    team_page.refresh()
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    warnings: list[str] = []
    monkeypatch.setattr(messages, "show_warning", lambda _p, _t, text: warnings.append(text))

    team_page.table.selectRow(0)  # Ana, the signatory
    qtbot.mouseClick(team_page.remove_button, Qt.MouseButton.LeftButton)
    assert warnings and "Ana Ribeiro" in warnings[0] and "signatory" in warnings[0]
    assert len(team_members.list_members(wb)) == 2

    team_page.table.selectRow(1)
    team_page.table.setFocus()
    qtbot.keyClick(team_page.table, Qt.Key.Key_Delete)
    assert [m.name for m in team_members.list_members(wb)] == ["Ana Ribeiro"]
    assert team_page.model.rowCount() == 1


def test_remove_can_be_cancelled(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    team_members.add_member(window.workbook, "Kim Lee")  # type: ignore[arg-type]
    team_page = page(window).team
    team_page.refresh()
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: False)
    team_page.table.selectRow(0)
    qtbot.mouseClick(team_page.remove_button, Qt.MouseButton.LeftButton)
    assert len(team_members.list_members(window.workbook)) == 1  # type: ignore[arg-type]


def test_company_profile_saves_typed_values(window: MainWindow, qtbot: QtBot) -> None:
    wb = workbook_of(window)
    team_members.add_member(wb, "Ana Ribeiro", "Director")
    the_page = page(window)
    change_hub().announce(Change.TEAM)  # as an operation elsewhere does
    form = the_page.company
    the_page.tabs.setCurrentWidget(form)
    assert not form.save_button.isEnabled()
    type_into(qtbot, form.name_edit, "Harbour Software Ltd")
    form.address_edit.setFocus()
    qtbot.keyClicks(form.address_edit, "12 Quay Street")
    qtbot.keyClick(form.address_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(form.address_edit, "Galway")
    form.signatory_combo.setFocus()
    qtbot.keyClick(form.signatory_combo, Qt.Key.Key_Down)
    type_into(qtbot, form.currency_combo.lineEdit(), "usd")
    type_into(qtbot, form.locale_combo.lineEdit(), "en_IE")
    type_into(qtbot, form.timezone_combo.lineEdit(), "europe/dublin")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert time_zones.default_timezone(wb) == "Europe/Dublin"
    info = company.get_company(wb)
    assert info.name == "Harbour Software Ltd"
    assert info.address == "12 Quay Street\nGalway"
    assert info.signatory_name == "Ana Ribeiro"
    assert info.default_currency == "USD"
    assert info.locale == "en_IE"
    assert form.status.text() == "Saved."
    assert not form.is_dirty


def test_company_profile_refuses_bad_values_at_the_field(window: MainWindow, qtbot: QtBot) -> None:
    wb = workbook_of(window)
    form = page(window).company
    page(window).tabs.setCurrentWidget(form)
    before = company.get_company(wb)
    type_into(qtbot, form.name_edit, "Harbour")
    type_into(qtbot, form.currency_combo.lineEdit(), "XYZ")
    type_into(qtbot, form.locale_combo.lineEdit(), "qq_QQ")
    zone_before = time_zones.default_timezone(wb)
    type_into(qtbot, form.timezone_combo.lineEdit(), "Mars/Olympus_Mons")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form._fields["timezone"].error.isVisible()
    assert time_zones.default_timezone(wb) == zone_before
    assert form._fields["default_currency"].error.isVisible()
    assert "XYZ" in form._fields["default_currency"].error.text()
    assert form._fields["locale"].error.isVisible()
    assert "Not saved" in form.status.text()
    assert company.get_company(wb) == before
    assert form.is_dirty  # the typed values are still there to correct


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 32), (40, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def test_logo_is_chosen_shown_and_removed(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = workbook_of(window)
    form = page(window).company
    page(window).tabs.setCurrentWidget(form)
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    monkeypatch.setattr(file_dialogs, "ask_logo_file", lambda _parent: logo)
    qtbot.mouseClick(form.logo_button, Qt.MouseButton.LeftButton)
    assert company.get_company(wb).logo == logo.read_bytes()
    assert company.get_company(wb).logo_mime == "image/png"
    pixmap = form.logo_label.pixmap()
    assert pixmap is not None and not pixmap.isNull()
    assert form.clear_logo_button.isEnabled()

    fake = tmp_path / "fake.png"
    fake.write_text("not an image", encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "ask_logo_file", lambda _parent: fake)
    qtbot.mouseClick(form.logo_button, Qt.MouseButton.LeftButton)
    assert form.logo_field.error.isVisible()
    assert "fake.png" in form.logo_field.error.text()
    assert company.get_company(wb).logo == logo.read_bytes()  # unchanged

    qtbot.mouseClick(form.clear_logo_button, Qt.MouseButton.LeftButton)
    assert company.get_company(wb).logo is None
    assert not form.clear_logo_button.isEnabled()


def test_quitting_with_unsaved_profile_asks_first(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = page(window).company
    page(window).tabs.setCurrentWidget(form)
    type_into(qtbot, form.name_edit, "Unsaved Name")
    asked: list[str] = []

    def keep_editing(_parent: object, title: str, _text: str, _action: str = "OK") -> bool:
        asked.append(title)
        return False

    monkeypatch.setattr(messages, "confirm", keep_editing)
    press(qtbot, window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Unsaved Company Profile"]
    assert window.isVisible() and window.workbook is not None
    assert form.name_edit.text() == "Unsaved Name"


def test_rejection_reasons_tab(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from hiring_desk.services.pipeline import stage_moves

    reasons = page(window).reasons
    page(window).tabs.setCurrentWidget(reasons)
    answers = iter([("Chose another candidate", True), ("Chose someone else", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    qtbot.mouseClick(reasons.add_button, Qt.MouseButton.LeftButton)
    assert reasons.list.count() == 1
    reasons.list.setCurrentRow(0)
    qtbot.mouseClick(reasons.rename_button, Qt.MouseButton.LeftButton)
    assert stage_moves.rejection_reasons(window.workbook) == ["Chose someone else"]  # type: ignore[arg-type]
    qtbot.mouseClick(reasons.remove_button, Qt.MouseButton.LeftButton)
    assert reasons.list.count() == 0


def test_a_member_added_on_the_team_tab_can_sign_offers_on_the_company_tab(
    window: MainWindow, qtbot: QtBot
) -> None:
    """No wiring between the tabs: the Team tab's save announces Change.TEAM on the hub,
    and the Company tab (hidden meanwhile) lists the new member when it is shown,
    keeping an unsaved edit."""
    the_page = page(window)
    form = the_page.company
    the_page.tabs.setCurrentWidget(form)
    type_into(qtbot, form.name_edit, "Harbour Software Ltd")  # not saved
    assert [form.signatory_combo.itemText(i) for i in range(form.signatory_combo.count())] == [
        "(nobody yet)"
    ]
    the_page.tabs.setCurrentWidget(the_page.team)
    announced: list[Change] = []

    def record(changes: Change, _source: object) -> None:
        announced.append(changes)

    change_hub().changed.connect(record)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MemberDialog)
        type_into(qtbot, dialog.name_edit, "Ines Duarte")
        type_into(qtbot, dialog.title_edit, "Director")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, fill)
    qtbot.mouseClick(the_page.team.add_button, Qt.MouseButton.LeftButton)
    change_hub().changed.disconnect(record)
    assert announced == [Change.TEAM]
    assert window.acting_member.combo.findText("Ines Duarte", Qt.MatchFlag.MatchContains) >= 0
    the_page.tabs.setCurrentWidget(form)
    choices = [form.signatory_combo.itemText(i) for i in range(form.signatory_combo.count())]
    assert choices == ["(nobody yet)", "Ines Duarte, Director"]
    assert form.name_edit.text() == "Harbour Software Ltd" and form.is_dirty
