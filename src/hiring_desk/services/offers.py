"""Offers. This version lists them; drafting arrives with the Offers area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import col

from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, Offer, Role


@dataclass(frozen=True)
class OfferSummary:
    id: int
    candidate_id: int
    candidate_name: str
    role_id: int
    role_title: str
    status: str
    salary_minor: int
    currency: str
    pay_period: str
    start_date: date | None


def list_offers(workbook: Workbook) -> list[OfferSummary]:
    statement = (
        select(Offer, col(Candidate.id), col(Candidate.name), col(Role.id), col(Role.title))
        .join(Application, col(Application.id) == Offer.application_id)
        .join(Candidate, col(Candidate.id) == Application.candidate_id)
        .join(Role, col(Role.id) == Application.role_id)
        .order_by(col(Offer.id))
    )
    with workbook.transaction() as session:
        return [
            OfferSummary(
                id=o.id or 0,
                candidate_id=cid or 0,
                candidate_name=cname,
                role_id=rid or 0,
                role_title=rtitle,
                status=o.status,
                salary_minor=o.salary_minor,
                currency=o.currency,
                pay_period=o.pay_period,
                start_date=o.start_date,
            )
            for o, cid, cname, rid, rtitle in session.execute(statement)
        ]
