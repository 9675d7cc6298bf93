"""Builders for email tests: a Greek candidate with an interview and an offer, as rows.

Rows are inserted directly (like the offer-letter tests), so these tests do not
depend on the scheduling or offer editing services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from hiring_desk.store import Workbook, models

GREEK = "Ζωή Παπαδοπούλου"
GREEK_EMAIL = "zoi@example.gr"


@dataclass(frozen=True)
class Setup:
    candidate_id: int
    application_id: int
    interview_id: int
    offer_id: int
    sender_id: int
    role_id: int


def candidate_with_everything(workbook: Workbook, *, name: str = GREEK) -> Setup:
    """A candidate in Athens with an interview on 12 January 2027 at 09:00 UTC (11:00
    in Athens) and a draft offer of €65,000, and a sender with an email address."""
    with workbook.transaction() as session:
        sender = models.TeamMember(
            name="Niamh Gallagher", title="Head of People", email="niamh@harbourlight.ie"
        )
        interviewer = models.TeamMember(name="Tomás Ó Briain", title="Head of Engineering")
        session.add_all([sender, interviewer])
        session.flush()
        session.merge(
            models.CompanyProfile(
                id=1,
                name="Harbourlight Software Ltd",
                address="Unit 3, Millrace Yard\nDublin 8",
                signatory_id=sender.id,
                locale="en_IE",
                default_currency="EUR",
            )
        )
        role = models.Role(title="Backend Developer", location="Dublin")
        person = models.Candidate(
            name=name,
            email=GREEK_EMAIL,
            postal_address="Odos Ermou 12\nAthens 105 63",
        )
        session.add_all([role, person])
        session.flush()
        assert role.id and person.id and sender.id and interviewer.id
        application = models.Application(candidate_id=person.id, role_id=role.id, stage="offer")
        session.add(application)
        session.flush()
        assert application.id
        interview = models.Interview(
            application_id=application.id,
            round_name="Technical interview",
            starts_at=datetime(2027, 1, 12, 9, 0, tzinfo=UTC),
            timezone="Europe/Athens",
            duration_minutes=60,
            location="Harbourlight office, Dublin 8",
            video_link="https://meet.example.com/abc",
        )
        offer = models.Offer(
            application_id=application.id,
            salary_minor=6_500_000,
            currency="EUR",
            pay_period="year",
            start_date=date(2027, 3, 1),
            employment_type="full_time",
            expiry_date=date(2027, 2, 12),
            status="approved",
        )
        session.add_all([interview, offer])
        session.flush()
        assert interview.id and offer.id
        session.add(
            models.InterviewInterviewer(interview_id=interview.id, member_id=interviewer.id)
        )
        return Setup(person.id, application.id, interview.id, offer.id, sender.id, role.id)


def add_candidate(workbook: Workbook, name: str, email: str, role_id: int) -> int:
    with workbook.transaction() as session:
        person = models.Candidate(name=name, email=email)
        session.add(person)
        session.flush()
        assert person.id
        session.add(models.Application(candidate_id=person.id, role_id=role_id, stage="screening"))
        return person.id


def parse_eml(data: bytes | Path) -> EmailMessage:
    raw = data.read_bytes() if isinstance(data, Path) else data
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    return message


def attachments_of(message: EmailMessage) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for part in message.iter_attachments():
        assert isinstance(part, EmailMessage)
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        found[str(part.get_filename())] = payload
    return found
