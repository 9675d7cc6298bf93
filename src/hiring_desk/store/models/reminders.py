"""What the Today view remembers: snoozed and done reminders, and dated tasks."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from hiring_desk.store.models._base import utcnow


class ReminderState(SQLModel, table=True):
    """A Today item the person snoozed (until a moment) or marked done.

    ``item_key`` is the item's kind and the id of its record (``offer_expiring:12``).
    """

    __tablename__ = "reminder_state"

    item_key: str = Field(primary_key=True)
    snoozed_until: datetime | None = None
    done_at: datetime | None = None
    by_member_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )
    updated_at: datetime = Field(default_factory=utcnow)


class Task(SQLModel, table=True):
    """A dated to-do on a candidate or a role ("call back Thursday")."""

    __tablename__ = "task"

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int | None = Field(
        default=None, foreign_key="candidate.id", ondelete="CASCADE", index=True
    )
    role_id: int | None = Field(default=None, foreign_key="role.id", ondelete="CASCADE", index=True)
    title: str
    due_on: date = Field(index=True)
    done_at: datetime | None = None
    created_by_member_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )
    created_at: datetime = Field(default_factory=utcnow)
