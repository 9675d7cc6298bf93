"""An offer's letter: its merge fields from the workbook, a preview, printing, the stored text.

The first time a letter is printed, everything it shows (a ``PrintedLetter``:
date, address block, body, terms, signatures) is stored with the offer in
``offer.letter_text``, with the template's key and the time. Every later print
uses the stored letter, so a reprint years later is the same letter even when
the offer, the candidate or the template changed since. Making it again from
a template ("Regenerate") is allowed only while the offer is a draft or
approved: once sent, the letter is what the candidate holds.

The letter is built only when nothing is missing: an unknown or empty merge
field is reported first (``letter_merge.check_letter``), never printed.

Until the offer is approved its letter prints with DRAFT across every page,
and ``LetterState.draft_reason`` says why (``offer_rules.letter_draft_reason``).
The mark is not part of the stored letter: a reprint after approval is clean.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from babel.dates import format_date
from babel.numbers import get_currency_precision
from sqlmodel import Session

from hiring_desk import clock
from hiring_desk.domain import offer_rules
from hiring_desk.domain.formatting import format_money
from hiring_desk.domain.letter_fields import (
    MERGE_FIELDS,
    CandidateFields,
    CompanyFields,
    LetterContext,
    LetterFields,
    OfferFields,
    PrintedLetter,
    RoleFields,
    SignatoryFields,
    split_name,
)
from hiring_desk.domain.vocab import EmploymentType, OfferStatus, PayPeriod, WorkMode
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ServiceError, reporting_write_failures
from hiring_desk.services.common.permissions import Permission
from hiring_desk.services.common.role_scope import require_on
from hiring_desk.services.offers.letter_merge import (
    LetterProblem,
    LetterProblemsError,
    check_letter,
    fill,
    fill_marked,
)
from hiring_desk.services.offers.letter_templates import default_template_key, letter_template
from hiring_desk.services.offers.offer_views import (
    context_of,
    load_application,
    load_offer,
    parties,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import CompanyProfile, Offer, TeamMember
from hiring_desk.store.models._base import utcnow

__all__ = [
    "MERGE_FIELDS",
    "LetterPreview",
    "LetterProblem",
    "LetterProblemsError",
    "LetterState",
    "check_letter",
    "freeze_letter",
    "letter_context",
    "letter_state",
    "preview_letter",
    "render_letter",
    "write_letter_pdf",
]

#: While an offer has one of these statuses, its printed letter may be made again.
REGENERATE_STATUSES = frozenset({OfferStatus.DRAFT.value, OfferStatus.APPROVED.value})
#: Statuses an offer reaches only once approved: its letter prints without the DRAFT mark.
_PAST_APPROVAL = frozenset(
    {OfferStatus.APPROVED, OfferStatus.SENT, OfferStatus.ACCEPTED, OfferStatus.DECLINED}
)


@dataclass(frozen=True)
class LetterState:
    """Where an offer's letter stands, for the print dialog."""

    offer_id: int
    status: str
    candidate_name: str
    role_title: str
    template_key: str  # the one it was printed from, else the one for its employment type
    printed: PrintedLetter | None  # the stored letter, once printed
    printed_at: datetime | None
    can_regenerate: bool
    terms_changed: bool  # the offer's terms differ from the printed letter's
    draft_reason: str | None = None  # why the PDF says DRAFT across it (None: it does not)

    @property
    def frozen(self) -> bool:
        return self.printed is not None


@dataclass(frozen=True)
class LetterPreview:
    """The letter a template would make now, or what stops it (and the text with gaps marked)."""

    letter: PrintedLetter | None
    problems: tuple[LetterProblem, ...]
    draft: str = ""  # with problems: the body, each empty field shown as [missing: ...]


def letter_context(
    workbook: Workbook, offer_id: int, *, today: date | None = None
) -> LetterContext:
    """Every merge field for this offer, formatted for the workbook's locale."""
    with workbook.transaction() as session:
        return _context(session, load_offer(session, offer_id), today or clock.today())


def render_letter(workbook: Workbook, offer_id: int, template_key: str) -> str:
    """The template's body filled in for this offer. Raises LetterProblemsError."""
    body = letter_template(workbook, template_key).body
    return fill(body, letter_context(workbook, offer_id))


