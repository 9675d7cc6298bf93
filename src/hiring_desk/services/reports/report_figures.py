"""The figures of a report, as frozen values; what each one counts is said here once.

* An application is *in the report* when its role is the chosen one (or any role)
  and the day it applied (UTC) falls in the chosen range, both ends included.
* An application *reached* a stage when its stage history ever put it at that stage
  or a later one of the pipeline (skipping a stage counts as passing it). Moving
  back does not undo it, and it counts once however often it came back.
* *Hired* means reached Hired, even if the hire later withdrew.
* *Time in a stage* runs from the move into it to the move out of it; stays not
  over yet are left out. Times are in days.
* *Time to hire* runs from applying to the move to Hired (accepting an offer makes
  that move); *time to fill* from the day the role was added to its first hire.
* An offer is *made* once it was sent; it *expired* when it is still waiting after
  its answer-by date; *time to decision* runs from sending to the answer.
* Rejections and withdrawals count applications as they stand now, at the stage
  they were closed from; a reopened application is not counted.
* A scorecard is *due* from each interviewer of an interview that has ended (and
  was not cancelled); it is *late* when it came, or is still missing, more than
  two days after the interview ended.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

__all__ = [
    "FunnelStep",
    "InterviewerRow",
    "OfferFigures",
    "ReasonRow",
    "Report",
    "ReportScope",
    "RoleFill",
    "SourceRow",
    "Spread",
    "StageTime",
    "spread_of",
]

#: A scorecard is late when it comes more than this many days after the interview.
LATE_AFTER_DAYS = 2


@dataclass(frozen=True)
class ReportScope:
    """Which applications a report counts: one role or all, applied within a range."""

    role_id: int | None = None
    from_day: date | None = None
    to_day: date | None = None


@dataclass(frozen=True)
class Spread:
    """How long something took over ``count`` cases, in days: median and quartiles."""

    count: int
    median: float
    lower_quartile: float
    upper_quartile: float


def spread_of(values: Sequence[float]) -> Spread | None:
    """The median and quartiles of ``values`` (None when there are none), to 0.1 day."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        low = high = ordered[0]
    else:
        low, _middle, high = statistics.quantiles(ordered, n=4, method="inclusive")
    return Spread(
        count=len(ordered),
        median=round(statistics.median(ordered), 1),
        lower_quartile=round(low, 1),
        upper_quartile=round(high, 1),
    )


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    label: str
    reached: int
    #: Of the applications that reached the step before, the share that reached this
    #: one (0 to 1); None for the first step or when none reached the step before.
    conversion: float | None


@dataclass(frozen=True)
class StageTime:
    stage: str
    label: str
    spread: Spread | None  # None: no stay in this stage is over yet


@dataclass(frozen=True)
class RoleFill:
    role_id: int
    title: str
    opened: date  # the day the role was added
    first_hire: date
    days: float


@dataclass(frozen=True)
class SourceRow:
    source: str
    label: str
    applications: int
    interviews: int  # reached Interview
    offers: int  # reached Offer
    hires: int  # reached Hired


@dataclass(frozen=True)
class ReasonRow:
    outcome: str  # "rejected" or "withdrawn"
    stage: str  # the stage it was closed from
    stage_label: str
    reason: str  # "" for a withdrawal, which keeps no reason
    count: int


@dataclass(frozen=True)
class OfferFigures:
    made: int
    accepted: int
    declined: int
    expired: int
    withdrawn: int
    waiting: int  # sent, not answered, not past its answer-by date
    decision: Spread | None  # sending to accepting or declining
    within_budget: int
    above_budget: int
    below_budget: int
    not_comparable: int  # other currency or pay period, or the role has no budget


@dataclass(frozen=True)
class InterviewerRow:
    member_id: int
    name: str
    due: int
    submitted: int
    late: int
    average_hours: float | None  # interview's end to the scorecard, over those submitted


@dataclass(frozen=True)
class Report:
    scope: ReportScope
    role_title: str  # "All roles" when no role is chosen
    made_at: datetime
    applications: int
    funnel: tuple[FunnelStep, ...]
    stage_times: tuple[StageTime, ...]
    time_to_hire: Spread | None
    time_to_fill: tuple[RoleFill, ...]
    sources: tuple[SourceRow, ...]
    reasons: tuple[ReasonRow, ...]
    offers: OfferFigures
    interviewers: tuple[InterviewerRow, ...]
    #: One role with stages of its own: the funnel and times step by step
    #: (``report_steps``); empty otherwise. The phase figures above sum them up.
    step_funnel: tuple[FunnelStep, ...] = ()
    step_times: tuple[StageTime, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self.applications == 0

    def as_dict(self) -> dict[str, Any]:
        """Every figure as JSON-ready values (dates as ISO text)."""
        data = asdict(self)
        data["made_at"] = self.made_at.isoformat(timespec="seconds")
        data["scope"] = {
            "role_id": self.scope.role_id,
            "from": self.scope.from_day.isoformat() if self.scope.from_day else None,
            "to": self.scope.to_day.isoformat() if self.scope.to_day else None,
        }
        data["time_to_fill"] = [
            {
                **asdict(fill),
                "opened": fill.opened.isoformat(),
                "first_hire": fill.first_hire.isoformat(),
            }
            for fill in self.time_to_fill
        ]
        return data
