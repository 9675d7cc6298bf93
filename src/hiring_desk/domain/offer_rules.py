"""The rules of an offer's life, and the warnings its terms may raise.

Statuses move one way only::

    draft -> approved -> sent -> accepted
                              -> declined
    draft, approved or sent -> withdrawn

* Sending needs an approval first, even in a company of one: the approval
  names who agreed to the terms and when, which is what the record is for.
* Accepted, declined and withdrawn are final. A new offer can be drafted for
  the same application once the previous one is declined or withdrawn.
* Editing the terms is allowed while an offer is a draft or approved; editing
  an approved offer returns it to draft (the approval was for other terms).
  That step back is part of editing, not a transition of its own.

Warnings never block: a salary outside the role's budget, a start date before
the candidate's notice period ends. Each is one sentence for the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hiring_desk.domain.formatting import DEFAULT_LOCALE, format_day, format_money
from hiring_desk.domain.vocab import OfferStatus, PayPeriod

#: Where each status may go next.
TRANSITIONS: dict[OfferStatus, frozenset[OfferStatus]] = {
    OfferStatus.DRAFT: frozenset({OfferStatus.APPROVED, OfferStatus.WITHDRAWN}),
    OfferStatus.APPROVED: frozenset({OfferStatus.SENT, OfferStatus.WITHDRAWN}),
    OfferStatus.SENT: frozenset(
        {OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.WITHDRAWN}
    ),
    OfferStatus.ACCEPTED: frozenset(),
    OfferStatus.DECLINED: frozenset(),
    OfferStatus.WITHDRAWN: frozenset(),
}

#: Offers that still count: an application has at most one of these.
LIVE_STATUSES: frozenset[OfferStatus] = frozenset(
    {OfferStatus.DRAFT, OfferStatus.APPROVED, OfferStatus.SENT, OfferStatus.ACCEPTED}
)

#: Offers whose terms may still be changed.
EDITABLE_STATUSES: frozenset[OfferStatus] = frozenset({OfferStatus.DRAFT, OfferStatus.APPROVED})

#: Offers still waiting for something to happen (warnings matter only for these).
OPEN_STATUSES: frozenset[OfferStatus] = frozenset(
    {OfferStatus.DRAFT, OfferStatus.APPROVED, OfferStatus.SENT}
)

#: The order statuses are listed in.
STATUS_ORDER: tuple[OfferStatus, ...] = (
    OfferStatus.DRAFT,
    OfferStatus.APPROVED,
    OfferStatus.SENT,
    OfferStatus.ACCEPTED,
    OfferStatus.DECLINED,
    OfferStatus.WITHDRAWN,
)

#: What each target status means, in the words used when it is refused.
_DOING: dict[OfferStatus, str] = {
    OfferStatus.DRAFT: "returned to draft",
    OfferStatus.APPROVED: "approved",
    OfferStatus.SENT: "marked as sent",
    OfferStatus.ACCEPTED: "accepted",
    OfferStatus.DECLINED: "declined",
    OfferStatus.WITHDRAWN: "withdrawn",
}


def refusal(current: OfferStatus, target: OfferStatus) -> str | None:
    """None if an offer may move from ``current`` to ``target``, else one sentence why not."""
    if current is target:
        return f"The offer is already {current.label.lower()}."
    if target in TRANSITIONS[current]:
        return None
    if not TRANSITIONS[current]:
        return f"The offer was {current.label.lower()}; it can no longer change."
    if target is OfferStatus.SENT:
        return "An offer is sent only once it is approved: approve it first."
    if target in (OfferStatus.ACCEPTED, OfferStatus.DECLINED):
        return (
            f"Only an offer the candidate has received can be {_DOING[target]}: "
            "mark it as sent first."
        )
    if target is OfferStatus.APPROVED:
        return "The offer is already past approval."
    return f"A {current.label.lower()} offer cannot be {_DOING[target]}."


def allowed_targets(current: OfferStatus) -> list[OfferStatus]:
    """The statuses an offer may move to now, in the usual order."""
    return [status for status in STATUS_ORDER if status in TRANSITIONS[current]]


#: How many days ahead "Answer by" starts when it is ticked, unless a workbook says otherwise.
DEFAULT_ANSWER_DAYS = 7
MIN_ANSWER_DAYS = 1
MAX_ANSWER_DAYS = 60


def check_answer_days(days: int) -> str | None:
    """None for a usable number of days to answer an offer in, else what is wrong."""
    if not MIN_ANSWER_DAYS <= days <= MAX_ANSWER_DAYS:
        return f"must be between {MIN_ANSWER_DAYS} and {MAX_ANSWER_DAYS} days"
    return None


def letter_draft_reason(approved: bool, over_budget: bool) -> str | None:
    """Why an offer's printed letter says DRAFT across it, or None once the offer is approved.

    A letter may be printed at any time (to check it, to show it round), but
    until someone approved the terms it must not pass for a real offer. An
    approved offer prints clean even above the budget: the approver saw that.
    """
    if approved:
        return None
    if over_budget:
        return (
            "This offer is not approved yet and is over the role's budget, "
            "so the letter is marked DRAFT."
        )
    return "This offer is not approved yet, so the letter is marked DRAFT."


def is_live(status: OfferStatus) -> bool:
    return status in LIVE_STATUSES


def is_editable(status: OfferStatus) -> bool:
    return status in EDITABLE_STATUSES


@dataclass(frozen=True)
class Budget:
    """A role's salary range; either end may be missing. Money in minor units."""

    min_minor: int | None
    max_minor: int | None
    currency: str
    period: str

    @property
    def is_set(self) -> bool:
        return self.min_minor is not None or self.max_minor is not None


