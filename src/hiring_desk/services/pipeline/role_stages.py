"""A role's stages: its own steps inside the fixed phases of the pipeline.

A role without ``role_stage`` rows has the standard pipeline: one stage per
phase, named by the phase. Once a role's stages are changed, every open phase
(Applied to Offer) has rows of its own; Hired, Rejected and Withdrawn stay one
stage each. The rules of ``domain.pipeline`` work on phases; a move between two
stages of one open phase is always allowed.

A stage is named to the window and the command line by its *key*: the phase's
value for a standard stage ("interview"), or "interview#12" for row 12.
``stage_moves.move`` takes either.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from hiring_desk.domain.pipeline import OPEN_STAGES
from hiring_desk.domain.vocab import Stage
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Role, RoleStage

#: The phases a role may have its own stages in.
CUSTOM_PHASES: tuple[Stage, ...] = OPEN_STAGES

_SEPARATOR = "#"


@dataclass(frozen=True)
class StageInfo:
    """One stage of a role, in pipeline order."""

    key: str
    phase: Stage
    name: str
    #: The ``role_stage`` row (None for a stage of the standard pipeline).
    id: int | None = None
    position: int = 0
    hidden: bool = False
    #: How many of the role's applications are at this stage now.
    applications: int = 0

    @property
    def shown_name(self) -> str:
        """The name with its phase when they differ: "Interview: Take-home test"."""
        if self.name.casefold() == self.phase.label.casefold():
            return self.name
        return f"{self.phase.label}: {self.name}"


def step_key(phase: Stage, stage_id: int | None) -> str:
    return phase.value if stage_id is None else f"{phase.value}{_SEPARATOR}{stage_id}"


def parse_key(key: str) -> tuple[Stage, int | None]:
    """(phase, row id or None) from a stage key; ValueError for anything else."""
    phase, separator, number = key.partition(_SEPARATOR)
    if not separator:
        return Stage(phase), None
    if not number.isdigit():
        raise ValueError(f"not a stage key: {key!r}")
    return Stage(phase), int(number)


def stages(workbook: Workbook, role_id: int, *, with_hidden: bool = True) -> list[StageInfo]:
    """The role's stages in pipeline order (closed phases last), with their counts."""
    with workbook.transaction() as session:
        if session.get(Role, role_id) is None:
            raise NotFoundError(f"Role {role_id} does not exist.")
        found = stages_in_session(session, role_id)
    return [s for s in found if with_hidden or not s.hidden]


def has_own_stages(session: Session, role_id: int) -> bool:
    return (
        session.exec(select(RoleStage.id).where(RoleStage.role_id == role_id)).first() is not None
    )


def rows_of(session: Session, role_id: int) -> list[RoleStage]:
    """The role's rows by phase (pipeline order) then position."""
    rows = session.exec(
        select(RoleStage)
        .where(RoleStage.role_id == role_id)
        .order_by(col(RoleStage.position), col(RoleStage.id))
    ).all()
    order = {phase.value: n for n, phase in enumerate(CUSTOM_PHASES)}
    return sorted(rows, key=lambda r: order.get(r.phase, len(order)))


def default_row(rows: list[RoleStage], phase: Stage) -> RoleStage | None:
    """The stage an application without one sits at: the phase's first shown stage."""
    in_phase = [r for r in rows if r.phase == phase.value]
    shown = [r for r in in_phase if not r.hidden]
    first = shown or in_phase
    return first[0] if first else None


def resolved_id(rows: list[RoleStage], application: Application) -> int | None:
    """The row an application is at (None for the standard pipeline or a closed phase)."""
    return resolved_step(rows, application.stage, application.role_stage_id)


def resolved_step(rows: list[RoleStage], stage: str, role_stage_id: int | None) -> int | None:
    """The row an application at ``stage`` (with that ``role_stage_id``) is at; for
    callers that read those two columns rather than whole applications."""
    phase = Stage(stage)
    if phase not in CUSTOM_PHASES or not rows:
        return None
    ids = {r.id for r in rows if r.phase == phase.value}
    if role_stage_id in ids:
        return role_stage_id
    row = default_row(rows, phase)
    return row.id if row else None


def stages_in_session(session: Session, role_id: int) -> list[StageInfo]:
    rows = rows_of(session, role_id)
    counts: dict[str, int] = {}
    for stage, role_stage_id, count in session.exec(
        select(Application.stage, Application.role_stage_id, func.count())
        .where(Application.role_id == role_id)
        .group_by(col(Application.stage), col(Application.role_stage_id))
    ):
        key = step_key(Stage(stage), resolved_step(rows, stage, role_stage_id))
        counts[key] = counts.get(key, 0) + count
    found: list[StageInfo] = []
    for phase in Stage:
        if phase in CUSTOM_PHASES and rows:
            for row in rows:
                if row.phase == phase.value:
                    key = step_key(phase, row.id)
                    found.append(
                        StageInfo(
                            key,
                            phase,
                            row.name,
                            row.id,
                            row.position,
                            row.hidden,
                            counts.get(key, 0),
                        )
                    )
        else:
            found.append(
                StageInfo(phase.value, phase, phase.label, applications=counts.get(phase.value, 0))
            )
    return found


def step_name(session: Session, application: Application) -> str | None:
    """The name of the role's own stage the application is at (None: the phase's own)."""
    rows = rows_of(session, application.role_id)
    stage_id = resolved_id(rows, application)
    return next((r.name for r in rows if r.id == stage_id), None)


def target_row(
    session: Session, role_id: int, phase: Stage, stage_id: int | None
) -> RoleStage | None:
    """The row a move to (``phase``, ``stage_id``) lands on; NotFoundError for a stranger's row."""
    rows = rows_of(session, role_id)
    if stage_id is None:
        return default_row(rows, phase) if phase in CUSTOM_PHASES else None
    row = next((r for r in rows if r.id == stage_id), None)
    if row is None or row.phase != phase.value:
        raise NotFoundError("That stage is not one of this role's stages.")
    return row
