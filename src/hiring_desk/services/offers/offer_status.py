"""An offer's life after drafting: approve, send, accept, decline, withdraw; filling a role.

Each change checks ``domain.offer_rules``, records its date (UTC) and an audit
event, and is refused with OfferRefusedError and a sentence when not allowed.
Accepting an offer hires the candidate (through the pipeline, so the move is
on the timeline) in the same transaction: either both happen or neither does.
Declining or withdrawing leaves the application where it is; the person
decides whether to make another offer or close it.

A status change from the window passes the offer's version as it was shown
(``expected_version``): if someone changed the status since, nothing changes and
ChangedMeanwhileError says who and what the offer is now (``services.common.versions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from hiring_desk.domain import offer_rules
from hiring_desk.domain.pipeline import OPEN_STAGES
from hiring_desk.domain.vocab import OfferStatus, RoleStatus, Stage
from hiring_desk.services.common import audit, versions
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.role_scope import require_on
from hiring_desk.services.common.validation import clean
from hiring_desk.services.offers.offer_records import OfferRefusedError, closed_refusal
from hiring_desk.services.offers.offer_views import (
    OfferDetail,
    changed_meanwhile,
    detail_of,
    load_application,
    load_offer,
)
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Offer, Role, TeamMember
from hiring_desk.store.models._base import utcnow

#: The note on the stage event a status change leads to.
SENT_NOTE = "Offer sent"
ACCEPTED_NOTE = "Offer accepted"
FILLED_NOTE = "The role is filled"


@dataclass(frozen=True)
class AcceptResult:
    """The accepted offer, and whether its role now has everyone it needs."""

    offer: OfferDetail
    role_id: int
    role_title: str
    role_status: str
    headcount: int
    hired_count: int
    headcount_filled: bool
    open_application_ids: list[int]  # the role's applications still in progress


@dataclass(frozen=True)
class FillResult:
    closed: int  # applications closed as Rejected
    offers_withdrawn: int  # their unanswered offers, withdrawn


def approve(
    workbook: Workbook,
    offer_id: int,
    member_id: int,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> OfferDetail:
    """Record that team member ``member_id`` approved the offer's terms, and when."""
    require_on(workbook, Permission.PIPELINE, "offer", offer_id)
    with workbook.transaction() as session:
        if session.get(TeamMember, member_id) is None:
            raise ValidationError({"approved_by": "must be a member of the team"})
        offer = _open_offer(session, offer_id, expected_version)
        _change(session, offer, OfferStatus.APPROVED, expected_version)
        offer.approved_by_id = member_id
        return detail_of(session, offer, today)


