"""Builders for offer-letter tests: one complete offer, written as rows.

The offer is inserted directly, so these tests do not depend on the offer
editing service.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hiring_desk.store import Workbook, models

NASTY = "AT&T <b>Smith</b>"
START = date(2027, 3, 1)
EXPIRY = date(2027, 2, 12)


def add_offer(
    workbook: Workbook,
    *,
    candidate: dict[str, Any] | None = None,
    offer: dict[str, Any] | None = None,
    company: dict[str, Any] | None = None,
    signatory: bool = True,
    role: dict[str, Any] | None = None,
) -> int:
    """A candidate with an address, a role, a company with a signatory, and an offer; its id."""
    with workbook.transaction() as session:
        signer = models.TeamMember(name="Niamh Gallagher", title="Founder and CEO")
        manager = models.TeamMember(name="Tomás Ó Briain", title="Head of Engineering")
        session.add_all([signer, manager])
        session.flush()
        session.merge(
            models.CompanyProfile(
                id=1,
                **{
                    "name": "Harbourlight Software Ltd",
                    "address": "Unit 3, Millrace Yard\nDublin 8",
                    "signatory_id": signer.id if signatory else None,
                    "locale": "en_IE",
                    "default_currency": "EUR",
                    **(company or {}),
                },
            )
        )
        position = models.Role(
            **{
                "title": "Backend Developer",
                "hiring_manager_id": manager.id,
                "location": "Dublin",
                **(role or {}),
            }
        )
        person = models.Candidate(
            **{
                "name": "Margaux Lefèvre",
                "email": "margaux@example.com",
                "postal_address": "Flat 3, 18 Seabright Terrace\nDún Laoghaire\nCo. Dublin",
                **(candidate or {}),
            }
        )
        session.add_all([position, person])
        session.flush()
        assert position.id is not None and person.id is not None
        application = models.Application(candidate_id=person.id, role_id=position.id, stage="offer")
        session.add(application)
        session.flush()
        assert application.id is not None
        row = models.Offer(
            **{
                "application_id": application.id,
                "salary_minor": 6_500_000,
                "currency": "EUR",
                "pay_period": "year",
                "bonus": "Up to 8% of salary",
                "start_date": START,
                "employment_type": "full_time",
                "probation": "Six months",
                "working_hours": "39 hours a week",
                "place_of_work": "Dublin 8, two days a week",
                "benefits": "25 days' annual leave\nHealth insurance",
                "expiry_date": EXPIRY,
                "conditions": "Two satisfactory references",
                "status": "draft",
                **(offer or {}),
            }
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def change_offer(workbook: Workbook, offer_id: int, **values: Any) -> None:
    with workbook.transaction() as session:
        row = session.get(models.Offer, offer_id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)


def stored_offer(workbook: Workbook, offer_id: int) -> models.Offer:
    with workbook.transaction() as session:
        row = session.get(models.Offer, offer_id)
        assert row is not None
        return row
