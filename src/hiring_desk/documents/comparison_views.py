"""A shortlist comparison as plain values: the candidates' facts and the rows drawn from them.

The comparison service (``services.comparison``) reads the workbook and builds
these; the window's dialog and the printed PDF (``documents.comparison_pdf``) draw
the same rows, so the screen and the paper always agree. Money is in minor units.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hiring_desk.domain import offer_rules
from hiring_desk.domain.match import MatchResult
from hiring_desk.domain.offer_rules import Budget
from hiring_desk.domain.scoring import Aggregate
from hiring_desk.domain.vocab import WorkMode

__all__ = ["BudgetFit", "CandidateColumn", "Comparison", "ComparisonRow", "RowGroup"]


@dataclass(frozen=True)
class BudgetFit:
    """A salary expectation against the role's budget.

    ``side``: "within", "above", "below", "other_currency", "other_period",
    "no_budget" or "not_given"; ``gap_minor``: how far outside, in the budget's
    currency and period (0 unless above or below).
    """

    side: str
    gap_minor: int


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    cells: tuple[str, ...]  # one per candidate, plain text
    best: frozenset[int] = frozenset()  # the columns holding the best value

    def is_best(self, column: int) -> bool:
        return column in self.best


@dataclass(frozen=True)
class RowGroup:
    heading: str
    rows: tuple[ComparisonRow, ...]


@dataclass(frozen=True)
class CandidateColumn:
    """One candidate's facts for the role. Money in minor units."""

    candidate_id: int
    application_id: int
    name: str
    stage: str
    match: MatchResult
    scores: Aggregate
    salary_minor: int | None  # the lower end of a range
    salary_max_minor: int | None  # a range's upper end
    salary_currency: str | None
    salary_period: str
    budget_fit: BudgetFit
    notice_weeks: int | None
    earliest_start: date | None  # None when the notice period is not known
    work_mode_preference: str | None
    work_mode_fit: str  # "fit", "mismatch" or "unknown"
    source: str
    years_experience: int | None


@dataclass(frozen=True)
class Comparison:
    role_id: int
    role_title: str
    role_work_mode: str
    budget: Budget
    locale: str
    today: date
    candidates: tuple[CandidateColumn, ...]
    competencies: tuple[str, ...]  # every competency any of them was rated on, fixed order
    groups: tuple[RowGroup, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.candidates)

    @property
    def budget_shown(self) -> str:
        """The role's budget for people to read ("no budget set" when there is none)."""
        return offer_rules.budget_text(self.budget, self.locale)

    @property
    def work_mode_label(self) -> str:
        return _work_mode_label(self.role_work_mode)

    @property
    def title(self) -> str:
        return f"Shortlist comparison: {self.role_title}"


def _work_mode_label(value: str) -> str:
    try:
        return WorkMode(value).label
    except ValueError:
        return value.replace("_", " ").capitalize()
