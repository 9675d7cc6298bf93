"""Offers: drafting and editing an offer's terms, and reading offers back.

An offer belongs to one application. It is refused for an application that is
rejected, withdrawn or already hired, and an application has at most one live
offer (draft, approved, sent or accepted) at a time. Drafting an offer moves an
application that is not yet at Offer there, through the pipeline so the move
is on the candidate's timeline.

Status changes (approve, send, accept, decline, withdraw) and filling a role
are in ``offer_status``; the rules both follow are in ``domain.offer_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from hiring_desk.domain import offer_rules
from hiring_desk.domain.formatting import minor_to_major
from hiring_desk.domain.offer_rules import Budget
from hiring_desk.domain.pipeline import OPEN_STAGES
from hiring_desk.domain.vocab import OfferStatus, Stage
from hiring_desk.services import audit, pipeline
from hiring_desk.services.company import currency_codes
from hiring_desk.services.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.offer_terms import CheckedTerms, OfferDraft, check_terms
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    CompanyProfile,
    Offer,
    Role,
    TeamMember,
)
from hiring_desk.store.models._base import utcnow

__all__ = [
    "OfferContext",
    "OfferDetail",
    "OfferDraft",
    "OfferRefusedError",
    "OfferSummary",
    "create_offer",
    "list_offers",
    "offer_context",
    "offer_detail",
    "offers_for_application",
    "update_offer",
]


class OfferRefusedError(ServiceError):
    """Something the offer rules do not allow now; the message says why."""


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
            today=today or date.today(),
            locale=self.locale,
        )

    def earliest_start(self, today: date | None = None) -> date:
        return offer_rules.earliest_start(today or date.today(), self.notice_weeks)


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

    @property
    def status_label(self) -> str:
        return OfferStatus(self.status).label

    @property
    def is_editable(self) -> bool:
        return offer_rules.is_editable(OfferStatus(self.status))


def list_offers(workbook: Workbook, status: str | None = None) -> list[OfferSummary]:
    """Every offer (or those with ``status``), oldest first."""
    conditions = [] if status is None else [col(Offer.status) == status]
    with workbook.transaction() as session:
        return _summaries(session, *conditions)


def offers_for_application(workbook: Workbook, application_id: int) -> list[OfferSummary]:
    """The offers made on one application, oldest first."""
    with workbook.transaction() as session:
        return _summaries(session, col(Offer.application_id) == application_id)


def offer_context(workbook: Workbook, application_id: int) -> OfferContext:
    """The budget, notice period and names the editor shows for a new offer."""
    with workbook.transaction() as session:
        return context_of(session, load_application(session, application_id))


def offer_detail(workbook: Workbook, offer_id: int, *, today: date | None = None) -> OfferDetail:
    with workbook.transaction() as session:
        return detail_of(session, load_offer(session, offer_id), today)


def create_offer(
    workbook: Workbook,
    application_id: int,
    draft: OfferDraft,
    *,
    move_to_offer: bool = True,
    by_member_id: int | None = None,
    today: date | None = None,
) -> OfferDetail:
    """Draft an offer; with ``move_to_offer`` the application moves to Offer if it is before it.

    Refused (OfferRefusedError) for a closed application or one with a live
    offer; bad terms raise ValidationError with a message per field.
    """
    with workbook.transaction() as session:
        application = load_application(session, application_id)
        if why := closed_refusal(Stage(application.stage)):
            raise OfferRefusedError(why)
        if live := _live_offer(session, application_id):
            raise OfferRefusedError(
                f"This application already has an offer ({live.status_label.lower()}); "
                "withdraw it, or record the candidate's answer, before making another."
            )
        if by_member_id is not None and session.get(TeamMember, by_member_id) is None:
            raise ValidationError({"by": "must be a member of the team"})
        checked = _checked(draft, today, None)
        offer = Offer(application_id=application_id, salary_minor=checked.salary_minor)
        _apply(offer, checked)
        session.add(offer)
        session.flush()
        stage = Stage(application.stage)
        if move_to_offer and stage in OPEN_STAGES and stage is not Stage.OFFER:
            pipeline.move_in_session(
                session, application, Stage.OFFER, by_member_id=by_member_id, note="Offer drafted"
            )
        audit.record(session, "add", "offer", offer.id)
        return detail_of(session, offer, today)


def update_offer(
    workbook: Workbook, offer_id: int, draft: OfferDraft, *, today: date | None = None
) -> OfferDetail:
    """Change a draft or approved offer's terms.

    Changing an approved offer's terms returns it to draft: the approval was
    given for the old terms. Saving the same terms again changes nothing.
    """
    with workbook.transaction() as session:
        offer = load_offer(session, offer_id)
        status = OfferStatus(offer.status)
        if not offer_rules.is_editable(status):
            raise OfferRefusedError(
                f"The offer is {status.label.lower()}; its terms can no longer be changed."
            )
        application = load_application(session, offer.application_id)
        if why := closed_refusal(Stage(application.stage)):
            raise OfferRefusedError(why)
        checked = _checked(draft, today, offer)
        before = _terms(offer)
        _apply(offer, checked)
        if _terms(offer) == before:
            return detail_of(session, offer, today)
        back_to_draft = status is OfferStatus.APPROVED
        if back_to_draft:
            offer.status = OfferStatus.DRAFT.value
            offer.approved_by_id = None
            offer.approved_at = None
        offer.updated_at = utcnow()
        session.add(offer)
        audit.record(session, "edit", "offer", offer_id, {"back_to_draft": back_to_draft})
        return detail_of(session, offer, today)


# -- shared with offer_status ------------------------------------------------------


def closed_refusal(stage: Stage) -> str | None:
    """Why no offer can be made or moved on for an application at ``stage`` (None if it can)."""
    if stage is Stage.REJECTED:
        return (
            "This application was rejected, so no offer can be made on it. "
            "Reopen the application first if that was a mistake."
        )
    if stage is Stage.WITHDRAWN:
        return (
            "The candidate withdrew from this role, so no offer can be made on it. "
            "Reopen the application first if they are back."
        )
    if stage is Stage.HIRED:
        return "This candidate is already hired for this role."
    return None


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


def context_of(session: Session, application: Application) -> OfferContext:
    assert application.id is not None
    candidate = session.get(Candidate, application.candidate_id)
    role = session.get(Role, application.role_id)
    assert candidate is not None and role is not None and role.id is not None
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
    )


# -- helpers -----------------------------------------------------------------------


def _live_offer(session: Session, application_id: int) -> OfferSummary | None:
    live = [s.value for s in offer_rules.LIVE_STATUSES]
    found = _summaries(
        session, col(Offer.application_id) == application_id, col(Offer.status).in_(live)
    )
    return found[0] if found else None


def _checked(draft: OfferDraft, today: date | None, offer: Offer | None) -> CheckedTerms:
    checked, errors = check_terms(
        draft,
        today=today or date.today(),
        currencies=currency_codes(),
        previous_start=offer.start_date if offer else None,
        previous_expiry=offer.expiry_date if offer else None,
    )
    if errors or checked is None:
        raise ValidationError(errors)
    return checked


def _apply(offer: Offer, checked: CheckedTerms) -> None:
    d = checked.draft
    offer.salary_minor = checked.salary_minor
    offer.currency = d.currency
    offer.pay_period = d.pay_period
    offer.bonus = d.bonus
    offer.start_date = d.start_date
    offer.employment_type = d.employment_type
    offer.probation = d.probation
    offer.working_hours = d.working_hours
    offer.place_of_work = d.place_of_work
    offer.benefits = d.benefits
    offer.expiry_date = d.expiry_date
    offer.conditions = d.conditions


def _terms(offer: Offer) -> tuple[object, ...]:
    return (
        offer.salary_minor,
        offer.currency,
        offer.pay_period,
        offer.bonus,
        offer.start_date,
        offer.employment_type,
        offer.probation,
        offer.working_hours,
        offer.place_of_work,
        offer.benefits,
        offer.expiry_date,
        offer.conditions,
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


def _summaries(session: Session, *conditions: ColumnElement[bool]) -> list[OfferSummary]:
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
        )
        for o, cid, cname, rid, rtitle, approver in session.execute(statement)
    ]