def mark_sent(
    workbook: Workbook,
    offer_id: int,
    *,
    by_member_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> OfferDetail:
    """Record that the approved offer went to the candidate.

    This is when the application reaches the Offer stage (a draft does not
    move it): the move is on the candidate's timeline, in the same transaction.
    """
    require_on(workbook, Permission.PIPELINE, "offer", offer_id)
    with workbook.transaction() as session:
        offer = _open_offer(session, offer_id, expected_version)
        if by_member_id is not None and session.get(TeamMember, by_member_id) is None:
            raise ValidationError({"by": "must be a member of the team"})
        _change(session, offer, OfferStatus.SENT, expected_version)
        application = load_application(session, offer.application_id)
        if Stage(application.stage) in OPEN_STAGES and application.stage != Stage.OFFER.value:
            stage_moves.move_in_session(
                session, application, Stage.OFFER, by_member_id=by_member_id, note=SENT_NOTE
            )
        return detail_of(session, offer, today)


def accept(
    workbook: Workbook,
    offer_id: int,
    *,
    by_member_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> AcceptResult:
    """Record the candidate's acceptance and hire them, together or not at all."""
    require_on(workbook, Permission.PIPELINE, "offer", offer_id)
    with workbook.transaction() as session:
        offer = _open_offer(session, offer_id, expected_version)
        if by_member_id is not None and session.get(TeamMember, by_member_id) is None:
            raise ValidationError({"by": "must be a member of the team"})
        _change(session, offer, OfferStatus.ACCEPTED, expected_version)
        session.flush()  # the pipeline checks for the accepted offer in the database
        application = load_application(session, offer.application_id)
        stage_moves.move_in_session(
            session, application, Stage.HIRED, by_member_id=by_member_id, note=ACCEPTED_NOTE
        )
        role = session.get(Role, application.role_id)
        assert role is not None and role.id is not None
        hired = session.exec(
            select(func.count())
            .select_from(Application)
            .where(Application.role_id == role.id, Application.stage == Stage.HIRED.value)
        ).one()
        return AcceptResult(
            offer=detail_of(session, offer, today),
            role_id=role.id,
            role_title=role.title,
            role_status=role.status,
            headcount=role.headcount,
            hired_count=int(hired),
            headcount_filled=int(hired) >= role.headcount,
            open_application_ids=_open_application_ids(session, role.id),
        )


def decline(
    workbook: Workbook,
    offer_id: int,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> OfferDetail:
    """Record that the candidate said no. The application stays where it is."""
    require_on(workbook, Permission.PIPELINE, "offer", offer_id)
    with workbook.transaction() as session:
        offer = _shown_offer(session, offer_id, expected_version)
        _change(session, offer, OfferStatus.DECLINED, expected_version)
        return detail_of(session, offer, today)


def withdraw(
    workbook: Workbook,
    offer_id: int,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> OfferDetail:
    """Take the offer back. The application stays where it is."""
    require_on(workbook, Permission.PIPELINE, "offer", offer_id)
    with workbook.transaction() as session:
        offer = _shown_offer(session, offer_id, expected_version)
        _change(session, offer, OfferStatus.WITHDRAWN, expected_version)
        return detail_of(session, offer, today)


def fill_role(
    workbook: Workbook, role_id: int, reason_text: str, member_id: int | None = None
) -> FillResult:
    """Mark the role filled and close every application still open as Rejected.

    ``reason_text`` is the rejection reason each closed application keeps (it
    may be empty only when there is none to close). Unanswered offers on those
    applications are withdrawn. All of it happens in one transaction.
    """
    require(workbook, Permission.PIPELINE, role_id=role_id)
    reason = clean(reason_text)
    with workbook.transaction() as session:
        role = session.get(Role, role_id)
        if role is None:
            raise NotFoundError(f"Role {role_id} does not exist.")
        if member_id is not None and session.get(TeamMember, member_id) is None:
            raise ValidationError({"by": "must be a member of the team"})
        role.status = RoleStatus.FILLED.value
        role.updated_at = utcnow()
        session.add(role)
        application_ids = _open_application_ids(session, role_id)
        if application_ids and not reason:
            raise ValidationError({"reason": "is required to close the open applications"})
        withdrawn = 0
        for application_id in application_ids:
            for offer in _unanswered_offers(session, application_id):
                _change(session, offer, OfferStatus.WITHDRAWN)
                withdrawn += 1
            application = load_application(session, application_id)
            stage_moves.move_in_session(
                session,
                application,
                Stage.REJECTED,
                by_member_id=member_id,
                reason=reason,
                note=FILLED_NOTE,
            )
        audit.record(
            session, "fill", "role", role_id, {"closed": len(application_ids), "offers": withdrawn}
        )
        return FillResult(closed=len(application_ids), offers_withdrawn=withdrawn)


def _shown_offer(session: Session, offer_id: int, expected_version: int | None) -> Offer:
    """The offer, refused at once when its status changed since it was shown."""
    offer = load_offer(session, offer_id)
    versions.check(offer, expected_version, changed_meanwhile(session, offer))
    return offer


def _open_offer(session: Session, offer_id: int, expected_version: int | None = None) -> Offer:
    """An offer whose application is still open (approving, sending and accepting need one)."""
    offer = _shown_offer(session, offer_id, expected_version)
    application = load_application(session, offer.application_id)
    status = OfferStatus(offer.status)
    # A final offer says so first: that is the more useful sentence.
    if offer_rules.allowed_targets(status) and (why := closed_refusal(Stage(application.stage))):
        raise OfferRefusedError(why)
    return offer


def _change(
    session: Session, offer: Offer, target: OfferStatus, expected_version: int | None = None
) -> None:
    """Move the offer to ``target`` and stamp the date, by the rules.

    The version goes up by a conditional UPDATE first (``versions.bump``), so a change
    someone made between the read and now refuses this one.
    """
    versions.bump(session, offer, expected_version, changed_meanwhile(session, offer))
    if why := offer_rules.refusal(OfferStatus(offer.status), target):
        raise OfferRefusedError(why)
    now = utcnow()
    offer.status = target.value
    setattr(offer, _STAMP[target], now)
    offer.updated_at = now
    session.add(offer)
    audit.record(session, _ACTION[target], "offer", offer.id)


#: The column each status's date goes in, and the audit action that records it.
_STAMP: dict[OfferStatus, str] = {
    OfferStatus.APPROVED: "approved_at",
    OfferStatus.SENT: "sent_at",
    OfferStatus.ACCEPTED: "accepted_at",
    OfferStatus.DECLINED: "declined_at",
    OfferStatus.WITHDRAWN: "withdrawn_at",
}
_ACTION: dict[OfferStatus, str] = {
    OfferStatus.APPROVED: "approve",
    OfferStatus.SENT: "send",
    OfferStatus.ACCEPTED: "accept",
    OfferStatus.DECLINED: "decline",
    OfferStatus.WITHDRAWN: "withdraw",
}


def _open_application_ids(session: Session, role_id: int) -> list[int]:
    open_stages = [stage.value for stage in OPEN_STAGES]
    rows = session.exec(
        select(Application.id)
        .where(Application.role_id == role_id, col(Application.stage).in_(open_stages))
        .order_by(col(Application.id))
    ).all()
    return [row for row in rows if row is not None]


def _unanswered_offers(session: Session, application_id: int) -> list[Offer]:
    waiting = [status.value for status in offer_rules.OPEN_STATUSES]
    return list(
        session.exec(
            select(Offer).where(
                Offer.application_id == application_id, col(Offer.status).in_(waiting)
            )
        ).all()
    )
