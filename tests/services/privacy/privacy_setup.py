"""Builders for privacy tests: a candidate whose name and email are all over the workbook.

Ingrid Ødegård has a CV that names her, notes, a stage move and a rejection whose
notes mention her, an interview with notes, a scorecard and a rating note about
her, and an offer whose terms and printed letter name her. Another candidate's
notes mention her too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from tests.services.interviews.scorecard_setup import add_interview, add_member, add_role

from hiring_desk.services.candidates import attachments, candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.interviews.scorecards import RatingDraft, ScorecardDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.store import Workbook
from hiring_desk.store.models import Interview, Offer

NAME = "Ingrid Ødegård"
EMAIL = "ingrid.odegaard@fjordmail.example"
PHONE = "+47 912 34 567"
ADDRESS = "Storgata 17\n0184 Oslo"
TODAY = date(2026, 11, 24)


@dataclass(frozen=True)
class Person:
    candidate_id: int
    application_id: int
    interview_id: int
    scorecard_id: int
    offer_id: int
    other_id: int  # another candidate, whose notes mention her
    member_id: int
    role_id: int


def cv_text() -> bytes:
    return (
        f"{NAME}\n{EMAIL}\n{PHONE}\n\nBackend developer, eight years of PostgreSQL "
        "and Python.\nReferences on request.\n"
    ).encode()


def add_person(workbook: Workbook, *, reject: bool = True) -> Person:
    """Ingrid with her whole history (her application rejected unless ``reject`` is False)."""
    member_id = add_member(workbook, "Ana Silva")
    role_id = add_role(workbook, "Backend Developer", "Python", "PostgreSQL")
    candidate_id = candidate_records.create_candidate(
        workbook,
        CandidateInput(
            name=NAME,
            email=EMAIL,
            phone=PHONE,
            location="Oslo",
            postal_address=ADDRESS,
            linkedin_url="https://www.linkedin.com/in/ingrid-odegaard-dev",
            current_title="Senior Backend Developer",
            years_experience=8,
            salary_expectation=Decimal("72000"),
            salary_currency="EUR",
            notice_weeks=12,
            notes=f"Met {NAME} at PyCon; write to {EMAIL} in spring.",
            skills=("Python", "PostgreSQL"),
            tags=("pycon",),
        ),
    ).id
    attachments.add_attachment(workbook, candidate_id, "Ingrid Ødegård CV.txt", cv_text())
    application_id = stage_moves.apply(
        workbook, candidate_id, role_id, note=f"Referral; {NAME} sent her CV"
    ).id
    stage_moves.move(
        workbook, application_id, "screening", by_member_id=member_id, note="Ingrid is keen"
    )
    stage_moves.move(workbook, application_id, "interview", by_member_id=member_id)
    interview_id = add_interview(workbook, application_id, (member_id,))
    with workbook.transaction() as session:
        interview = session.get(Interview, interview_id)
        assert interview is not None
        interview.notes = f"Ask Ødegård about the migration; confirm by mail to {EMAIL}"
        session.add(interview)
    scorecard_id = scorecards.save_scorecard(
        workbook,
        interview_id,
        ScorecardDraft(
            interviewer_id=member_id,
            recommendation="yes",
            notes=f"{NAME} explained indexing well.",
            ratings=(
                RatingDraft("databases", 4, "Ingrid knew partial indexes"),
                RatingDraft("apis", 3),
                RatingDraft("communication", 3),
            ),
        ),
        now=datetime(2026, 3, 10, 12, 0, tzinfo=UTC),
    )
    with workbook.transaction() as session:
        offer = Offer(
            application_id=application_id,
            salary_minor=7_000_000,
            conditions=f"Subject to references for {NAME}",
            letter_text=(
                f"{NAME}\n{ADDRESS}\n\nDear Ingrid,\n\nWe are pleased to offer you the "
                f"role. Reply to us from {EMAIL}.\n"
            ),
            status="declined",
        )
        session.add(offer)
        session.flush()
        assert offer.id is not None
        offer_id = offer.id
    if reject:
        stage_moves.move(
            workbook,
            application_id,
            "rejected",
            by_member_id=member_id,
            reason="Declined our offer",
            note=f"{NAME} took another job",
        )
    other_id = candidate_records.create_candidate(
        workbook,
        CandidateInput(name="Kari Nordmann", notes=f"Referred by {NAME} ({EMAIL})."),
    ).id
    return Person(
        candidate_id,
        application_id,
        interview_id,
        scorecard_id,
        offer_id,
        other_id,
        member_id,
        role_id,
    )
