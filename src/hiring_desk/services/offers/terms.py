"""An offer's terms as the editor captures them, and their field checks."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from hiring_desk.domain.formatting import major_to_minor
from hiring_desk.domain.vocab import EmploymentType, PayPeriod
from hiring_desk.services.candidates.record_checks import plain_text
from hiring_desk.services.common.validation import length_problem

SHORT_LIMIT = 300
LONG_LIMIT = 5000

#: One-line fields (the limit is SHORT_LIMIT); the multi-line ones take LONG_LIMIT.
_LINES: tuple[str, ...] = ("bonus", "probation", "working_hours", "place_of_work")
#: Multi-line fields.
_BLOCKS: tuple[str, ...] = ("benefits", "conditions")


@dataclass(frozen=True)
class OfferDraft:
    """Everything the offer editor captures. Money is in major units (65000, not cents)."""

    salary: Decimal | None
    currency: str = "EUR"
    pay_period: str = PayPeriod.YEAR.value
    bonus: str = ""
    start_date: date | None = None
    employment_type: str = EmploymentType.FULL_TIME.value
    probation: str = ""
    working_hours: str = ""
    place_of_work: str = ""
    benefits: str = ""
    expiry_date: date | None = None
    conditions: str = ""


@dataclass(frozen=True)
class CheckedTerms:
    """Terms that passed their checks, with the salary in the minor units stored."""

    draft: OfferDraft
    salary_minor: int


def check_terms(
    draft: OfferDraft,
    *,
    today: date,
    currencies: frozenset[str],
    previous_start: date | None = None,
    previous_expiry: date | None = None,
) -> tuple[CheckedTerms | None, dict[str, str]]:
    """Clean the terms and list what is wrong with them, field by field.

    A start or expiry date in the past is refused only when it was just
    entered, so an offer whose dates have passed can still be edited.
    """
    errors: dict[str, str] = {}
    currency = plain_text(draft.currency).upper()
    if currency not in currencies:
        errors["currency"] = f"'{draft.currency}' is not an ISO 4217 currency code"
    salary_minor = _salary(draft.salary, currency, errors)
    if draft.pay_period not in {p.value for p in PayPeriod}:
        errors["pay_period"] = f"'{draft.pay_period}' is not one of the choices"
    if draft.employment_type not in {e.value for e in EmploymentType}:
        errors["employment_type"] = f"'{draft.employment_type}' is not one of the choices"
    start, expiry = draft.start_date, draft.expiry_date
    if start and start < today and start != previous_start:
        errors["start_date"] = "is in the past"
    if expiry and expiry < today and expiry != previous_expiry:
        errors["expiry_date"] = "is in the past"
    elif expiry and start and expiry > start:
        errors["expiry_date"] = "is after the start date: the answer is needed before then"
    texts: dict[str, str] = {}
    for name in (*_LINES, *_BLOCKS):
        texts[name] = plain_text(getattr(draft, name), multiline=name in _BLOCKS)
        limit = LONG_LIMIT if name in _BLOCKS else SHORT_LIMIT
        if problem := length_problem(texts[name], limit):
            errors[name] = problem
    if errors or salary_minor is None:
        return None, errors
    cleaned = replace(
        draft,
        currency=currency,
        bonus=texts["bonus"],
        probation=texts["probation"],
        working_hours=texts["working_hours"],
        place_of_work=texts["place_of_work"],
        benefits=texts["benefits"],
        conditions=texts["conditions"],
    )
    return CheckedTerms(cleaned, salary_minor), {}


def _salary(amount: Decimal | None, currency: str, errors: dict[str, str]) -> int | None:
    if amount is None:
        errors["salary"] = "is required"
        return None
    if amount <= 0:
        errors["salary"] = "must be more than zero"
        return None
    if "currency" in errors:
        return None
    try:
        return major_to_minor(amount, currency)
    except (ValueError, InvalidOperation) as exc:
        errors["salary"] = str(exc)
        return None