def preview_letter(
    workbook: Workbook, offer_id: int, template_key: str, *, today: date | None = None
) -> LetterPreview:
    """The whole letter ``template_key`` would make for this offer now (nothing is stored)."""
    template = letter_template(workbook, template_key)
    context = letter_context(workbook, offer_id, today=today)
    problems = check_letter(template.body, context)
    if problems:
        return LetterPreview(None, tuple(problems), fill_marked(template.body, context) or "")
    return LetterPreview(_printed(template_key, context, fill(template.body, context)), ())


def letter_state(workbook: Workbook, offer_id: int) -> LetterState:
    with workbook.transaction() as session:
        offer = load_offer(session, offer_id)
        context = _context(session, offer, clock.today())
        printed = _stored(offer)
        return LetterState(
            offer_id=offer_id,
            status=offer.status,
            candidate_name=context.candidate.name,
            role_title=context.role.title,
            template_key=offer.letter_template or default_template_key(offer.employment_type),
            printed=printed,
            printed_at=offer.printed_at if printed else None,
            can_regenerate=offer.status in REGENERATE_STATUSES,
            terms_changed=printed is not None and printed.terms != context.terms(),
            draft_reason=_draft_reason(session, offer),
        )


def freeze_letter(
    workbook: Workbook,
    offer_id: int,
    template_key: str | None = None,
    *,
    regenerate: bool = False,
    today: date | None = None,
) -> PrintedLetter:
    """The letter to print for this offer, stored with it the first time.

    Once stored, the same letter comes back (``template_key`` may then only
    name the template it was made from). ``regenerate`` makes it again from
    ``template_key`` (default: the stored one), while the offer is a draft or
    approved. Raises LetterProblemsError, or ServiceError when not allowed.
    """
    require_on(workbook, Permission.PIPELINE, "offer", offer_id)
    letter, new = _letter_for_print(workbook, offer_id, template_key, regenerate, today)
    if new:
        _store(workbook, offer_id, letter)
    return letter


def write_letter_pdf(
    workbook: Workbook,
    offer_id: int,
    out: Path,
    template_key: str | None = None,
    *,
    regenerate: bool = False,
) -> Path:
    """Print the offer's letter to ``out`` as a PDF (storing the letter on first print).

    The file is written beside its destination and renamed into place, and the
    letter is stored only once the file is there, so a failure leaves neither
    half a file nor a letter marked as printed.
    """
    from hiring_desk.documents.offer_letter import letter_to_pdf

    letter, new = _letter_for_print(workbook, offer_id, template_key, regenerate, None)
    with workbook.transaction() as session:
        profile = session.get(CompanyProfile, 1)
        logo = profile.logo if profile else None
        draft = _draft_reason(session, load_offer(session, offer_id)) is not None
    with reporting_write_failures(out):
        letter_to_pdf(letter, out, logo, draft=draft)
    if new:
        _store(workbook, offer_id, letter)
    return out


# -- printing and storing --------------------------------------------------------------------


def _letter_for_print(
    workbook: Workbook,
    offer_id: int,
    template_key: str | None,
    regenerate: bool,
    today: date | None,
) -> tuple[PrintedLetter, bool]:
    """(the letter, whether it is new and must be stored)."""
    with workbook.transaction() as session:
        offer = load_offer(session, offer_id)
        stored = _stored(offer)
        status, kind = offer.status, offer.employment_type
        profile = session.get(CompanyProfile, 1) or CompanyProfile()
        printed_on = _long_date(
            offer.printed_at.astimezone().date() if offer.printed_at else None, profile.locale
        )
    if stored is not None and not regenerate:
        if template_key and template_key != stored.template:
            raise ServiceError(
                f"This letter was printed on {printed_on} from another template, and "
                "reprints give the same letter. Regenerate it to use a different template."
            )
        return stored, False
    if stored is not None and status not in REGENERATE_STATUSES:
        raise ServiceError(
            f"The offer is {OfferStatus(status).label.lower()}, so its letter stays as printed "
            f"on {printed_on}. A letter can be made again only while the offer is a "
            "draft or approved."
        )
    key = template_key or (stored.template if stored else "") or default_template_key(kind)
    body = letter_template(workbook, key).body
    context = letter_context(workbook, offer_id, today=today)
    return _printed(key, context, fill(body, context)), True


