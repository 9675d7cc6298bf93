"""The demo's role with stages of its own: Senior Backend Developer.

Inside Interview it has "Take-home test" and "Technical interview", inside
Shortlisted "References". Its candidates at Interview move on to the two steps
(one each) and the shortlisted one to References, each move on their timeline;
everyone else of the role sits at the first stage of their phase.
"""

from __future__ import annotations

from sqlmodel import col, select

from hiring_desk.domain.pipeline import OPEN_STAGES
from hiring_desk.domain.vocab import Stage
from hiring_desk.services.demo.demo_pipeline import DemoContext, row_id
from hiring_desk.store.models import Application, RoleStage, StageEvent

ROLE = "sen"
#: The role's own steps after the phase's first stage, by phase.
STEPS: dict[Stage, tuple[str, ...]] = {
    Stage.INTERVIEW: ("Take-home test", "Technical interview"),
    Stage.SHORTLISTED: ("References",),
}
_NOTES = {
    "Take-home test": "Sent the take-home exercise; due back within a week.",
    "Technical interview": "Take-home reviewed; technical interview booked.",
    "References": "Asked for two references.",
}


def add_role_stages(ctx: DemoContext) -> None:
    role_id = row_id(ctx.roles[ROLE])
    rows: dict[str, RoleStage] = {}
    for phase in OPEN_STAGES:
        for position, name in enumerate((phase.label, *STEPS.get(phase, ()))):
            row = RoleStage(
                role_id=role_id,
                phase=phase.value,
                name=name,
                position=position,
                created_at=ctx.ago(30),
            )
            ctx.add(row)
            rows[name if name != phase.label else phase.value] = row
    applications = ctx.session.exec(
        select(Application).where(Application.role_id == role_id).order_by(col(Application.id))
    ).all()
    waiting = {
        Stage.INTERVIEW: list(STEPS[Stage.INTERVIEW]),
        Stage.SHORTLISTED: list(STEPS[Stage.SHORTLISTED]),
    }
    for application in applications:
        phase = Stage(application.stage)
        if phase not in OPEN_STAGES:
            continue
        step = waiting[phase].pop(0) if waiting.get(phase) else None
        application.role_stage_id = row_id(rows[step or phase.value])
        ctx.session.add(application)
        if step is not None:
            _move_to_step(ctx, application, phase, step)
    ctx.session.flush()


def _move_to_step(ctx: DemoContext, application: Application, phase: Stage, step: str) -> None:
    """A move from the phase's first stage to ``step``, halfway between the last move and now."""
    last = ctx.session.exec(
        select(StageEvent.at)
        .where(StageEvent.application_id == application.id)
        .order_by(col(StageEvent.at).desc())
    ).first()
    assert last is not None
    moved_at = last + (ctx.now - last) / 2
    application.updated_at = moved_at
    ctx.add(
        StageEvent(
            application_id=row_id(application),
            from_stage=phase.value,
            to_stage=phase.value,
            from_step=phase.label,
            to_step=step,
            at=moved_at,
            by_member_id=ctx.members["eng"],
            note=_NOTES[step],
        )
    )
