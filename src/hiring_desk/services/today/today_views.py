"""What the Today view shows: its items, their kinds and where each is done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hiring_desk.services.today.today_limits import TodayLimits

__all__ = ["ItemKind", "Opens", "TaskView", "TodayItem", "TodayView"]


class ItemKind(StrEnum):
    """The kinds of item, in the order Today lists them."""

    INTERVIEW = "interview"
    SCORECARD = "scorecard_overdue"
    OFFER_EXPIRING = "offer_expiring"
    OFFER_AWAITING = "offer_awaiting"
    IDLE = "idle_candidate"
    ROLE_PAST_TARGET = "role_past_target"
    RETENTION = "retention_due"
    TASK = "task"

    @property
    def heading(self) -> str:
        return _HEADINGS[self]


_HEADINGS = {
    ItemKind.INTERVIEW: "Interviews today and tomorrow",
    ItemKind.SCORECARD: "Scorecards overdue",
    ItemKind.OFFER_EXPIRING: "Offers expiring soon",
    ItemKind.OFFER_AWAITING: "Offers awaiting an answer",
    ItemKind.IDLE: "Candidates waiting too long",
    ItemKind.ROLE_PAST_TARGET: "Roles past their target date",
    ItemKind.RETENTION: "Due for deletion",
    ItemKind.TASK: "Tasks due",
}


class Opens(StrEnum):
    """Where an item is dealt with; ``TodayItem.target_id`` names the record there."""

    CANDIDATE = "candidate"  # the candidate's panel (target: candidate id)
    SCORECARD = "scorecard"  # the scorecard form (target: interview id)
    OFFER = "offer"  # the offer (target: offer id)
    ROLE = "role"  # the role's record (target: role id)
    PACK = "pack"  # printing the interview's pack (target: interview id)
    PRIVACY = "privacy"  # the retention queue (target: candidate id)


@dataclass(frozen=True)
class TodayItem:
    """One thing that needs someone. ``due_at`` (UTC) when it has a time of day."""

    kind: ItemKind
    entity_id: int
    subject: str
    detail: str
    due_on: date
    due_at: datetime | None
    opens: Opens
    target_id: int
    candidate_id: int | None = None
    role_id: int | None = None
    #: Interviews only: the interview has a round from the role's plan, so its
    #: pack prints with that round's questions.
    pack_ready: bool = False
    #: When the item last became due (None: it never comes back once done).
    became_due: datetime | None = None

    @property
    def key(self) -> str:
        """How snoozes and dones name this item: its kind and its record's id."""
        return f"{self.kind.value}:{self.entity_id}"


@dataclass(frozen=True)
class TaskView:
    id: int
    title: str
    due_on: date
    done_at: datetime | None
    candidate_id: int | None
    role_id: int | None
    #: The candidate's name or the role's title.
    about: str


@dataclass(frozen=True)
class TodayView:
    """Every item due now (snoozed and done ones left out), and tasks still to come."""

    items: tuple[TodayItem, ...]
    upcoming_tasks: tuple[TaskView, ...]
    limits: TodayLimits
    snoozed: int  # how many items are hidden by a snooze that has not run out

    def of_kind(self, kind: ItemKind) -> list[TodayItem]:
        return [item for item in self.items if item.kind is kind]
