"""The demo shortlist the comparison tests share: three candidates of one demo role."""

from __future__ import annotations

from sqlmodel import col, select

from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Interview, Role, Scorecard


def demo_shortlist(workbook: Workbook) -> tuple[int, list[int]]:
    """The demo's Backend Developer role and three of its candidates who have scorecards.

    Returns (role id, candidate ids); the hired candidate is left out.
    """
    with workbook.transaction() as session:
        role = session.exec(select(Role).where(Role.title == "Backend Developer")).one()
        assert role.id is not None
        ids = session.exec(
            select(Application.candidate_id)
            .join(Interview, col(Interview.application_id) == Application.id)
            .join(Scorecard, col(Scorecard.interview_id) == Interview.id)
            .where(Application.role_id == role.id, Application.stage != "hired")
            .group_by(col(Application.candidate_id))
            .order_by(col(Application.candidate_id))
        ).all()
    assert len(ids) >= 3, "the demo should have at least three scored candidates for the role"
    return role.id, list(ids[:3])
