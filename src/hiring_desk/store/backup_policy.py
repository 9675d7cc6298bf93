"""Which backups to keep as they age: a pure rule, no files touched.

The rule (a grandfather-father-son scheme, as backup tools such as borg's
``prune`` use):

- the newest ``keep_newest`` backups (default 10), whatever their age;
- the newest backup of each calendar day, for the last ``days`` days, today
  included (14);
- the newest backup of each week (Monday to Sunday), for the last ``weeks``
  weeks, this one included (8);
- the newest backup of each calendar month, for the last ``months`` months,
  this one included (12).

Everything else may be deleted. Keeping "the newest of each period" makes the
rule stable: a backup that survives as the newest of its month was also the
newest of its day and week, so thinning never removes a backup that a later,
coarser step would have wanted. A counted rule ("the newest ten") rather than
"everything from the last 24 hours" bounds the folder even on a busy day, when
an automatic backup may be taken every half hour.

Times are the local wall-clock times in the backups' names; a backup dated in
the future (the clock was wrong) counts as new and is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

Item = TypeVar("Item")
_PeriodOf = Callable[[datetime], tuple[int, ...]]
_Within = Callable[[datetime], bool]


@dataclass(frozen=True)
class Retention:
    """How many backups of each kind to keep; see the module docstring."""

    keep_newest: int = 10
    days: int = 14
    weeks: int = 8
    months: int = 12


DEFAULT_RETENTION = Retention()


def _day(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _week(moment: datetime) -> tuple[int, ...]:
    iso = moment.isocalendar()
    return (iso.year, iso.week)


def _month(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month)


def _days_between(earlier: datetime, later: datetime) -> int:
    """Calendar days: 0 for the same day, 1 for yesterday, ..."""
    return (later.date() - earlier.date()).days


def _weeks_between(earlier: datetime, later: datetime) -> int:
    """ISO weeks (Monday to Sunday): 0 for this week, 1 for last week, ..."""
    monday = date.fromisocalendar(*earlier.isocalendar()[:2], 1)
    this_monday = date.fromisocalendar(*later.isocalendar()[:2], 1)
    return (this_monday - monday).days // 7


def _months_between(earlier: datetime, later: datetime) -> int:
    """Calendar months: 0 for this month, 1 for last month, ..."""
    return (later.year - earlier.year) * 12 + (later.month - earlier.month)


def _kept_indices(
    items: Sequence[Item],
    taken_at: Callable[[Item], datetime],
    now: datetime,
    retention: Retention,
) -> set[int]:
    """Positions in ``items`` of the backups the rule keeps."""
    newest_first = sorted(range(len(items)), key=lambda i: taken_at(items[i]), reverse=True)
    keep: set[int] = set(newest_first[: max(retention.keep_newest, 0)])
    periods: tuple[tuple[_PeriodOf, _Within], ...] = (
        (_day, lambda t: _days_between(t, now) < retention.days),
        (_week, lambda t: _weeks_between(t, now) < retention.weeks),
        (_month, lambda t: _months_between(t, now) < retention.months),
    )
    for period_of, within_window in periods:
        seen: set[tuple[int, ...]] = set()
        for index in newest_first:
            moment = taken_at(items[index])
            period = period_of(moment)
            if period in seen:
                continue  # an older backup of a period already represented
            seen.add(period)
            if within_window(moment):
                keep.add(index)
    return keep


@dataclass(frozen=True)
class Thinning(Generic[Item]):
    """What the rule does with a set of backups: ``keep``, newest first, and ``remove``,
    oldest first; together they are all of them."""

    keep: list[Item]
    remove: list[Item]


def thinning(
    items: Sequence[Item],
    taken_at: Callable[[Item], datetime],
    now: datetime,
    retention: Retention = DEFAULT_RETENTION,
) -> Thinning[Item]:
    """Which of ``items`` (in any order) the rule keeps and which it lets go."""
    kept = _kept_indices(items, taken_at, now, retention)
    return Thinning(
        keep=sorted((items[i] for i in kept), key=taken_at, reverse=True),
        remove=sorted((items[i] for i in range(len(items)) if i not in kept), key=taken_at),
    )
