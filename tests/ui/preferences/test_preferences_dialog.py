"""Edit ▸ Preferences…: saved, read back, and used where the defaults are offered."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.ui.conftest import MakeWindow, click_button, menu_action, type_into, when_modal

from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.preferences import workbook_preferences
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import company
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.opening import Workbook, create_workbook
from hiring_desk.store.models import Offer
from hiring_desk.ui import theme
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.offers.offer_letter_dialog import OfferLetterDialog
from hiring_desk.ui.preferences.preferences_dialog import PreferencesDialog
from hiring_desk.ui.roles.jd_editor import JDEditor
from hiring_desk.ui.settings import Settings

SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture(autouse=True)
def system_theme_after() -> Iterator[None]:
    """The theme is the whole application's: put it back for the other tests."""
    yield
    theme.apply_theme("system")


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    create_demo_workbook(tmp_path / "demo.hiringdesk").close()
    return make_window(tmp_path / "demo.hiringdesk")


def workbook_of(window: MainWindow) -> Workbook:
    assert window.workbook is not None
    return window.workbook


def pick(qtbot: QtBot, combo: QComboBox, label: str) -> None:
    """Choose an entry with the keyboard: Down until it shows (combos wrap nowhere)."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == label:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == label


def in_preferences(
    qtbot: QtBot, window: MainWindow, act: Callable[[PreferencesDialog], None]
) -> None:
    done: list[bool] = []

    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        act(dialog)
        done.append(True)

    when_modal(qtbot, run, PreferencesDialog)
    menu_action(window, "Edit", "Preferences…").trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=3000)


def test_preferences_are_saved_and_shown_again(qtbot: QtBot, window: MainWindow) -> None:
    workbook = workbook_of(window)

    def change(dialog: PreferencesDialog) -> None:
        type_into(qtbot, dialog.currency_combo.lineEdit(), "CHF")
        type_into(qtbot, dialog.locale_combo.lineEdit(), "de_CH")
        pick(qtbot, dialog.backup_interval, "Every 2 hours")
        dialog.retention.setFocus()
        dialog.retention.selectAll()
        qtbot.keyClicks(dialog.retention, "18")
        dialog.limits["idle_days"].setFocus()
        dialog.limits["idle_days"].selectAll()
        qtbot.keyClicks(dialog.limits["idle_days"], "10")
        pick(qtbot, dialog.jd_template, "Lead Backend Developer")
        pick(qtbot, dialog.letter_template, "Part-time employee")
        assert dialog.answer_days.value() == 7  # a week unless set
        dialog.answer_days.setFocus()
        dialog.answer_days.selectAll()
        qtbot.keyClicks(dialog.answer_days, "10")
        pick(qtbot, dialog.theme, "Dark")
        click_button(qtbot, dialog, SAVE)

    in_preferences(qtbot, window, change)
    assert workbook_preferences.offer_answer_days(workbook) == 10

    profile = company.get_company(workbook)
    assert (profile.default_currency, profile.locale) == ("CHF", "de_CH")
    assert backups.get_auto_interval(workbook) == timedelta(hours=2)
    assert consent_retention.get_retention_months(workbook) == 18
    assert workbook_preferences.get_preferences(workbook).today_limits.idle_days == 10
    assert workbook_preferences.default_jd_template(workbook) == "lead-backend-developer"
    assert workbook_preferences.default_letter_template(workbook) == "part-time-employee"
    assert Settings().theme() == "dark"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert theme.is_dark(app.palette())

    shown: list[tuple[str, str, str, int, str, str, int]] = []

    def read(dialog: PreferencesDialog) -> None:
        shown.append(
            (
                dialog.currency_combo.currentData(),
                dialog.locale_combo.currentData(),
                dialog.backup_interval.currentText(),
                dialog.retention.value(),
                dialog.jd_template.currentText(),
                dialog.theme.currentText(),
                dialog.answer_days.value(),
            )
        )
        pick(qtbot, dialog.theme, "Same as the system")
        click_button(qtbot, dialog, SAVE)

    in_preferences(qtbot, window, read)
    assert shown == [("CHF", "de_CH", "Every 2 hours", 18, "Lead Backend Developer", "Dark", 10)]
    assert Settings().theme() == "system"
    assert not theme.is_dark(app.palette())


def test_a_bad_value_is_shown_under_its_field(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[str] = []

    def refuse(dialog: PreferencesDialog) -> None:
        type_into(qtbot, dialog.currency_combo.lineEdit(), "XYZ")
        click_button(qtbot, dialog, SAVE)
        assert dialog.isVisible()
        seen.append(dialog.fields["default_currency"].error.text())
        dialog.reject()

    in_preferences(qtbot, window, refuse)
    assert seen and "ISO 4217" in seen[0]
    assert company.get_company(workbook_of(window)).default_currency == "EUR"


def test_without_a_workbook_only_the_theme_can_change(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    create_workbook(tmp_path / "w.hiringdesk").close()
    window = make_window(tmp_path / "w.hiringdesk")
    window.close_workbook()

    def check(dialog: PreferencesDialog) -> None:
        assert not dialog.workbook_box.isEnabled()
        pick(qtbot, dialog.theme, "Light")
        click_button(qtbot, dialog, SAVE)

    in_preferences(qtbot, window, check)
    assert Settings().theme() == "light"


def test_the_default_templates_are_chosen_first(qtbot: QtBot, window: MainWindow) -> None:
    workbook = workbook_of(window)
    current = workbook_preferences.get_preferences(workbook)
    workbook_preferences.save_preferences(
        workbook,
        dataclasses.replace(
            current, jd_template="database-specialist", letter_template="fixed-term-contractor"
        ),
    )
    role = role_records.create_role(workbook, RoleBrief(title="Backend Developer"))
    editor = JDEditor(window, workbook, role.id)
    qtbot.addWidget(editor)
    assert editor.templates.selected_template() == "database-specialist"
    with workbook.transaction() as session:
        offer = session.exec(select(Offer).where(Offer.letter_text == "")).first()
        assert offer is not None and offer.id is not None
        offer_id = offer.id
    dialog = OfferLetterDialog(workbook, offer_id, window)
    qtbot.addWidget(dialog)
    assert dialog.selected_template() == "fixed-term-contractor"
