"""A small workbook with a known hiring history, made through the real services.

Every step happens at noon UTC on its day (scorecards at the hour given), so each
figure of the report can be worked out by hand; ``tests/conftest.TODAY`` (30 Nov
2026) is the day the report is read.

Roles (both added 15 Oct): Backend Developer (EUR 60,000-80,000) and Designer (no
budget). Team: Aoife Byrne (founder) and Ian Walsh (interviewer).

* Ada (referral, Backend), applied 2 Nov: Screening 4 Nov, Interview 9 Nov,
  Shortlisted 13 Nov, Offer 14 Nov (EUR 85,000, sent 14 Nov, declined 16 Nov),
  a second offer (EUR 75,000, sent 17 Nov) accepted 19 Nov: Hired.
* Ben (LinkedIn, Backend), applied 3 Nov: Screening 5 Nov, Interview 10 Nov, back
  to Screening 12 Nov, rejected 16 Nov ("Skills do not match the brief").
* Cy (LinkedIn, Backend), applied 5 Nov, withdrew 8 Nov.
* Dee (other, Designer), applied 20 Nov: Screening 21 Nov (an interview booked for
  5 Dec with Ian).
* Eve (referral, Backend), applied 20 Oct, still at Applied.
* Fay (agency, Designer), applied 2 Nov: an offer 3 Nov (straight to Offer), sent
  that day, answer by 10 Nov, never answered.

Interviews: Ada 10 Nov 10:00-11:00 UTC with Aoife and Ian (Ian's scorecard 15:00
that day, Aoife's 14 Nov 12:00); Ben 11 Nov 10:00-11:00 with Ian (no scorecard).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal

from tests.conftest import on_day

from hiring_desk import clock
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.interviews import interview_schedule, scorecards
from hiring_desk.services.interviews.interview_schedule import InterviewDraft
from hiring_desk.services.interviews.scorecards import ScorecardDraft
from hiring_desk.services.offers import offer_records, offer_status
from hiring_desk.services.offers.terms import OfferDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook

REJECTION = "Skills do not match the brief"


@dataclass(frozen=True)
class History:
    backend: int  # role ids
    designer: int
    aoife: int  # team member ids
    ian: int


def nov(day: int) -> date:
    return date(2026, 11, day)


def _candidate(workbook: Workbook, name: str, source: str) -> int:
    return candidate_records.create_candidate(workbook, CandidateInput(name=name, source=source)).id


def _apply(workbook: Workbook, candidate: int, role: int, day: date) -> int:
    with on_day(day):
        return stage_moves.apply(workbook, candidate, role).id


def _move(workbook: Workbook, application: int, stage: str, day: date, reason: str = "") -> None:
    with on_day(day):
        stage_moves.move(workbook, application, stage, reason=reason)


def _sent_offer(
    workbook: Workbook, application: int, salary: int, day: date, lead: int, expiry: date
) -> int:
    with on_day(day):
        offer = offer_records.create_offer(
            workbook,
            application,
            OfferDraft(salary=Decimal(salary), currency="EUR", expiry_date=expiry),
            today=day,
        ).id
        offer_status.approve(workbook, offer, lead, today=day)
        offer_status.mark_sent(workbook, offer, today=day)
    return offer


def _interview(workbook: Workbook, application: int, day: date, members: tuple[int, ...]) -> int:
    with on_day(day):
        return interview_schedule.schedule(
            workbook,
            application,
            InterviewDraft(
                day=day, start=time(10), timezone="UTC", round_name="Technical",
                interviewer_ids=members,
            ),
        )  # fmt: skip


def _scorecard(workbook: Workbook, interview: int, member: int, at: datetime) -> None:
    with clock.fixed(at):
        scorecards.save_scorecard(
            workbook, interview, ScorecardDraft(interviewer_id=member, recommendation="yes"), now=at
        )


def build_history(workbook: Workbook) -> History:
    """Make the history the module notes describe; returns the ids the tests need."""
    with on_day(date(2026, 10, 15)):
        aoife = team_members.add_member(workbook, "Aoife Byrne", "Founder").id
        ian = team_members.add_member(workbook, "Ian Walsh", "Engineer").id
        backend = role_records.create_role(
            workbook,
            RoleBrief(
                title="Backend Developer", status="open", salary_min=Decimal(60000),
                salary_max=Decimal(80000), salary_currency="EUR",
            ),
        ).id  # fmt: skip
        designer = role_records.create_role(workbook, RoleBrief(title="Designer", status="open")).id
        people = {
            name: _candidate(workbook, name, source)
            for name, source in (
                ("Ada Lovelace", "referral"),
                ("Ben Okafor", "linkedin"),
                ("Cy Tan", "linkedin"),
                ("Dee Ross", "other"),
                ("Eve Byrne", "referral"),
                ("Fay Quinn", "agency"),
            )
        }

    eve = _apply(workbook, people["Eve Byrne"], backend, date(2026, 10, 20))
    assert eve
    ada = _apply(workbook, people["Ada Lovelace"], backend, nov(2))
    fay = _apply(workbook, people["Fay Quinn"], designer, nov(2))
    ben = _apply(workbook, people["Ben Okafor"], backend, nov(3))
    _sent_offer(workbook, fay, 50000, nov(3), aoife, expiry=nov(10))
    _move(workbook, ada, "screening", nov(4))
    _move(workbook, ben, "screening", nov(5))
    cy = _apply(workbook, people["Cy Tan"], backend, nov(5))
    _move(workbook, cy, "withdrawn", nov(8))
    _move(workbook, ada, "interview", nov(9))
    ada_interview = _interview(workbook, ada, nov(10), (aoife, ian))
    _move(workbook, ben, "interview", nov(10))
    ben_interview = _interview(workbook, ben, nov(11), (ian,))
    _scorecard(workbook, ada_interview, ian, datetime(2026, 11, 10, 15, tzinfo=UTC))
    _move(workbook, ben, "screening", nov(12))
    _move(workbook, ada, "shortlisted", nov(13))
    _scorecard(workbook, ada_interview, aoife, datetime(2026, 11, 14, 12, tzinfo=UTC))
    first = _sent_offer(workbook, ada, 85000, nov(14), aoife, expiry=nov(24))
    with on_day(nov(16)):
        offer_status.decline(workbook, first, today=nov(16))
    _move(workbook, ben, "rejected", nov(16), reason=REJECTION)
    second = _sent_offer(workbook, ada, 75000, nov(17), aoife, expiry=nov(24))
    with on_day(nov(19)):
        offer_status.accept(workbook, second, today=nov(19))
    dee = _apply(workbook, people["Dee Ross"], designer, nov(20))
    _move(workbook, dee, "screening", nov(21))
    _interview(workbook, dee, date(2026, 12, 5), (ian,))
    assert ben_interview
    return History(backend, designer, aoife, ian)