#: Pay periods that can be converted into each other, as multiples of a month.
_MONTHS = {PayPeriod.MONTH: 1, PayPeriod.YEAR: 12}


def budget_warning(
    salary_minor: int,
    currency: str,
    period: str,
    budget: Budget | None,
    locale: str = DEFAULT_LOCALE,
) -> str | None:
    """A sentence when the salary is outside the role's budget, or cannot be compared to it.

    A monthly salary is compared with a yearly budget (and the other way round)
    as twelve months to the year. An hourly amount is never converted (the
    hours behind it are unknown), and amounts in different currencies are not
    compared: both are said plainly instead.
    """
    if budget is None or not budget.is_set:
        return None
    offered, budgeted = PayPeriod(period), PayPeriod(budget.period)
    position = budget_position(salary_minor, currency, period, budget)
    if position.side == "other_currency":
        return (
            f"The salary is in {currency} but the role's budget is in {budget.currency}; "
            "they cannot be compared."
        )
    if position.side == "other_period":
        return (
            f"The salary is {offered.label} but the role's budget is {budgeted.label}; "
            "they cannot be compared."
        )
    if position.side == "within":
        return None
    amount = format_money(position.amount_minor, currency, locale)
    stated = (
        f"The salary is {amount} {budgeted.label}"
        if offered is budgeted
        else f"The salary comes to {amount} {budgeted.label}"
    )
    return f"{stated}, {position.side} the role's budget of {budget_text(budget, locale)}."


@dataclass(frozen=True)
class BudgetPosition:
    """Where a salary falls against a budget, counted in the budget's pay period.

    ``side`` is "within", "above" or "below", or "other_currency" / "other_period"
    when the two cannot be compared (then both amounts are 0). ``gap_minor`` is how
    far outside the range the salary is (at least one minor unit when outside).
    """

    side: str
    amount_minor: int  # the salary in the budget's period, rounded to a minor unit
    gap_minor: int


def budget_position(
    salary_minor: int, currency: str, period: str, budget: Budget
) -> BudgetPosition:
    """Compare a salary with a budget, exactly: see :func:`budget_warning` for the rules.

    A budget with neither end set counts every salary as within it.
    """
    if currency != budget.currency:
        return BudgetPosition("other_currency", 0, 0)
    offered, budgeted = PayPeriod(period), PayPeriod(budget.period)
    if offered is not budgeted and (offered not in _MONTHS or budgeted not in _MONTHS):
        return BudgetPosition("other_period", 0, 0)
    # Compared exactly: salary x (budget months) against limit x (offer months).
    to_budget, to_offer = _MONTHS.get(budgeted, 1), _MONTHS.get(offered, 1)
    scaled = salary_minor * to_budget
    comparable = round(scaled / to_offer)
    low, high = budget.min_minor, budget.max_minor
    if low is not None and scaled < low * to_offer:
        return BudgetPosition("below", comparable, max(1, low - comparable))
    if high is not None and scaled > high * to_offer:
        return BudgetPosition("above", comparable, max(1, comparable - high))
    return BudgetPosition("within", comparable, 0)


def budget_text(budget: Budget, locale: str = DEFAULT_LOCALE) -> str:
    """The range for people to read: "€60,000.00 to €95,000.00 per year", "at least ..."."""
    if not budget.is_set:
        return "no budget set"
    period = PayPeriod(budget.period).label
    low, high = (
        None if value is None else format_money(value, budget.currency, locale)
        for value in (budget.min_minor, budget.max_minor)
    )
    if low and high:
        return f"{low} to {high} {period}"
    if low:
        return f"at least {low} {period}"
    return f"at most {high} {period}"


def earliest_start(today: date, notice_weeks: int | None) -> date:
    """The first day a candidate who resigns today is free: today plus the notice period."""
    return today + timedelta(weeks=notice_weeks or 0)


def notice_warning(
    start_date: date | None,
    today: date,
    notice_weeks: int | None,
    locale: str = DEFAULT_LOCALE,
) -> str | None:
    """A sentence when the start date comes before the candidate's notice period ends.

    The notice is counted from ``today``: the soonest the candidate could resign.
    """
    if start_date is None or not notice_weeks:
        return None
    earliest = earliest_start(today, notice_weeks)
    if start_date >= earliest:
        return None
    weeks = "1 week's" if notice_weeks == 1 else f"{notice_weeks} weeks'"
    return (
        f"The start date is before the candidate's notice period ends: with {weeks} notice "
        f"from today, the earliest start is {format_day(earliest, locale)}."
    )


def offer_warnings(
    *,
    salary_minor: int | None,
    currency: str,
    period: str,
    start_date: date | None,
    budget: Budget | None,
    notice_weeks: int | None,
    today: date,
    locale: str = DEFAULT_LOCALE,
) -> list[str]:
    """Every warning the terms raise, budget first; an empty list when all is well."""
    found = [
        budget_warning(salary_minor, currency, period, budget, locale)
        if salary_minor is not None
        else None,
        notice_warning(start_date, today, notice_weeks, locale),
    ]
    return [warning for warning in found if warning]
