"""Messages made for candidates: the drafts the user's mail program sends."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from hiring_desk.store.models._base import utcnow


class CandidateMessage(SQLModel, table=True):
    """One email draft made for a candidate, as it was made (its text never changes).

    ``attachments`` names the files it carried, one per line. Personal data:
    exported with the candidate and removed when the candidate is erased.
    """

    __tablename__ = "candidate_message"

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", ondelete="CASCADE", index=True)
    application_id: int | None = Field(
        default=None, foreign_key="application.id", ondelete="SET NULL"
    )
    interview_id: int | None = Field(default=None, foreign_key="interview.id", ondelete="SET NULL")
    offer_id: int | None = Field(default=None, foreign_key="offer.id", ondelete="SET NULL")
    template_key: str = ""
    template_name: str = ""
    recipient: str = ""
    subject: str = ""
    body: str = ""
    attachments: str = ""
    made_at: datetime = Field(default_factory=utcnow, index=True)
    made_by_member_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )
