"""Offers read back: the list, one offer in full, and what a new offer is weighed against.

The read side of the offers service (``offers`` re-exports it): frozen
dataclasses for the pages, the command line and printing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from hiring_desk import clock
from hiring_desk.domain import offer_rules
from hiring_desk.domain.formatting import minor_to_major
from hiring_desk.domain.offer_rules import Budget
from hiring_desk.domain.vocab import OfferStatus
from hiring_desk.services.common import versions
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.common.permissions import interviewer_only
from hiring_desk.services.offers.terms import OfferDraft
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    CompanyProfile,
    Offer,
    Role,
    TeamMember,
)


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
    application_id: int = 0
    expiry_date: date | None = None
    status_at: datetime | None = None  # when it reached its current status
    approved_by: str = ""
    #: The version read: a status change from what was shown passes it as ``expected_version``.
    version: int = 1

    @property
    def status_label(self) -> str:
        return OfferStatus(self.status).label


@dataclass(frozen=True)
class OfferContext:
    """What an offer is weighed against: the role's budget and the candidate's notice."""

    application_id: int
    candidate_id: int
    candidate_name: str
    role_id: int
    role_title: str
    stage: str
    budget: Budget
    notice_weeks: int | None
    role_employment_type: str
    locale: str

    def warnings(
        self,
        salary_minor: int | None,
        currency: str,
        period: str,
        start_date: date | None,
        today: date | None = None,
    ) -> list[str]:
        """The non-blocking warnings for these terms (sentences; empty when all is well)."""
        return offer_rules.offer_warnings(
            salary_minor=salary_minor,
            currency=currency,
            period=period,
            start_date=start_date,
            budget=self.budget,
            notice_weeks=self.notice_weeks,
            today=today or clock.today(),
            locale=self.locale,
        )

    def earliest_start(self, today: date | None = None) -> date:
        return offer_rules.earliest_start(today or clock.today(), self.notice_weeks)

    def suggested_start(self, answer_by: date) -> date:
        """The start date a new offer suggests: once the candidate's notice is served,
        and after the day they are asked to answer by (an answer comes before a start)."""
        return max(self.earliest_start(), answer_by + timedelta(days=1))


@dataclass(frozen=True)
class OfferDetail:
    """Everything the editor and printing need. ``draft`` holds money in major units."""

    id: int
    context: OfferContext
    draft: OfferDraft
    salary_minor: int
    status: str
    approved_by_id: int | None
    approved_by: str
    approved_at: datetime | None
    sent_at: datetime | None
    accepted_at: datetime | None
    declined_at: datetime | None
    withdrawn_at: datetime | None
    created_at: datetime
    updated_at: datetime
    letter_template: str | None
    printed_at: datetime | None
    warnings: tuple[str, ...]  # empty once the offer is answered or withdrawn
    version: int = 1  # as read (see ``OfferSummary.version``)

    @property
    def status_label(self) -> str:
        return OfferStatus(self.status).label

    @property
    def is_editable(self) -> bool:
        return offer_rules.is_editable(OfferStatus(self.status))


def list_offers(workbook: Workbook, status: str | None = None) -> list[OfferSummary]:
    """Every offer (or those with ``status``), oldest first; those the signed-in
    person may see (none for an interviewer)."""
    if interviewer_only(workbook):
        return []
    conditions = [] if status is None else [col(Offer.status) == status]
    with workbook.transaction() as session:
        return summaries(session, *conditions)


def offers_for_application(workbook: Workbook, application_id: int) -> list[OfferSummary]:
    """The offers made on one application, oldest first (none for an interviewer)."""
    if interviewer_only(workbook):
        return []
    with workbook.transaction() as session:
        return summaries(session, col(Offer.application_id) == application_id)


def offer_context(workbook: Workbook, application_id: int) -> OfferContext:
    """The budget, notice period and names the editor shows for a new offer."""
    with workbook.transaction() as session:
        return context_of(session, load_application(session, application_id))


def offer_detail(workbook: Workbook, offer_id: int, *, today: date | None = None) -> OfferDetail:
    with workbook.transaction() as session:
        return detail_of(session, load_offer(session, offer_id), today)


def load_offer(session: Session, offer_id: int) -> Offer:
    offer = session.get(Offer, offer_id)
    if offer is None:
        raise NotFoundError(f"Offer {offer_id} does not exist.")
    return offer


def load_application(session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None:
        raise NotFoundError(f"Application {application_id} does not exist.")
    return application


def parties(session: Session, application: Application) -> tuple[Candidate, Role]:
    """The candidate and the role of an application (its foreign keys say both exist)."""
    candidate = session.get(Candidate, application.candidate_id)
    role = session.get(Role, application.role_id)
    assert candidate is not None and role is not None
    return candidate, role


def context_of(session: Session, application: Application) -> OfferContext:
    assert application.id is not None
    candidate, role = parties(session, application)
    assert role.id is not None
    profile = session.get(CompanyProfile, 1)
    return OfferContext(
        application_id=application.id,
        candidate_id=application.candidate_id,
        candidate_name=candidate.name,
        role_id=role.id,
        role_title=role.title,
        stage=application.stage,
        budget=Budget(
            role.salary_min_minor, role.salary_max_minor, role.salary_currency, role.salary_period
        ),
        notice_weeks=candidate.notice_weeks,
        role_employment_type=role.employment_type,
        locale=profile.locale if profile else "en_GB",
    )


def detail_of(session: Session, offer: Offer, today: date | None = None) -> OfferDetail:
    assert offer.id is not None
    context = context_of(session, load_application(session, offer.application_id))
    approver = session.get(TeamMember, offer.approved_by_id) if offer.approved_by_id else None
    status = OfferStatus(offer.status)
    warnings = (
        context.warnings(
            offer.salary_minor, offer.currency, offer.pay_period, offer.start_date, today
        )
        if status in offer_rules.OPEN_STATUSES
        else []
    )
    return OfferDetail(
        id=offer.id,
        context=context,
        draft=OfferDraft(
            salary=minor_to_major(offer.salary_minor, offer.currency),
            currency=offer.currency,
            pay_period=offer.pay_period,
            bonus=offer.bonus,
            start_date=offer.start_date,
            employment_type=offer.employment_type,
            probation=offer.probation,
            working_hours=offer.working_hours,
            place_of_work=offer.place_of_work,
            benefits=offer.benefits,
            expiry_date=offer.expiry_date,
            conditions=offer.conditions,
        ),
        salary_minor=offer.salary_minor,
        status=offer.status,
        approved_by_id=offer.approved_by_id,
        approved_by=approver.name if approver else "",
        approved_at=offer.approved_at,
        sent_at=offer.sent_at,
        accepted_at=offer.accepted_at,
        declined_at=offer.declined_at,
        withdrawn_at=offer.withdrawn_at,
        created_at=offer.created_at,
        updated_at=offer.updated_at,
        letter_template=offer.letter_template,
        printed_at=offer.printed_at,
        warnings=tuple(warnings),
        version=offer.version,
    )


def _status_at(offer: Offer) -> datetime | None:
    return {
        OfferStatus.DRAFT.value: offer.created_at,
        OfferStatus.APPROVED.value: offer.approved_at,
        OfferStatus.SENT.value: offer.sent_at,
        OfferStatus.ACCEPTED.value: offer.accepted_at,
        OfferStatus.DECLINED.value: offer.declined_at,
        OfferStatus.WITHDRAWN.value: offer.withdrawn_at,
    }.get(offer.status)


def summaries(session: Session, *conditions: ColumnElement[bool]) -> list[OfferSummary]:
    """The offers matching every condition, oldest first, with names to show."""
    statement = (
        sa_select(
            Offer,
            col(Candidate.id),
            col(Candidate.name),
            col(Role.id),
            col(Role.title),
            col(TeamMember.name),
        )
        .join(Application, col(Application.id) == Offer.application_id)
        .join(Candidate, col(Candidate.id) == Application.candidate_id)
        .join(Role, col(Role.id) == Application.role_id)
        .outerjoin(TeamMember, col(TeamMember.id) == Offer.approved_by_id)
        .where(*conditions)
        .order_by(col(Offer.id))
    )
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
            application_id=o.application_id,
            expiry_date=o.expiry_date,
            status_at=_status_at(o),
            approved_by=approver or "",
            version=o.version,
        )
        for o, cid, cname, rid, rtitle, approver in session.execute(statement)
    ]


# -- changed meanwhile -----------------------------------------------------------------

#: What the person who changed the offer last did, by the status it has now: a status
#: change, or (a draft) its terms edited, which also takes an approved offer back to draft.
_DID: dict[OfferStatus, str] = {
    OfferStatus.DRAFT: "changed the terms of the offer to {name}",
    OfferStatus.APPROVED: "approved the offer to {name}",
    OfferStatus.SENT: "marked the offer to {name} as sent",
    OfferStatus.ACCEPTED: "recorded that {name} accepted the offer",
    OfferStatus.DECLINED: "recorded that {name} declined the offer",
    OfferStatus.WITHDRAWN: "withdrew the offer to {name}",
}
#: The audit actions that change an offer's version (``offer_status``, ``offer_records``).
VERSIONED_ACTIONS = ("approve", "send", "accept", "decline", "withdraw", "edit")


def changed_meanwhile(session: Session, offer: Offer) -> versions.Describe:
    """Words for a change refused because someone changed the offer since it was shown."""

    def describe() -> str:
        assert offer.id is not None
        who, at = versions.last_change(session, "offer", offer.id, VERSIONED_ACTIONS)
        candidate, _role = parties(session, load_application(session, offer.application_id))
        did = _DID[OfferStatus(offer.status)].format(name=candidate.name)
        return versions.meanwhile(who, did, at)

    return describe
