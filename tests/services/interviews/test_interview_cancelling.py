"""After a hire: the interviews left without a purpose, counted and cancelled together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlmodel import col, select
from tests.services.interviews.schedule_setup import add_application
from tests.services.offers.offer_setup import founder_and_role

from hiring_desk.services.interviews import interview_cancelling
from hiring_desk.services.offers import offer_records, offer_status
from hiring_desk.services.offers.terms import OfferDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent, Interview

NOW = datetime(2031, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Hired:
    workbook: Workbook
    lead: int
    role: int
    ada_app: int  # hired
    ben_app: int  # still interviewing for the same role
    ada_future: int
    ada_past: int  # begun before NOW, never marked done
    ada_cancelled: int
    ben_future: int
    elsewhere: int  # Ada's interview for another role


def _interview(workbook: Workbook, application: int, starts: datetime, status: str) -> int:
    with workbook.transaction() as session:
        row = Interview(application_id=application, starts_at=starts, status=status)
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


@pytest.fixture
def hired(workbook: Workbook) -> Hired:
    lead, role = founder_and_role(workbook)
    ada, ada_app = add_application(workbook, "Ada Ní Bhriain", role)
    _ben, ben_app = add_application(workbook, "Ben Okafor", role)
    other_role = role_records.create_role(workbook, RoleBrief(title="Data Engineer")).id
    ada_elsewhere = stage_moves.apply(workbook, ada, other_role).id
    later, earlier = NOW + timedelta(days=3), NOW - timedelta(hours=1)
    ids = (
        _interview(workbook, ada_app, later, "scheduled"),
        _interview(workbook, ada_app, earlier, "scheduled"),
        _interview(workbook, ada_app, later, "cancelled"),
        _interview(workbook, ben_app, later + timedelta(days=1), "scheduled"),
        _interview(workbook, ada_elsewhere, later, "scheduled"),
    )
    stage_moves.move(workbook, ada_app, "shortlisted")
    offer = offer_records.create_offer(workbook, ada_app, OfferDraft(salary=Decimal(70000))).id
    offer_status.approve(workbook, offer, lead)
    offer_status.mark_sent(workbook, offer)
    offer_status.accept(workbook, offer)
    return Hired(workbook, lead, role, ada_app, ben_app, *ids)


def statuses(workbook: Workbook) -> dict[int, str]:
    with workbook.transaction() as session:
        return {row.id or 0: row.status for row in session.exec(select(Interview))}


def test_after_a_hire_only_the_hired_candidates_future_interviews_count(hired: Hired) -> None:
    found = interview_cancelling.future_interviews(hired.workbook, hired.ada_app, now=NOW)
    assert found.hired == (hired.ada_future,)
    assert found.others == () and not found.role_filled  # the others are still in the running


def test_once_the_role_is_filled_the_others_count_too_and_all_cancel_together(
    hired: Hired,
) -> None:
    offer_status.fill_role(hired.workbook, hired.role, "Position filled")
    found = interview_cancelling.future_interviews(hired.workbook, hired.ada_app, now=NOW)
    assert found.role_filled
    assert (found.hired, found.others) == ((hired.ada_future,), (hired.ben_future,))

    cancelled = interview_cancelling.cancel_future_interviews(
        hired.workbook, found.interview_ids, now=NOW
    )

    assert cancelled == 2
    after = statuses(hired.workbook)
    assert after[hired.ada_future] == after[hired.ben_future] == "cancelled"
    assert after[hired.ada_past] == "scheduled"  # it has begun: not this prompt's to change
    assert after[hired.elsewhere] == "scheduled"  # another role's
    with hired.workbook.transaction() as session:
        logged = session.exec(
            select(AuditEvent.entity_id)
            .where(AuditEvent.entity == "interview", AuditEvent.action == "cancel")
            .order_by(col(AuditEvent.id))
        ).all()
    assert list(logged) == [hired.ada_future, hired.ben_future]
    again = interview_cancelling.future_interviews(hired.workbook, hired.ada_app, now=NOW)
    assert again.interview_ids == ()


def test_cancelling_skips_what_changed_since_it_was_counted(hired: Hired) -> None:
    found = interview_cancelling.future_interviews(hired.workbook, hired.ada_app, now=NOW)
    started = (*found.interview_ids, hired.ada_past, hired.ada_cancelled)
    assert (
        interview_cancelling.cancel_future_interviews(
            hired.workbook, started, now=NOW + timedelta(days=5)
        )
        == 0
    )
    assert statuses(hired.workbook)[hired.ada_future] == "scheduled"
