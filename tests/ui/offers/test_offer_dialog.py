"""The offer editor: typing terms, live warnings, field errors, refusals, read-only offers."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from tests.conftest import TODAY
from tests.services.offers.offer_setup import founder_and_role
from tests.ui.conftest import click_button, type_into

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.offers import offer_records, offer_status
from hiring_desk.services.offers.terms import OfferDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.preferences import workbook_preferences
from hiring_desk.store import Workbook
from hiring_desk.ui.offers.offer_dialog import OfferDialog
from hiring_desk.ui.widgets import qdate

TERMS = OfferDraft(
    salary=Decimal("70000"),
    currency="EUR",
    start_date=TODAY + timedelta(weeks=8),
    bonus="Up to 5% a year",
)


@dataclass
class Setup:
    workbook: Workbook
    lead: int
    application: int


@pytest.fixture
def setup(workbook: Workbook, today: date) -> Setup:
    """A shortlisted application, on ``TODAY``."""
    lead, role = founder_and_role(workbook, employment_type="contract")
    person = candidate_records.create_candidate(
        workbook, CandidateInput(name="AT&T <b>Smith</b>", notice_weeks=4)
    ).id
    application = stage_moves.apply(workbook, person, role).id
    stage_moves.move(workbook, application, Stage.SHORTLISTED.value)
    return Setup(workbook, lead, application)


def open_dialog(qtbot: QtBot, setup: Setup, offer_id: int | None = None) -> OfferDialog:
    dialog = OfferDialog(setup.workbook, setup.application, None, offer_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_new_offer_starts_from_the_role_and_shows_names_as_plain_text(
    qtbot: QtBot, setup: Setup
) -> None:
    dialog = open_dialog(qtbot, setup)
    assert dialog.heading.text() == "AT&T <b>Smith</b> — Backend Developer"
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    assert "€60,000.00 to €80,000.00 per year" in dialog.facts.text()
    assert "4 weeks' notice" in dialog.facts.text()
    assert dialog.employment_type.currentData() == "contract"
    assert dialog.currency.currentData() == "EUR"
    assert dialog.pay_period.currentData() == "year"
    assert not dialog.start_date.enabled.isChecked()
    assert not dialog.warnings.isVisible()


def test_ticking_answer_by_starts_a_week_ahead_or_as_the_workbook_prefers(
    qtbot: QtBot, setup: Setup
) -> None:
    dialog = open_dialog(qtbot, setup)
    assert dialog.expiry_date.value() is None
    qtbot.mouseClick(dialog.expiry_date.enabled, Qt.MouseButton.LeftButton)
    assert dialog.expiry_date.value() == TODAY + timedelta(days=7)

    current = workbook_preferences.get_preferences(setup.workbook)
    workbook_preferences.save_preferences(
        setup.workbook, dataclasses.replace(current, offer_answer_days=12)
    )
    dialog = open_dialog(qtbot, setup)
    qtbot.mouseClick(dialog.expiry_date.enabled, Qt.MouseButton.LeftButton)
    assert dialog.expiry_date.value() == TODAY + timedelta(days=12)


def test_ticking_both_dates_suggests_ones_that_can_be_saved(qtbot: QtBot, setup: Setup) -> None:
    """Starts on suggests a day after the answer is due (and after the notice), so a
    newcomer who ticks both and saves is not refused."""
    dialog = open_dialog(qtbot, setup)
    qtbot.mouseClick(dialog.start_date.enabled, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.expiry_date.enabled, Qt.MouseButton.LeftButton)
    answer_by, start = dialog.expiry_date.value(), dialog.start_date.value()
    assert answer_by == TODAY + timedelta(days=7)
    assert start == TODAY + timedelta(weeks=4)  # the candidate's 4 weeks' notice
    type_into(qtbot, dialog.salary, "70,000")
    click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert not dialog.isVisible()
    assert dialog.saved is not None and dialog.saved.draft.start_date == start


def test_without_notice_the_suggested_start_is_the_day_after_the_answer(
    qtbot: QtBot, setup: Setup
) -> None:
    role_id = open_dialog(qtbot, setup).context.role_id
    person = candidate_records.create_candidate(setup.workbook, CandidateInput(name="Jo")).id
    application = stage_moves.apply(setup.workbook, person, role_id).id
    dialog = open_dialog(qtbot, Setup(setup.workbook, setup.lead, application))
    qtbot.mouseClick(dialog.start_date.enabled, Qt.MouseButton.LeftButton)
    assert dialog.start_date.value() == TODAY + timedelta(days=8)


def test_warnings_follow_the_typing_and_do_not_block(qtbot: QtBot, setup: Setup) -> None:
    dialog = open_dialog(qtbot, setup)
    type_into(qtbot, dialog.salary, "90,000")
    assert dialog.warnings.isVisible()
    assert "above the role's budget" in dialog.warnings.text()

    type_into(qtbot, dialog.salary, "75,000")
    assert not dialog.warnings.isVisible()

    dialog.pay_period.setCurrentIndex(dialog.pay_period.findData("month"))
    assert "comes to €900,000.00 per year" in dialog.warnings.text()
    dialog.pay_period.setCurrentIndex(dialog.pay_period.findData("year"))

    qtbot.mouseClick(dialog.start_date.enabled, Qt.MouseButton.LeftButton)
    dialog.start_date.edit.setDate(qdate(TODAY + timedelta(days=7)))
    assert "notice period" in dialog.warnings.text()

    click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert not dialog.isVisible()
    saved = dialog.saved
    assert saved is not None and saved.status == "draft" and saved.salary_minor == 7_500_000
    assert saved.draft.start_date == TODAY + timedelta(days=7)
    assert len(saved.warnings) == 1
    assert saved.context.stage == Stage.SHORTLISTED.value  # a draft moves no one
    newest = stage_moves.timeline(setup.workbook, saved.context.candidate_id)[0]
    assert newest.to_stage == "shortlisted"


def test_errors_show_at_the_field_and_keep_the_dialog_open(qtbot: QtBot, setup: Setup) -> None:
    dialog = open_dialog(qtbot, setup)
    click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    salary_error = dialog.tabs.fields["salary"].error
    assert salary_error.isVisible() and salary_error.text() == "Is required"

    type_into(qtbot, dialog.salary, "lots")
    click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert "is not an amount" in salary_error.text()

    type_into(qtbot, dialog.salary, "70000")
    dialog.tabs.setCurrentIndex(0)
    qtbot.mouseClick(dialog.expiry_date.enabled, Qt.MouseButton.LeftButton)
    dialog.expiry_date.edit.setDate(qdate(TODAY - timedelta(days=2)))
    click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    assert not salary_error.isVisible()
    assert dialog.tabs.fields["expiry_date"].error.text() == "Is in the past"
    assert offer_records.offers_for_application(setup.workbook, setup.application) == []


def test_a_refusal_is_shown_in_the_dialog(qtbot: QtBot, setup: Setup) -> None:
    dialog = open_dialog(qtbot, setup)
    offer_records.create_offer(setup.workbook, setup.application, TERMS)  # made elsewhere meanwhile
    type_into(qtbot, dialog.salary, "70000")
    click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "already has an offer" in dialog.error.text()


def test_editing_an_approved_offer_says_it_returns_to_draft(qtbot: QtBot, setup: Setup) -> None:
    offer_id = offer_records.create_offer(setup.workbook, setup.application, TERMS).id
    offer_status.approve(setup.workbook, offer_id, setup.lead)
    dialog = open_dialog(qtbot, setup, offer_id)
    assert dialog.salary.text() == "70,000"
    assert dialog.bonus.text() == "Up to 5% a year"
    assert "Approved by Aoife Byrne" in dialog.status_note.text()

    dialog.tabs.setCurrentIndex(2)
    dialog.benefits.setFocus()
    qtbot.keyClicks(dialog.benefits, "Pension")
    click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.saved is not None
    assert (dialog.saved.status, dialog.saved.draft.benefits) == ("draft", "Pension")


def test_a_sent_offer_is_read_only(qtbot: QtBot, setup: Setup) -> None:
    offer_id = offer_records.create_offer(setup.workbook, setup.application, TERMS).id
    offer_status.approve(setup.workbook, offer_id, setup.lead)
    offer_status.mark_sent(setup.workbook, offer_id)
    dialog = open_dialog(qtbot, setup, offer_id)
    box = dialog.buttons
    assert not box.button(QDialogButtonBox.StandardButton.Save).isVisible()
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Close"
    assert dialog.salary.isReadOnly() and not dialog.currency.isEnabled()
    assert "can no longer be changed" in dialog.status_note.text()
