"""The retention rule: when a candidate's personal data is due for deletion, and why.

A workbook keeps unsuccessful candidates for a number of months (its policy,
6 by default) after their last application closed. The rule, for one candidate:

* Already erased: nothing is due.
* Hired: they are an employee now; their hiring record is not this rule's business.
* Any application still open: never due; the hire is still going on.
* Otherwise the retention period runs from the day the last application closed
  (rejected or withdrawn); for someone added who never applied to a role, from the
  day they were added.
* Consent to be kept on file for future roles lasts until its end date, and a
  manual hold ("keep until") lasts until its date: either one can only push the
  day later, never earlier.

The candidate is due from the latest of these days on. Every answer comes with
one sentence a person can read in the review list.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from hiring_desk.domain.formatting import DEFAULT_LOCALE, format_day

DEFAULT_RETENTION_MONTHS = 6
MIN_RETENTION_MONTHS = 1
MAX_RETENTION_MONTHS = 120


@dataclass(frozen=True)
class RetentionFacts:
    """What the rule needs to know about one candidate.

    ``closed_on`` holds the day each rejected or withdrawn application closed
    (the day of the stage move that closed it).
    """

    added_on: date
    closed_on: tuple[date, ...] = ()
    open_applications: int = 0
    hired: bool = False
    consent_until: date | None = None
    retain_until: date | None = None
    erased_at: datetime | None = None


@dataclass(frozen=True)
class DeletionDue:
    """The day from which a candidate is due for deletion, and the reason in one sentence."""

    since: date
    why: str


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months on; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_start_ended_by(today: date, months: int) -> date:
    """The last day a period of ``months`` may start on and have ended by ``today``:
    ``add_months(day, months) <= today`` holds for exactly the days up to it."""
    day = add_months(today, -months)
    while add_months(day + timedelta(days=1), months) <= today:
        day += timedelta(days=1)
    return day


def check_months(months: int) -> str | None:
    """None if ``months`` is an allowed retention period, else why not (a phrase)."""
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        return f"must be between {MIN_RETENTION_MONTHS} and {MAX_RETENTION_MONTHS} months"
    return None


@lru_cache(maxsize=4096)
def _day(day: date, locale: str) -> str:
    """``format_day``, remembered: a long queue repeats the same few hundred days."""
    return format_day(day, locale)


def _months_text(months: int) -> str:
    return f"{months} month" if months == 1 else f"{months} months"


def due_date(
    facts: RetentionFacts, months: int, locale: str = DEFAULT_LOCALE
) -> DeletionDue | None:
    """The day this candidate becomes due for deletion and why; None if never (for now).

    None for an erased candidate, a hired one, or one with an application still open.
    """
    if facts.erased_at is not None or facts.hired or facts.open_applications > 0:
        return None
    period = _months_text(months)
    if facts.closed_on:
        last = max(facts.closed_on)
        since = add_months(last, months)
        why = (
            f"Their last application closed on {_day(last, locale)}; the "
            f"retention period of {period} after that ended on {_day(since, locale)}."
        )
    else:
        since = add_months(facts.added_on, months)
        why = (
            f"They were added on {_day(facts.added_on, locale)} and never applied to "
            f"a role; the retention period of {period} ended on {_day(since, locale)}."
        )
    if facts.consent_until is not None and facts.consent_until >= since:
        since = facts.consent_until + timedelta(days=1)
        why = (
            "They agreed to be kept on file for future roles until "
            f"{_day(facts.consent_until, locale)}, and that consent has ended."
        )
    if facts.retain_until is not None and facts.retain_until >= since:
        since = facts.retain_until + timedelta(days=1)
        why = (
            f"They were kept on hold until {_day(facts.retain_until, locale)}, "
            "and that day has passed."
        )
    return DeletionDue(since=since, why=why)


def deletion_due(
    facts: RetentionFacts, months: int, today: date, locale: str = DEFAULT_LOCALE
) -> DeletionDue | None:
    """What ``due_date`` says, but only if that day is ``today`` or earlier."""
    due = due_date(facts, months, locale)
    return due if due is not None and due.since <= today else None
