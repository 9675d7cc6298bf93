"""Offers made to candidates. Money is in minor units of ``currency``."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from hiring_desk.store.models._base import utcnow, version_field


class Offer(SQLModel, table=True):
    __tablename__ = "offer"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", ondelete="CASCADE", index=True)
    salary_minor: int
    currency: str = "EUR"
    pay_period: str = "year"
    bonus: str = ""
    start_date: date | None = None
    employment_type: str = "full_time"
    probation: str = ""
    working_hours: str = ""
    place_of_work: str = ""
    benefits: str = ""
    expiry_date: date | None = None
    conditions: str = ""
    status: str = Field(default="draft", index=True)
    approved_by_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )
    approved_at: datetime | None = None
    sent_at: datetime | None = None
    accepted_at: datetime | None = None
    declined_at: datetime | None = None
    withdrawn_at: datetime | None = None
    letter_template: str | None = None
    letter_text: str = ""
    printed_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    #: One more at each status change (see ``version_field``).
    version: int = version_field()
