"""Builders for the interview-plan tests: a role with a brief, and the names of its rounds."""

from __future__ import annotations

from hiring_desk.services.interviews import plans as plans
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.store import Workbook


def plan_role(
    workbook: Workbook,
    seniority: str = "mid",
    template: str | None = None,
    skills: tuple[str, ...] = (),
) -> int:
    brief = RoleBrief(
        title=f"{seniority} role",
        seniority=seniority,
        template_key=template,
        skills=tuple(SkillEntry(s) for s in skills),
    )
    return role_records.create_role(workbook, brief).id


def round_names(view: plans.PlanView) -> list[str]:
    return [r.name for r in view.rounds]
