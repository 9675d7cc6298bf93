"""Interviews a hire makes pointless: found, counted, and cancelled together.

Once a candidate is hired for a role, their own interviews for it that have
not happened yet serve no purpose; once the role is filled, neither do the
other candidates' for it. The window offers to cancel them (it never does so
unasked): :func:`future_interviews` counts them, and
:func:`cancel_future_interviews` cancels them in one transaction, each with
an entry in the activity log. Interviews that took place stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from hiring_desk.domain.vocab import InterviewStatus, RoleStatus
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.common.time_zones import as_utc
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Interview, Role
from hiring_desk.store.models._base import utcnow

__all__ = ["FutureInterviews", "cancel_future_interviews", "future_interviews"]


@dataclass(frozen=True)
class FutureInterviews:
    """The still-scheduled interviews for a hired candidate's role, not yet begun.

    ``others`` is filled only once the role is filled: before that, the other
    candidates are still in the running.
    """

    role_id: int
    role_filled: bool
    hired: tuple[int, ...]  # the hired candidate's interview ids, for this role
    others: tuple[int, ...]  # the other candidates' interview ids, for this role

    @property
    def interview_ids(self) -> tuple[int, ...]:
        return self.hired + self.others


def future_interviews(
    workbook: Workbook, application_id: int, *, now: datetime | None = None
) -> FutureInterviews:
    """The interviews the hire on ``application_id`` leaves without a purpose."""
    moment = now or utcnow()
    with workbook.transaction() as session:
        application = session.get(Application, application_id)
        if application is None:
            raise NotFoundError(f"Application {application_id} does not exist.")
        role = session.get(Role, application.role_id)
        assert role is not None and role.id is not None
        filled = role.status == RoleStatus.FILLED.value
        hired: list[int] = []
        others: list[int] = []
        for interview, owner in _scheduled(session, role.id):
            if as_utc(interview.starts_at) <= moment or interview.id is None:
                continue
            if owner == application_id:
                hired.append(interview.id)
            elif filled:
                others.append(interview.id)
        return FutureInterviews(role.id, filled, tuple(hired), tuple(others))


def cancel_future_interviews(
    workbook: Workbook, interview_ids: Iterable[int], *, now: datetime | None = None
) -> int:
    """Cancel these interviews, all in one transaction; returns how many were cancelled.

    An interview that is no longer scheduled, or has begun since it was
    counted, is left as it is. Each cancelled one is in the activity log.
    """
    moment = now or utcnow()
    cancelled = 0
    with workbook.transaction() as session:
        for interview_id in sorted(set(interview_ids)):
            interview = session.get(Interview, interview_id)
            if interview is None or interview.status != InterviewStatus.SCHEDULED.value:
                continue
            if as_utc(interview.starts_at) <= moment:
                continue
            interview.status = InterviewStatus.CANCELLED.value
            session.add(interview)
            audit.record(session, "cancel", "interview", interview_id, {"why": "hired"})
            cancelled += 1
    return cancelled


def _scheduled(session: Session, role_id: int) -> list[tuple[Interview, int]]:
    rows = session.exec(
        select(Interview, Application.id)
        .join(Application, col(Application.id) == col(Interview.application_id))
        .where(
            Application.role_id == role_id,
            Interview.status == InterviewStatus.SCHEDULED.value,
        )
        .order_by(col(Interview.starts_at))
    ).all()
    return [(interview, owner) for interview, owner in rows if owner is not None]
