"""A role without an interview plan: what the pack says, and the suggested plan it can use."""

from __future__ import annotations

from hiring_desk.services.interviews import packs
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.store import Workbook


def test_a_role_without_a_plan_is_told_what_the_suggested_plan_brings(
    workbook: Workbook,
) -> None:
    role = role_records.create_role(
        workbook, RoleBrief(title="Platform Engineer", seniority="lead")
    ).id
    missing = packs.missing_plan(workbook, role)
    assert missing is not None and missing.role_title == "Platform Engineer"
    assert missing.rounds > 0 and missing.questions > 0
    assert f"{missing.rounds} rounds and {missing.questions} questions" in missing.sentence()

    plan = packs.use_suggested_plan(workbook, role)

    assert len(plan.rounds) == missing.rounds
    assert sum(len(r.questions) for r in plan.rounds) == missing.questions
    assert packs.missing_plan(workbook, role) is None
    again = packs.use_suggested_plan(workbook, role)  # once it has a plan, it is kept
    assert [r.id for r in again.rounds] == [r.id for r in plan.rounds]
