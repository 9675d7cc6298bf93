"""Offers: drafting, editing, the status flow, accepting (hires) and filling a role."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import col, select
from tests.conftest import TODAY
from tests.services.offers.offer_setup import founder_and_role

from hiring_desk.domain.vocab import OfferStatus, RoleStatus, Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.offers import offer_records, offer_status
from hiring_desk.services.offers.offer_records import OfferRefusedError
from hiring_desk.services.offers.terms import OfferDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.pipeline.stage_moves import MoveRefusedError
from hiring_desk.services.roles import role_records
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, AuditEvent, Offer, StageEvent

#: Every test here runs on ``TODAY``, the day the terms below are relative to.
pytestmark = pytest.mark.usefixtures("today")
TERMS = OfferDraft(
    salary=Decimal("72000"),
    currency="EUR",
    pay_period="year",
    bonus="Up to 5% a year",
    start_date=TODAY + timedelta(weeks=6),
    probation="Six months",
    working_hours="40 hours a week",
    place_of_work="Galway, two days a week; otherwise from home",
    benefits="25 days' holiday\nPension, 5% matched",
    expiry_date=TODAY + timedelta(days=10),
    conditions="Two references.",
)


@dataclass
class Hiring:
    workbook: Workbook
    lead: int
    role: int
    ada: int  # candidate id; her application is ``ada_app`` (Shortlisted, 4 weeks' notice)
    ada_app: int
    ben_app: int  # Interview
    cy_app: int  # Rejected
    dee_app: int  # Applied


def _candidate(workbook: Workbook, name: str, notice: int | None = None) -> int:
    return candidate_records.create_candidate(
        workbook, CandidateInput(name=name, notice_weeks=notice)
    ).id


def _at(workbook: Workbook, candidate: int, role: int, stage: Stage, reason: str = "") -> int:
    app = stage_moves.apply(workbook, candidate, role)
    if stage is not Stage.APPLIED:
        stage_moves.move(workbook, app.id, stage.value, reason=reason)
    return app.id


@pytest.fixture
def hiring(workbook: Workbook) -> Hiring:
    lead, role = founder_and_role(workbook)
    ada = _candidate(workbook, "Ada Ní Bhriain", notice=4)
    return Hiring(
        workbook,
        lead,
        role,
        ada,
        _at(workbook, ada, role, Stage.SHORTLISTED),
        _at(workbook, _candidate(workbook, "Ben Okafor"), role, Stage.INTERVIEW),
        _at(workbook, _candidate(workbook, "Cy Tan"), role, Stage.REJECTED, "Skills"),
        _at(workbook, _candidate(workbook, "Dee Ross"), role, Stage.APPLIED),
    )


def stage_of(workbook: Workbook, application_id: int) -> str:
    with workbook.transaction() as session:
        row = session.get(Application, application_id)
        assert row is not None
        return row.stage


def offer_count(workbook: Workbook) -> int:
    with workbook.transaction() as session:
        return len(session.exec(select(Offer)).all())


def sent_offer(h: Hiring, application_id: int | None = None, **changes: Any) -> int:
    detail = offer_records.create_offer(
        h.workbook, application_id or h.ada_app, replace(TERMS, **changes), today=TODAY
    )
    offer_status.approve(h.workbook, detail.id, h.lead)
    offer_status.mark_sent(h.workbook, detail.id)
    return detail.id


# -- drafting -----------------------------------------------------------------------


def test_drafting_leaves_the_stage_and_sending_moves_to_offer(hiring: Hiring) -> None:
    detail = offer_records.create_offer(hiring.workbook, hiring.ada_app, TERMS, today=TODAY)

    assert detail.status == OfferStatus.DRAFT.value and detail.is_editable
    assert detail.salary_minor == 7_200_000 and detail.draft == TERMS
    assert detail.context.candidate_name == "Ada Ní Bhriain"
    assert detail.context.role_title == "Backend Developer"
    assert detail.context.stage == Stage.SHORTLISTED.value
    assert stage_of(hiring.workbook, hiring.ada_app) == Stage.SHORTLISTED.value
    timeline = stage_moves.timeline(hiring.workbook, hiring.ada)
    assert all(entry.to_stage != "offer" for entry in timeline)
    offer_status.approve(hiring.workbook, detail.id, hiring.lead)
    assert stage_of(hiring.workbook, hiring.ada_app) == Stage.SHORTLISTED.value

    offer_status.mark_sent(hiring.workbook, detail.id, by_member_id=hiring.lead)

    assert stage_of(hiring.workbook, hiring.ada_app) == Stage.OFFER.value
    newest = stage_moves.timeline(hiring.workbook, hiring.ada)[0]
    assert (newest.from_stage, newest.to_stage) == ("shortlisted", "offer")
    assert newest.note == "Offer sent"
    with hiring.workbook.transaction() as session:
        actions = session.exec(
            select(AuditEvent.action)
            .where(AuditEvent.entity == "offer")
            .order_by(col(AuditEvent.id))
        )
        assert list(actions) == ["add", "approve", "send"]


def test_sending_leaves_an_application_already_at_offer_where_it_is(hiring: Hiring) -> None:
    stage_moves.move(hiring.workbook, hiring.ben_app, Stage.OFFER.value)
    before = len(stage_moves.timeline(hiring.workbook, hiring.ada))
    offer_id = offer_records.create_offer(hiring.workbook, hiring.ben_app, TERMS, today=TODAY).id
    offer_status.approve(hiring.workbook, offer_id, hiring.lead)
    offer_status.mark_sent(hiring.workbook, offer_id)
    assert stage_of(hiring.workbook, hiring.ben_app) == Stage.OFFER.value
    assert len(stage_moves.timeline(hiring.workbook, hiring.ada)) == before


def test_no_offer_on_a_rejected_withdrawn_or_hired_application(hiring: Hiring) -> None:
    with pytest.raises(OfferRefusedError, match="was rejected"):
        offer_records.create_offer(hiring.workbook, hiring.cy_app, TERMS, today=TODAY)
    stage_moves.move(hiring.workbook, hiring.dee_app, Stage.WITHDRAWN.value)
    with pytest.raises(OfferRefusedError, match="withdrew"):
        offer_records.create_offer(hiring.workbook, hiring.dee_app, TERMS, today=TODAY)
    offer_status.accept(hiring.workbook, sent_offer(hiring))
    offer_count_before = offer_count(hiring.workbook)
    with pytest.raises(OfferRefusedError, match="already hired"):
        offer_records.create_offer(hiring.workbook, hiring.ada_app, TERMS, today=TODAY)
    assert offer_count(hiring.workbook) == offer_count_before == 1


def test_one_live_offer_per_application(hiring: Hiring) -> None:
    first = sent_offer(hiring)
    with pytest.raises(OfferRefusedError, match=r"already has an offer \(sent\)"):
        offer_records.create_offer(hiring.workbook, hiring.ada_app, TERMS, today=TODAY)
    offer_status.decline(hiring.workbook, first)
    second = offer_records.create_offer(
        hiring.workbook, hiring.ada_app, replace(TERMS, salary=Decimal(76000)), today=TODAY
    )
    listed = offer_records.offers_for_application(hiring.workbook, hiring.ada_app)
    assert [(o.id, o.status) for o in listed] == [(first, "declined"), (second.id, "draft")]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"salary": None}, "salary"),
        ({"salary": Decimal(0)}, "salary"),
        ({"salary": Decimal("72000.001")}, "salary"),
        ({"currency": "EURO"}, "currency"),
        ({"pay_period": "fortnight"}, "pay_period"),
        ({"employment_type": "gig"}, "employment_type"),
        ({"start_date": TODAY - timedelta(days=1)}, "start_date"),
        ({"expiry_date": TODAY - timedelta(days=1)}, "expiry_date"),
        ({"expiry_date": TODAY + timedelta(weeks=7)}, "expiry_date"),
        ({"probation": "x" * 301}, "probation"),
        ({"benefits": "x" * 5001}, "benefits"),
    ],
)
def test_bad_terms_are_refused_at_the_field_and_nothing_changes(
    hiring: Hiring, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        offer_records.create_offer(
            hiring.workbook, hiring.ada_app, replace(TERMS, **changes), today=TODAY
        )
    assert field in caught.value.errors
    assert offer_count(hiring.workbook) == 0
    assert stage_of(hiring.workbook, hiring.ada_app) == Stage.SHORTLISTED.value


def test_text_is_cleaned_and_currency_upper_cased(hiring: Hiring) -> None:
    detail = offer_records.create_offer(
        hiring.workbook,
        hiring.ada_app,
        replace(TERMS, currency=" gbp ", bonus=" a\x00b ", benefits=" one\r\ntwo \n"),
        today=TODAY,
    )
    assert detail.draft.currency == "GBP"
    assert (detail.draft.bonus, detail.draft.benefits) == ("ab", "one\ntwo")


def test_warnings_for_budget_and_notice_do_not_block(hiring: Hiring) -> None:
    detail = offer_records.create_offer(
        hiring.workbook,
        hiring.ada_app,
        replace(TERMS, salary=Decimal(90000), start_date=TODAY + timedelta(weeks=2)),
        today=TODAY,
    )
    assert len(detail.warnings) == 2
    assert "above the role's budget of €60,000.00 to €80,000.00 per year" in detail.warnings[0]
    assert "4 weeks' notice" in detail.warnings[1]
    assert detail.context.earliest_start(TODAY) == TODAY + timedelta(weeks=4)
    quiet = offer_records.offer_detail(hiring.workbook, detail.id, today=TODAY)
    assert quiet.warnings == detail.warnings
    offer_status.withdraw(hiring.workbook, detail.id)
    assert offer_records.offer_detail(hiring.workbook, detail.id, today=TODAY).warnings == ()


def test_context_for_a_new_offer(hiring: Hiring) -> None:
    context = offer_records.offer_context(hiring.workbook, hiring.ada_app)
    assert context.budget.min_minor == 6_000_000 and context.budget.currency == "EUR"
    assert context.notice_weeks == 4 and context.locale == "en_GB"
    assert context.warnings(9_000_000, "EUR", "year", None, TODAY)[0].startswith(
        "The salary is €90,000.00 per year, above"
    )
    with pytest.raises(NotFoundError):
        offer_records.offer_context(hiring.workbook, 9999)


# -- editing --------------------------------------------------------------------------


def test_editing_an_approved_offer_returns_it_to_draft(hiring: Hiring) -> None:
    offer_id = offer_records.create_offer(hiring.workbook, hiring.ada_app, TERMS, today=TODAY).id
    offer_status.approve(hiring.workbook, offer_id, hiring.lead)

    same = offer_records.update_offer(hiring.workbook, offer_id, TERMS, today=TODAY)
    assert same.status == "approved" and same.approved_by == "Aoife Byrne"

    changed = offer_records.update_offer(
        hiring.workbook, offer_id, replace(TERMS, bonus="None"), today=TODAY
    )
    assert changed.status == "draft" and changed.draft.bonus == "None"
    assert changed.approved_by_id is None and changed.approved_at is None


def test_a_sent_offer_cannot_be_edited(hiring: Hiring) -> None:
    offer_id = sent_offer(hiring)
    with pytest.raises(OfferRefusedError, match="sent; its terms can no longer be changed"):
        offer_records.update_offer(hiring.workbook, offer_id, TERMS, today=TODAY)


def test_editing_keeps_past_dates_that_were_already_there(hiring: Hiring) -> None:
    offer_id = offer_records.create_offer(hiring.workbook, hiring.ada_app, TERMS, today=TODAY).id
    later = TODAY + timedelta(weeks=8)  # the start date has passed by then
    edited = offer_records.update_offer(
        hiring.workbook, offer_id, replace(TERMS, bonus="Changed"), today=later
    )
    assert edited.draft.start_date == TERMS.start_date


# -- the status flow ----------------------------------------------------------------


def test_approve_send_decline_each_record_their_date(hiring: Hiring) -> None:
    offer_id = offer_records.create_offer(hiring.workbook, hiring.ada_app, TERMS, today=TODAY).id
    with pytest.raises(OfferRefusedError, match="approve it first"):
        offer_status.mark_sent(hiring.workbook, offer_id)
    with pytest.raises(OfferRefusedError, match="mark it as sent first"):
        offer_status.accept(hiring.workbook, offer_id)
    with pytest.raises(ValidationError) as caught:
        offer_status.approve(hiring.workbook, offer_id, 9999)
    assert "approved_by" in caught.value.errors

    approved = offer_status.approve(hiring.workbook, offer_id, hiring.lead)
    assert approved.status == "approved" and approved.approved_by == "Aoife Byrne"
    assert approved.approved_at is not None
    sent = offer_status.mark_sent(hiring.workbook, offer_id)
    assert sent.status == "sent" and sent.sent_at is not None
    declined = offer_status.decline(hiring.workbook, offer_id)
    assert declined.status == "declined" and declined.declined_at is not None
    assert stage_of(hiring.workbook, hiring.ada_app) == Stage.OFFER.value  # left as it was
    with pytest.raises(OfferRefusedError, match="can no longer change"):
        offer_status.withdraw(hiring.workbook, offer_id)
    with hiring.workbook.transaction() as session:
        actions = session.exec(
            select(AuditEvent.action)
            .where(AuditEvent.entity == "offer")
            .order_by(col(AuditEvent.id))
        )
        assert list(actions) == ["add", "approve", "send", "decline"]


def test_sending_is_refused_once_the_application_is_closed(hiring: Hiring) -> None:
    offer_id = offer_records.create_offer(hiring.workbook, hiring.ada_app, TERMS, today=TODAY).id
    offer_status.approve(hiring.workbook, offer_id, hiring.lead)
    stage_moves.move(hiring.workbook, hiring.ada_app, Stage.WITHDRAWN.value)
    with pytest.raises(OfferRefusedError, match="withdrew"):
        offer_status.mark_sent(hiring.workbook, offer_id)
    assert offer_status.withdraw(hiring.workbook, offer_id).status == "withdrawn"


def test_unknown_offer(hiring: Hiring) -> None:
    with pytest.raises(NotFoundError):
        offer_status.accept(hiring.workbook, 12345)
    with pytest.raises(NotFoundError):
        offer_records.offer_detail(hiring.workbook, 12345)


# -- accepting ------------------------------------------------------------------------


def test_accepting_hires_the_candidate_and_the_timeline_shows_it(hiring: Hiring) -> None:
    offer_id = sent_offer(hiring)
    result = offer_status.accept(hiring.workbook, offer_id, by_member_id=hiring.lead)

    assert result.offer.status == "accepted" and result.offer.accepted_at is not None
    assert stage_of(hiring.workbook, hiring.ada_app) == Stage.HIRED.value
    newest = stage_moves.timeline(hiring.workbook, hiring.ada)[0]
    assert (newest.from_stage, newest.to_stage) == ("offer", "hired")
    assert (newest.note, newest.by) == ("Offer accepted", "Aoife Byrne")
    assert result.role_id == hiring.role and result.role_title == "Backend Developer"
    assert (result.headcount, result.hired_count, result.headcount_filled) == (1, 1, True)
    assert result.open_application_ids == [hiring.ben_app, hiring.dee_app]


def test_accepting_with_places_left_does_not_fill_the_role(hiring: Hiring) -> None:
    detail = role_records.get_role(hiring.workbook, hiring.role)
    role_records.update_role(hiring.workbook, hiring.role, replace(detail.brief, headcount=2))
    result = offer_status.accept(hiring.workbook, sent_offer(hiring))
    assert (result.hired_count, result.headcount_filled) == (1, False)


def test_a_refused_hire_leaves_the_offer_unaccepted(hiring: Hiring) -> None:
    offer_id = sent_offer(hiring)
    stage_moves.move(hiring.workbook, hiring.ada_app, Stage.SHORTLISTED.value)  # moved back
    with pytest.raises(MoveRefusedError, match="from the Offer stage"):
        offer_status.accept(hiring.workbook, offer_id)
    assert offer_records.offer_detail(hiring.workbook, offer_id).status == "sent"
    assert stage_of(hiring.workbook, hiring.ada_app) == Stage.SHORTLISTED.value
    with hiring.workbook.transaction() as session:
        hired = session.exec(select(StageEvent).where(StageEvent.to_stage == "hired")).all()
        assert hired == []


# -- filling the role ---------------------------------------------------------------


def test_fill_role_closes_the_rest_with_the_reason(hiring: Hiring) -> None:
    ben_offer = offer_records.create_offer(hiring.workbook, hiring.ben_app, TERMS, today=TODAY).id
    offer_status.accept(hiring.workbook, sent_offer(hiring))

    result = offer_status.fill_role(hiring.workbook, hiring.role, "  Position filled ", hiring.lead)

    assert (result.closed, result.offers_withdrawn) == (2, 1)
    assert (
        role_records.get_role(hiring.workbook, hiring.role).brief.status == RoleStatus.FILLED.value
    )
    for app in (hiring.ben_app, hiring.dee_app):
        assert stage_of(hiring.workbook, app) == Stage.REJECTED.value
    assert stage_of(hiring.workbook, hiring.ada_app) == Stage.HIRED.value
    assert stage_of(hiring.workbook, hiring.cy_app) == Stage.REJECTED.value
    infos = stage_moves.applications_of(hiring.workbook, _candidate_of(hiring, hiring.ben_app))
    assert infos[0].closed_reason == "Position filled"
    assert offer_records.offer_detail(hiring.workbook, ben_offer).status == "withdrawn"
    with hiring.workbook.transaction() as session:
        event = session.exec(
            select(StageEvent)
            .where(StageEvent.application_id == hiring.dee_app)
            .order_by(col(StageEvent.id).desc())
        ).first()
        assert event is not None and event.note == "Position filled: The role is filled"


def _candidate_of(hiring: Hiring, application_id: int) -> int:
    with hiring.workbook.transaction() as session:
        row = session.get(Application, application_id)
        assert row is not None
        return row.candidate_id


def test_fill_role_needs_a_reason_and_a_real_role(hiring: Hiring) -> None:
    with pytest.raises(ValidationError) as caught:
        offer_status.fill_role(hiring.workbook, hiring.role, "   ")
    assert "reason" in caught.value.errors
    with pytest.raises(NotFoundError):
        offer_status.fill_role(hiring.workbook, 9999, "Position filled")
    assert role_records.get_role(hiring.workbook, hiring.role).brief.status == RoleStatus.OPEN.value


def test_fill_role_with_nobody_left_to_close_needs_no_reason(hiring: Hiring) -> None:
    for app in (hiring.ben_app, hiring.dee_app):
        stage_moves.move(hiring.workbook, app, Stage.WITHDRAWN.value)
    offer_status.accept(hiring.workbook, sent_offer(hiring))
    result = offer_status.fill_role(hiring.workbook, hiring.role, "")
    assert (result.closed, result.offers_withdrawn) == (0, 0)
    assert (
        role_records.get_role(hiring.workbook, hiring.role).brief.status == RoleStatus.FILLED.value
    )


def test_fill_role_is_all_or_nothing(hiring: Hiring, monkeypatch: pytest.MonkeyPatch) -> None:
    real = stage_moves.move_in_session
    calls: list[int] = []

    def fail_on_the_second(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise ServiceError("disk on fire")
        real(*args, **kwargs)

    monkeypatch.setattr(stage_moves, "move_in_session", fail_on_the_second)
    with pytest.raises(ServiceError, match="disk on fire"):
        offer_status.fill_role(hiring.workbook, hiring.role, "Position filled")
    assert len(calls) == 2
    assert role_records.get_role(hiring.workbook, hiring.role).brief.status == RoleStatus.OPEN.value
    assert stage_of(hiring.workbook, hiring.ben_app) == Stage.INTERVIEW.value
    assert stage_of(hiring.workbook, hiring.dee_app) == Stage.APPLIED.value


# -- listing ---------------------------------------------------------------------------


def test_list_offers_by_status_with_the_date_of_the_status(hiring: Hiring) -> None:
    sent = sent_offer(hiring)
    draft = offer_records.create_offer(hiring.workbook, hiring.ben_app, TERMS, today=TODAY).id
    everything = offer_records.list_offers(hiring.workbook)
    assert [o.id for o in everything] == [sent, draft]
    only_sent = offer_records.list_offers(hiring.workbook, OfferStatus.SENT.value)
    assert [o.id for o in only_sent] == [sent]
    row = only_sent[0]
    assert row.application_id == hiring.ada_app and row.approved_by == "Aoife Byrne"
    assert row.expiry_date == TERMS.expiry_date and row.status_label == "Sent"
    assert row.status_at is not None
    assert offer_records.list_offers(hiring.workbook, OfferStatus.ACCEPTED.value) == []
