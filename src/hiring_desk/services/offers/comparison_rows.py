"""The rows of a shortlist comparison: plain text per candidate, and which value is best.

Part of the comparison service (``comparison`` is the entry point). A row is one
line of the dialog's grid and of the printed table. A best value is marked only
where more is plainly better (skills covered, interview means) or sooner is (the
earliest start), and only when at least two candidates have a value and not all
of them are equal; tied leaders are all marked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction
from typing import Protocol, TypeVar

from hiring_desk.documents.comparison_views import (
    BudgetFit,
    CandidateColumn,
    ComparisonRow,
    RowGroup,
)
from hiring_desk.domain.competencies import competency_label
from hiring_desk.domain.formatting import format_day, format_money, format_money_range
from hiring_desk.domain.offer_rules import Budget
from hiring_desk.domain.scoring import format_mean
from hiring_desk.domain.vocab import PayPeriod, Source, Stage, WorkMode

#: What a cell shows when there is nothing to show.
NO_VALUE = "–"


def build_groups(
    columns: Sequence[CandidateColumn],
    competencies: Sequence[str],
    budget: Budget,
    locale: str,
) -> tuple[RowGroup, ...]:
    """Every row of the comparison, under its heading, in the order shown."""
    return (
        RowGroup("Candidate", _overview(columns)),
        RowGroup("Skills for the role", _skills(columns)),
        RowGroup("Interview scorecards", _interviews(columns, competencies)),
        RowGroup("Pay and availability", _terms(columns, budget, locale)),
    )


# -- the groups --------------------------------------------------------------------------------


def _overview(columns: Sequence[CandidateColumn]) -> tuple[ComparisonRow, ...]:
    return (
        _row("Stage", [_label(Stage, c.stage) for c in columns]),
        _row("Source", [_label(Source, c.source) for c in columns]),
        _row("Years of experience", [_count(c.years_experience, "year") for c in columns]),
    )


def _skills(columns: Sequence[CandidateColumn]) -> tuple[ComparisonRow, ...]:
    matches = [c.match for c in columns]
    rows = [
        _row(
            "Match",
            [NO_VALUE if m.score is None else f"{m.score}%" for m in matches],
            _best([m.score for m in matches]),
        )
    ]
    kinds = (
        ("Must-haves", [(m.must_matched, m.must_missing) for m in matches]),
        ("Nice-to-haves", [(m.nice_matched, m.nice_missing) for m in matches]),
    )
    for noun, pairs in kinds:
        total = len(pairs[0][0]) + len(pairs[0][1])
        if not total:  # the role lists none of this kind
            continue
        rows += [
            _row(
                noun,
                [f"{len(have)} of {total}" for have, _missing in pairs],
                _best([len(have) for have, _missing in pairs]),
            ),
            _row(f"{noun} matched", [_names(have) for have, _missing in pairs]),
            _row(f"{noun} missing", [_names(missing) for _have, missing in pairs]),
        ]
    return tuple(rows)


def _interviews(
    columns: Sequence[CandidateColumn], competencies: Sequence[str]
) -> tuple[ComparisonRow, ...]:
    aggregates = [c.scores for c in columns]
    rows = [
        _row("Scorecards", [str(a.count) if a.count else "None yet" for a in aggregates]),
    ]
    for key in competencies:
        means: list[Fraction | None] = []
        for found in aggregates:
            entry = next((e for e in found.competencies if e.competency == key), None)
            means.append(None if entry is None else Fraction(entry.total, entry.count))
        rows.append(
            _row(
                competency_label(key),
                [NO_VALUE if m is None else format_mean(m) for m in means],
                _best(means),
            )
        )
    overall = [
        Fraction(a.rating_total, a.rating_count) if a.rating_count else None for a in aggregates
    ]
    rows += [
        _row(
            "Overall mean (1-4)",
            [a.overall_shown or NO_VALUE for a in aggregates],
            _best(overall),
        ),
        _row("Recommendations", [a.recommendation_summary or NO_VALUE for a in aggregates]),
    ]
    return tuple(rows)


def _terms(
    columns: Sequence[CandidateColumn], budget: Budget, locale: str
) -> tuple[ComparisonRow, ...]:
    return (
        _row("Salary expectation", [_salary(c, locale) for c in columns]),
        _row("Against the budget", [_fit_text(c.budget_fit, budget, locale) for c in columns]),
        _row("Notice period", [_notice(c.notice_weeks) for c in columns]),
        _row(
            "Earliest start",
            [format_day(c.earliest_start, locale) or "Unknown" for c in columns],
            _best([c.earliest_start for c in columns], lowest=True),
        ),
        _row("Work mode", [_work_mode(c) for c in columns]),
    )


# -- cell texts --------------------------------------------------------------------------------


def _row(label: str, cells: Sequence[str], best: frozenset[int] = frozenset()) -> ComparisonRow:
    return ComparisonRow(label, tuple(cells), best)


class _HasLabel(Protocol):
    @property
    def label(self) -> str: ...


def _label(kind: Callable[[str], _HasLabel], value: str | None) -> str:
    """The vocabulary's label for a stored value; an unknown value is shown tidied."""
    if not value:
        return NO_VALUE
    try:
        return kind(value).label
    except ValueError:
        return value.replace("_", " ").capitalize()


def _count(value: int | None, noun: str) -> str:
    if value is None:
        return NO_VALUE
    return f"{value} {noun}" if value == 1 else f"{value} {noun}s"


def _names(names: Sequence[str]) -> str:
    return ", ".join(names) if names else "None"


def _salary(column: CandidateColumn, locale: str) -> str:
    if column.salary_minor is None or not column.salary_currency:
        return "Not given"
    amount = format_money_range(
        column.salary_minor, column.salary_max_minor, column.salary_currency, locale
    )
    return f"{amount} {_label(PayPeriod, column.salary_period)}"


def _fit_text(fit: BudgetFit, budget: Budget, locale: str) -> str:
    if fit.side in ("above", "below"):
        gap = format_money(fit.gap_minor, budget.currency, locale)
        return f"{fit.side.capitalize()} budget by {gap} {_label(PayPeriod, budget.period)}"
    return {
        "within": "Within budget",
        "other_currency": "Not comparable: different currency",
        "other_period": "Not comparable: different pay period",
        "no_budget": "No budget set",
    }.get(fit.side, NO_VALUE)


def _notice(weeks: int | None) -> str:
    if weeks is None:
        return "Not given"
    return "None" if weeks == 0 else _count(weeks, "week")


def _work_mode(column: CandidateColumn) -> str:
    if column.work_mode_fit == "unknown":
        return "Unknown"
    preference = _label(WorkMode, column.work_mode_preference)
    if column.work_mode_fit == "fit":
        return f"Fit ({preference})"
    return f"Mismatch: prefers {preference.lower()}"


Ranked = TypeVar("Ranked", int, Fraction, date)


def _best(values: Sequence[Ranked | None], *, lowest: bool = False) -> frozenset[int]:
    """The columns holding the highest (or lowest) value; none when it does not stand out."""
    known = [(index, value) for index, value in enumerate(values) if value is not None]
    if len(known) < 2 or len({value for _index, value in known}) == 1:
        return frozenset()
    pick = min if lowest else max
    target = pick(value for _index, value in known)
    return frozenset(index for index, value in known if value == target)
