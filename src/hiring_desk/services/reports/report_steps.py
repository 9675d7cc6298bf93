"""A role's own stages in the report: the funnel and the time in each, step by step.

Only for one role that has stages of its own (``services.pipeline.role_stages``);
the per-phase figures of ``report_queries`` already sum the steps into their
phases. The history keeps the step names as they were at each move; a step is
matched to the role's stages by name (any case), a move with no step name to the
first stage of its phase. Steps renamed or removed since then count in their
phase only.

* An application *reached* a step when its history put it at that step, a later
  step of the same phase, or a later phase (as for the phases).
* *Time in a step* runs from the move into it to the next move; stays not over yet
  are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from hiring_desk.domain.vocab import PIPELINE, Stage
from hiring_desk.services.reports.report_figures import FunnelStep, StageTime, spread_of
from hiring_desk.services.reports.report_queries import EVENT, TIMED_STAGES, in_scope
from hiring_desk.store.models import Application, RoleStage
from hiring_desk.store.sql_functions import julian_day

APPLICATION = Application.__table__  # type: ignore[attr-defined]
STAGES = RoleStage.__table__  # type: ignore[attr-defined]

#: (phase value, step name folded) -> (place in the pipeline, label, key)
_Steps = dict[tuple[str, str], tuple[tuple[int, int], str, str]]


def _steps(session: Session, role_id: int) -> _Steps:
    rows = session.execute(
        select(STAGES.c.id, STAGES.c.phase, STAGES.c.name, STAGES.c.position).where(
            STAGES.c.role_id == role_id
        )
    ).all()
    ranked = sorted(rows, key=lambda r: (PIPELINE.index(Stage(r.phase)), r.position, r.id))
    steps: _Steps = {}
    for n, row in enumerate(ranked):
        phase = Stage(row.phase)
        label = row.name if row.name == phase.label else f"{phase.label}: {row.name}"
        steps[(row.phase, row.name.casefold())] = (
            (PIPELINE.index(phase), n),
            label,
            f"{row.phase}#{row.id}",
        )
    return steps


def _step_of(steps: _Steps, stage: str, step: str | None) -> tuple[int, int] | None:
    """The place of the step an event moved to (the phase's first for no name)."""
    if step is not None:
        found = steps.get((stage, step.casefold()))
        return found[0] if found else None
    firsts = [place for (phase, _n), (place, _l, _k) in steps.items() if phase == stage]
    return min(firsts) if firsts else None


def step_figures(
    session: Session, where: Sequence[ColumnElement[bool]], role_id: int | None
) -> tuple[tuple[FunnelStep, ...], tuple[StageTime, ...]]:
    """The funnel and the times per step of ``role_id``; empty for all roles or a role
    with the standard stages."""
    if role_id is None:
        return (), ()
    steps = _steps(session, role_id)
    if not steps:
        return (), ()
    following = func.lead(EVENT.c.at).over(partition_by=EVENT.c.application_id, order_by=EVENT.c.id)
    statement = in_scope(
        select(
            EVENT.c.application_id,
            EVENT.c.to_stage,
            EVENT.c.to_step,
            julian_day(following) - julian_day(EVENT.c.at),
        ),
        where,
        APPLICATION.c.id == EVENT.c.application_id,
    )
    furthest: dict[int, tuple[int, int]] = {}
    days: dict[tuple[int, int], list[float]] = {}
    timed = {stage.value for stage in TIMED_STAGES}
    for application_id, stage, step, spent in session.execute(statement):
        if stage not in PIPELINE:
            continue
        place = _step_of(steps, stage, step) or (PIPELINE.index(Stage(stage)), -1)
        if place > furthest.get(application_id, (-1, -1)):
            furthest[application_id] = place
        if spent is not None and stage in timed and place[1] >= 0:
            days.setdefault(place, []).append(float(spent))
    ordered = sorted(steps.values())
    funnel: list[FunnelStep] = []
    before: int | None = None
    for place, label, key in ordered:
        reached = sum(1 for at in furthest.values() if at >= place)
        funnel.append(FunnelStep(key, label, reached, None if not before else reached / before))
        before = reached
    times = tuple(
        StageTime(key, label, spread_of(days.get(place, [])))
        for place, label, key in ordered
        if place[0] < PIPELINE.index(Stage.HIRED)
    )
    return tuple(funnel), times
