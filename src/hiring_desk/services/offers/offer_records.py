"""Offers: drafting and editing an offer's terms.

An offer belongs to one application. It is refused for an application that is
rejected, withdrawn or already hired, and an application has at most one live
offer (draft, approved, sent or accepted) at a time. Drafting or editing an
offer leaves the application's stage alone: a draft is an idea the candidate
has not seen. Sending it (``offer_status.mark_sent``) is what moves the
application to Offer, on the candidate's timeline.

Reading offers back is in ``offer_views`` (re-exported here); status changes
(approve, send, accept, decline, withdraw) and filling a role are in
``offer_status``; the rules both follow are in ``domain.offer_rules``.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col

from hiring_desk import clock
from hiring_desk.domain import offer_rules
from hiring_desk.domain.vocab import OfferStatus, Stage
from hiring_desk.services.common import audit, versions
from hiring_desk.services.common.errors import ServiceError, ValidationError
from hiring_desk.services.common.permissions import Permission
from hiring_desk.services.common.role_scope import require_on
from hiring_desk.services.offers.offer_views import (
    OfferContext,
    OfferDetail,
    OfferSummary,
    changed_meanwhile,
    detail_of,
    list_offers,
    load_application,
    load_offer,
    offer_context,
    offer_detail,
    offers_for_application,
    summaries,
)
from hiring_desk.services.offers.terms import CheckedTerms, OfferDraft, check_terms
from hiring_desk.services.team.company import currency_codes
from hiring_desk.store import Workbook
from hiring_desk.store.models import Offer, TeamMember
from hiring_desk.store.models._base import utcnow

__all__ = [
    "OfferContext",
    "OfferDetail",
    "OfferDraft",
    "OfferRefusedError",
    "OfferSummary",
    "closed_refusal",
    "create_offer",
    "list_offers",
    "offer_context",
    "offer_detail",
    "offers_for_application",
    "update_offer",
]


class OfferRefusedError(ServiceError):
    """Something the offer rules do not allow now; the message says why."""


def create_offer(
    workbook: Workbook,
    application_id: int,
    draft: OfferDraft,
    *,
    by_member_id: int | None = None,
    today: date | None = None,
) -> OfferDetail:
    """Draft an offer. The application stays at its stage until the offer is sent.

    Refused (OfferRefusedError) for a closed application or one with a live
    offer; bad terms raise ValidationError with a message per field.
    """
    require_on(workbook, Permission.PIPELINE, "application", application_id)
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
        audit.record(session, "add", "offer", offer.id)
        return detail_of(session, offer, today)


def update_offer(
    workbook: Workbook, offer_id: int, draft: OfferDraft, *, today: date | None = None
) -> OfferDetail:
    """Change a draft or approved offer's terms.

    Changing an approved offer's terms returns it to draft: the approval was
    given for the old terms. Saving the same terms again changes nothing.
    """
    require_on(workbook, Permission.PIPELINE, "offer", offer_id)
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
        # New terms are a new version: a status change from the old ones is refused.
        versions.bump(session, offer, None, changed_meanwhile(session, offer))
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


# -- helpers -----------------------------------------------------------------------


def _live_offer(session: Session, application_id: int) -> OfferSummary | None:
    live = [s.value for s in offer_rules.LIVE_STATUSES]
    found = summaries(
        session, col(Offer.application_id) == application_id, col(Offer.status).in_(live)
    )
    return found[0] if found else None


def _checked(draft: OfferDraft, today: date | None, offer: Offer | None) -> CheckedTerms:
    checked, errors = check_terms(
        draft,
        today=today or clock.today(),
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