def _draft_reason(session: Session, offer: Offer) -> str | None:
    """Why this offer's letter prints as a DRAFT now (None when it prints clean)."""
    status = OfferStatus(offer.status)
    approved = status in _PAST_APPROVAL or (
        status is OfferStatus.WITHDRAWN and offer.approved_at is not None
    )
    budget = context_of(session, load_application(session, offer.application_id)).budget
    position = offer_rules.budget_position(
        offer.salary_minor, offer.currency, offer.pay_period, budget
    )
    return offer_rules.letter_draft_reason(approved, position.side == "above")


def _store(workbook: Workbook, offer_id: int, letter: PrintedLetter) -> None:
    with workbook.transaction() as session:
        offer = load_offer(session, offer_id)
        offer.letter_text = letter.to_text()
        offer.letter_template = letter.template
        offer.printed_at = utcnow()
        session.add(offer)
        audit.record(session, "print_letter", "offer", offer_id, {"template": letter.template})


def _stored(offer: Offer) -> PrintedLetter | None:
    if offer.printed_at is None or not offer.letter_text.strip():
        return None
    return PrintedLetter.from_text(offer.letter_text)


def _printed(key: str, context: LetterContext, body: str) -> PrintedLetter:
    recipient = "\n".join(p for p in (context.candidate.name, context.candidate.address) if p)
    return PrintedLetter(
        template=key,
        date=context.letter.date,
        company_name=context.company.name,
        company_address=context.company.address,
        recipient=recipient,
        body=body,
        terms=context.terms(),
        signatory_name=context.signatory.name,
        signatory_title=context.signatory.title,
        candidate_name=context.candidate.name,
        title=f"Offer letter: {context.role.title}",
    )


# -- the merge fields ------------------------------------------------------------------------


def _context(session: Session, offer: Offer, today: date) -> LetterContext:
    candidate, role = parties(session, load_application(session, offer.application_id))
    profile = session.get(CompanyProfile, 1) or CompanyProfile()
    signatory = _member(session, profile.signatory_id)
    manager = _member(session, role.hiring_manager_id)
    locale = profile.locale
    name = " ".join(candidate.name.split())
    first, last = split_name(name)
    return LetterContext(
        candidate=CandidateFields(
            name=name,
            first_name=first,
            last_name=last,
            address=_lines(candidate.postal_address),
            email=candidate.email.strip(),
        ),
        role=RoleFields(
            title=role.title.strip(),
            location=role.location.strip(),
            work_mode=_label(WorkMode, role.work_mode),
            project=role.project.strip(),
            project_duration=role.project_duration.strip(),
            hiring_manager=manager.name.strip() if manager else "",
            hiring_manager_title=manager.title.strip() if manager else "",
        ),
        company=CompanyFields(name=profile.name.strip(), address=_lines(profile.address)),
        signatory=SignatoryFields(
            name=signatory.name.strip() if signatory else "",
            title=signatory.title.strip() if signatory else "",
        ),
        offer=OfferFields(
            salary=_money(offer.salary_minor, offer.currency, locale),
            pay_period=_label(PayPeriod, offer.pay_period),
            currency=offer.currency,
            bonus=offer.bonus.strip(),
            start_date=_long_date(offer.start_date, locale),
            employment_type=_label(EmploymentType, offer.employment_type),
            probation=offer.probation.strip(),
            working_hours=offer.working_hours.strip(),
            place_of_work=offer.place_of_work.strip(),
            benefits=_lines(offer.benefits),
            expiry_date=_long_date(offer.expiry_date, locale),
            conditions=offer.conditions.strip(),
        ),
        letter=LetterFields(date=_long_date(today, locale)),
    )


def _member(session: Session, member_id: int | None) -> TeamMember | None:
    return session.get(TeamMember, member_id) if member_id is not None else None


def _money(amount_minor: int, currency: str, locale: str) -> str:
    """``€65,000`` for a whole amount, ``€45.50`` when there are cents."""
    whole = amount_minor % 10 ** get_currency_precision(currency) == 0
    return format_money(amount_minor, currency, locale, whole=whole)


def _long_date(value: date | None, locale: str) -> str:
    """``4 January 2027`` (in the locale's own long form); empty for None."""
    return format_date(value, "long", locale=locale) if value else ""


def _lines(text: str) -> str:
    """Multi-line text with each line trimmed and blank lines left out."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _label(vocabulary: type[EmploymentType | PayPeriod | WorkMode], value: str) -> str:
    try:
        return vocabulary(value).label
    except ValueError:
        return value.replace("_", " ")
