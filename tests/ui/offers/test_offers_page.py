"""The Offers page: the list, its filter, and each action by real clicks."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import col, select
from tests.ui.conftest import choose_more, click_button, when_modal

from hiring_desk import clock
from hiring_desk.domain.pipeline import OPEN_STAGES
from hiring_desk.domain.vocab import RoleStatus, Stage
from hiring_desk.services.candidates.candidate_records import list_candidates
from hiring_desk.services.offers import offer_records
from hiring_desk.services.offers.offer_records import OfferSummary
from hiring_desk.services.offers.terms import OfferDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Interview
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, change_hub
from hiring_desk.ui.email.compose import ComposeDialog
from hiring_desk.ui.interviews.cancel_after_hire import CancelInterviewsDialog
from hiring_desk.ui.offers.offer_dialog import OfferDialog
from hiring_desk.ui.offers.offer_prompts import (
    ApproveDialog,
    FillRoleDialog,
)
from hiring_desk.ui.offers.offers_page import OffersPage


@pytest.fixture
def page(qtbot: QtBot, demo: Workbook) -> OffersPage:
    widget = OffersPage()
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.set_workbook(demo)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_row(qtbot: QtBot, page: OffersPage, offer_id: int, double: bool = False) -> None:
    row = next(i for i, o in enumerate(page.model.rows()) if o.id == offer_id)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if double:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def the_sent_offer(demo: Workbook) -> OfferSummary:
    (offer,) = offer_records.list_offers(demo, "sent")
    return offer


def second_offer(demo: Workbook) -> int:
    """A draft for the senior role's shortlisted candidate (the demo's runner-up)."""
    sent = offer_records.offer_detail(demo, the_sent_offer(demo).id)
    shortlisted = next(
        a for a in _role_applications(demo, sent.context.role_id) if a.stage == "shortlisted"
    )
    return offer_records.create_offer(demo, shortlisted.id, OfferDraft(salary=sent.draft.salary)).id


def test_accepting_the_sent_offer_hires_and_fills_the_role(
    qtbot: QtBot, page: OffersPage, demo: Workbook, answered_questions: list[str]
) -> None:
    offer = the_sent_offer(demo)
    click_row(qtbot, page, offer.id)
    assert page.selected_offer() == offer
    assert page.accept_button.isEnabled() and not page.edit_button.isEnabled()
    open_before = [a for a in _role_applications(demo, offer.role_id) if a.stage in _OPEN]
    seen: dict[str, str] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FillRoleDialog)
        seen["question"] = dialog.question.text()
        assert not dialog.go.isEnabled()  # a reason first
        dialog.reason.setCurrentIndex(dialog.reason.findText("Chose another candidate"))
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    when_modal(qtbot, fill, FillRoleDialog)
    others_waiting = _future_interviews(demo, offer.role_id)
    assert len(others_waiting) == 2  # the demo's two candidates still interviewing

    def cancel_them(dialog: QWidget) -> None:
        assert isinstance(dialog, CancelInterviewsDialog)
        seen["interviews"] = dialog.question.text()
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)

    when_modal(qtbot, cancel_them, CancelInterviewsDialog, close_after=True)
    announced: list[Change] = []

    def record(changes: Change, _source: object) -> None:
        announced.append(changes)

    change_hub().changed.connect(record)
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    change_hub().changed.disconnect(record)
    hired, filled = Change.OFFERS | Change.APPLICATIONS | Change.ROLES, Change.ROLES
    assert announced == [hired, filled | Change.APPLICATIONS, Change.INTERVIEWS]
    assert seen["interviews"].startswith(
        "Other candidates have 2 interviews scheduled for it, and the role is filled."
    )
    assert _future_interviews(demo, offer.role_id) == []
    assert _statuses(demo, others_waiting) == ["cancelled", "cancelled"]

    assert "Accept Offer" in answered_questions
    detail = offer_records.offer_detail(demo, offer.id)
    assert detail.status == "accepted"
    assert detail.context.stage == Stage.HIRED.value
    newest = stage_moves.timeline(demo, offer.candidate_id)[0]
    assert (newest.from_stage, newest.to_stage, newest.note) == ("offer", "hired", "Offer accepted")
    others = len(open_before) - 1  # the hired one was open before too
    assert f"close the {others} remaining applications" in seen["question"]
    assert role_records.get_role(demo, offer.role_id).brief.status == RoleStatus.FILLED.value
    after = _role_applications(demo, offer.role_id)
    assert [a for a in after if a.stage in _OPEN] == []
    closed_now = [a for a in after if a.closed_reason == "Chose another candidate"]
    assert len(closed_now) >= others
    row = page.selected_offer()
    assert row is not None and row.status == "accepted"
    assert not page.accept_button.isEnabled() and not page.withdraw_action.isEnabled()


def test_the_hired_candidates_own_interviews_can_be_kept(
    qtbot: QtBot, page: OffersPage, demo: Workbook
) -> None:
    offer = the_sent_offer(demo)
    with demo.transaction() as session:
        later = Interview(
            application_id=offer.application_id,
            starts_at=clock.now() + timedelta(days=2),
            round_name="Meet the team",
        )
        session.add(later)
        session.flush()
        assert later.id is not None
        booked = later.id
    click_row(qtbot, page, offer.id)
    when_modal(
        qtbot,
        lambda dialog: click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel),
        FillRoleDialog,
    )
    seen: list[str] = []

    def keep(dialog: QWidget) -> None:
        assert isinstance(dialog, CancelInterviewsDialog)
        seen.append(dialog.question.text())
        assert dialog.keep.isDefault()
        qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)

    when_modal(qtbot, keep, CancelInterviewsDialog, close_after=True)
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)

    assert seen and seen[0].startswith(
        f"{offer.candidate_name} still has 1 interview scheduled for '{offer.role_title}'."
    )
    assert "Other candidates" not in seen[0]  # the role is not filled: they are still in it
    assert _statuses(demo, [booked]) == ["scheduled"]


def test_not_now_leaves_the_role_open(qtbot: QtBot, page: OffersPage, demo: Workbook) -> None:
    offer = the_sent_offer(demo)
    click_row(qtbot, page, offer.id)

    def not_now(dialog: QWidget) -> None:
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    when_modal(qtbot, not_now, FillRoleDialog)
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    assert offer_records.offer_detail(demo, offer.id).context.stage == Stage.HIRED.value
    assert role_records.get_role(demo, offer.role_id).brief.status == RoleStatus.OPEN.value


def test_the_whole_flow_by_buttons(
    qtbot: QtBot, page: OffersPage, demo: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = second_offer(demo)
    page.refresh()
    click_row(qtbot, page, draft_id)
    assert page.edit_button.isEnabled() and page.approve_button.isEnabled()
    assert not page.send_button.isEnabled() and not page.accept_button.isEnabled()

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, OfferDialog)
        dialog.tabs.setCurrentIndex(1)
        qtbot.keyClicks(dialog.probation, "Three months")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, edit, OfferDialog)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert offer_records.offer_detail(demo, draft_id).draft.probation == "Three months"

    chosen: dict[str, str] = {}

    def approve(dialog: QWidget) -> None:
        assert isinstance(dialog, ApproveDialog)
        dialog.approver.setCurrentIndex(1)
        chosen["name"] = dialog.approver.currentText().split(" (")[0]
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    when_modal(qtbot, approve, ApproveDialog)
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    row = page.selected_offer()
    assert row is not None and row.status == "approved" and row.approved_by == chosen["name"]

    assert offer_records.offer_detail(demo, draft_id).context.stage == "shortlisted"
    written: list[tuple[str, int | None]] = []

    def not_now(dialog: QWidget) -> None:  # "Write the offer?" answered yes: compose opens
        assert isinstance(dialog, ComposeDialog)
        written.append((dialog.template_key(), dialog.about().offer_id))
        dialog.reject()

    when_modal(qtbot, not_now, ComposeDialog, close_after=True)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    assert written == [("offer", draft_id)]
    sent = offer_records.offer_detail(demo, draft_id)
    assert sent.status == "sent" and sent.context.stage == "offer"  # sending moved them

    asked: list[str] = []

    def refuse(_parent: object, _title: str, text: str, *_args: object) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(messages, "confirm", refuse)
    qtbot.mouseClick(page.decline_button, Qt.MouseButton.LeftButton)
    choose_more(qtbot, page.toolbar, "withdraw_offer")
    assert len(asked) == 2 and "declined" in asked[0] and "Withdraw" in asked[1]
    assert offer_records.offer_detail(demo, draft_id).status == "sent"  # both answered no

    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    qtbot.mouseClick(page.decline_button, Qt.MouseButton.LeftButton)
    assert offer_records.offer_detail(demo, draft_id).status == "declined"
    assert not any(
        b.isEnabled()
        for b in (page.edit_button, page.approve_button, page.accept_button, page.decline_button)
    )


def test_a_refused_action_is_explained(
    qtbot: QtBot, page: OffersPage, demo: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    offer = the_sent_offer(demo)
    click_row(qtbot, page, offer.id)
    stage_moves.move(demo, offer.application_id, Stage.SHORTLISTED.value)  # meanwhile, elsewhere
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        messages, "show_warning", lambda _parent, title, text: warnings.append((title, text))
    )
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    assert warnings and warnings[0][0] == "Cannot Accept"
    assert "Offer stage" in warnings[0][1]
    assert offer_records.offer_detail(demo, offer.id).status == "sent"


def test_filter_by_status(qtbot: QtBot, page: OffersPage, demo: Workbook) -> None:
    draft_id = second_offer(demo)
    page.refresh()
    assert page.model.rowCount() == 2
    page.status_filter.setCurrentIndex(page.status_filter.findData("draft"))
    assert [o.id for o in page.model.rows()] == [draft_id]
    page.status_filter.setCurrentIndex(page.status_filter.findData("accepted"))
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    assert page.empty.title.text() == "No offers with this status"
    page.status_filter.setCurrentIndex(page.status_filter.findData("waiting"))
    assert page.model.rowCount() == 2
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(8)]
    assert headers[:4] == ["Candidate", "Role", "Salary", "Status"]
    sent_row = next(i for i, o in enumerate(page.model.rows()) if o.status == "sent")
    salary = page.model.data(page.model.index(sent_row, 2))
    assert salary.startswith("€") and salary.endswith("per year")


def test_signals_for_the_candidate_and_the_letter(
    qtbot: QtBot, page: OffersPage, demo: Workbook
) -> None:
    offer = the_sent_offer(demo)
    with qtbot.waitSignal(page.candidate_activated) as activated:
        click_row(qtbot, page, offer.id, double=True)
    assert activated.args == [offer.candidate_id]
    with qtbot.waitSignal(page.print_letter_requested) as printed:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert printed.args == [offer.id]


def test_without_a_workbook(qtbot: QtBot) -> None:
    widget = OffersPage()
    qtbot.addWidget(widget)
    widget.set_workbook(None)
    assert widget.model.rowCount() == 0 and not widget.print_button.isEnabled()


_OPEN = {stage.value for stage in OPEN_STAGES}


def _role_applications(demo: Workbook, role_id: int) -> list[stage_moves.ApplicationInfo]:
    return [
        a
        for c in list_candidates(demo)
        for a in stage_moves.applications_of(demo, c.id)
        if a.role_id == role_id
    ]


def _future_interviews(demo: Workbook, role_id: int) -> list[int]:
    """The role's interviews still scheduled and not yet begun."""
    with demo.transaction() as session:
        rows = session.exec(
            select(Interview)
            .join(Application, col(Application.id) == col(Interview.application_id))
            .where(Application.role_id == role_id, Interview.status == "scheduled")
        ).all()
        now = clock.now()
        return [
            row.id for row in rows if row.id is not None and row.starts_at.replace(tzinfo=UTC) > now
        ]


def _statuses(demo: Workbook, interview_ids: list[int]) -> list[str]:
    with demo.transaction() as session:
        rows = [session.get(Interview, i) for i in interview_ids]
        return [row.status if row else "missing" for row in rows]
