"""Changing a role's stages: add, rename, reorder, hide or show, remove, copy.

The first change gives the role rows of its own: one per open phase, named by
the phase, with every application pinned to the row of its phase. Each call is
one transaction; names are unique within a role (whatever their case) and a
phase always keeps at least one stage. Applications in a removed stage move to
another stage of the same phase, and that move is kept on their timeline.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import normalise_text
from hiring_desk.services.pipeline.role_stages import (
    CUSTOM_PHASES,
    StageInfo,
    default_row,
    parse_key,
    resolved_id,
    rows_of,
    stages_in_session,
    step_key,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Role, RoleStage, StageEvent
from hiring_desk.store.models._base import utcnow

NAME_LIMIT = 60


class StageEditRefusedError(ServiceError):
    """A change to a role's stages that would lose track of something; says why."""


def phase_named(text: str) -> Stage:
    """The open phase called ``text`` (its value or its label, any case)."""
    wanted = text.strip().casefold()
    for phase in CUSTOM_PHASES:
        if wanted in (phase.value, phase.label.casefold()):
            return phase
    names = ", ".join(p.label for p in CUSTOM_PHASES)
    raise ValidationError({"phase": f"must be one of {names}"})


def add_stage(
    workbook: Workbook, role_id: int, name: str, phase: Stage, *, after: str | None = None
) -> StageInfo:
    """Add the stage ``name`` to ``phase``: after the stage named ``after``, else last."""
    require(workbook, Permission.PIPELINE, role_id=role_id)
    if phase not in CUSTOM_PHASES:
        raise ValidationError({"phase": "a role's own stages go inside Applied to Offer"})
    with workbook.transaction() as session:
        rows = _own_rows(session, role_id)
        clean_name = _checked_name(rows, name)
        in_phase = [r for r in rows if r.phase == phase.value]
        place = len(in_phase)
        if after is not None and after.strip():
            found = [i for i, r in enumerate(in_phase) if _same(r.name, after)]
            if not found:
                raise ValidationError({"after": f"no stage of {phase.label} is called that"})
            place = found[0] + 1
        row = RoleStage(role_id=role_id, phase=phase.value, name=clean_name)
        session.add(row)
        session.flush()
        in_phase.insert(place, row)
        _number(session, in_phase)
        audit.record(session, "add_stage", "role", role_id, {"phase": phase.value})
        return _info(session, role_id, row)


def rename_stage(workbook: Workbook, role_id: int, key: str, name: str) -> StageInfo:
    """Show the stage ``key`` under ``name`` from now on (past moves keep the old name)."""
    require(workbook, Permission.PIPELINE, role_id=role_id)
    with workbook.transaction() as session:
        row = _row(session, role_id, key)
        others = [r for r in rows_of(session, row.role_id) if r.id != row.id]
        row.name = _checked_name(others, name)
        session.add(row)
        audit.record(session, "rename_stage", "role", row.role_id, {"stage": row.id})
        return _info(session, row.role_id, row)


def reorder_stages(workbook: Workbook, role_id: int, phase: Stage, ids: list[int]) -> None:
    """Put the stages of ``phase`` in the order of ``ids`` (every one of them, once)."""
    require(workbook, Permission.PIPELINE, role_id=role_id)
    with workbook.transaction() as session:
        in_phase = [r for r in _own_rows(session, role_id) if r.phase == phase.value]
        by_id = {r.id: r for r in in_phase if r.id is not None}
        if sorted(ids) != sorted(by_id):
            raise ValidationError({"order": f"must list every stage of {phase.label} once"})
        _number(session, [by_id[i] for i in ids])
        audit.record(session, "reorder_stages", "role", role_id, {"phase": phase.value})


def shift_stage(workbook: Workbook, role_id: int, key: str, step: int) -> None:
    """Move a stage one place up (``step`` -1) or down (+1) inside its phase."""
    require(workbook, Permission.PIPELINE, role_id=role_id)
    with workbook.transaction() as session:
        row = _row(session, role_id, key)
        in_phase = [r for r in rows_of(session, row.role_id) if r.phase == row.phase]
        here = in_phase.index(row)
        there = max(0, min(len(in_phase) - 1, here + step))
        in_phase.insert(there, in_phase.pop(here))
        _number(session, in_phase)
        audit.record(session, "reorder_stages", "role", row.role_id, {"phase": row.phase})


def set_hidden(workbook: Workbook, role_id: int, key: str, hidden: bool) -> StageInfo:
    """Hide a stage the role does not use (refused while applications are at it), or show it."""
    require(workbook, Permission.PIPELINE, role_id=role_id)
    with workbook.transaction() as session:
        row = _row(session, role_id, key)
        if hidden:
            count = _count_at(session, row)
            if count:
                raise StageEditRefusedError(
                    f"{count} application{'s are' if count != 1 else ' is'} at {row.name}; "
                    "move them to another stage first, or remove the stage."
                )
        row.hidden = hidden
        session.add(row)
        audit.record(session, "hide_stage" if hidden else "show_stage", "role", row.role_id)
        return _info(session, row.role_id, row)


def remove_stage(workbook: Workbook, role_id: int, key: str, *, move_to: str | None = None) -> int:
    """Remove a stage; its applications go to ``move_to`` (the key of a stage of the same
    phase) or, without one, to the phase's first remaining stage. Returns how many moved."""
    require(workbook, Permission.PIPELINE, role_id=role_id)
    with workbook.transaction() as session:
        row = _row(session, role_id, key)
        rows = rows_of(session, row.role_id)
        others = [r for r in rows if r.phase == row.phase and r.id != row.id]
        if not others:
            raise StageEditRefusedError(
                f"{Stage(row.phase).label} needs at least one stage; hide it instead."
            )
        if move_to is None:
            target = default_row(others, Stage(row.phase))
        else:
            target = next((r for r in others if step_key(Stage(r.phase), r.id) == move_to), None)
            if target is None:
                raise ValidationError({"move to": "must be another stage of the same phase"})
        assert target is not None
        moved = 0
        for application in _applications_at(session, row, rows):
            assert application.id is not None
            application.role_stage_id = target.id
            application.updated_at = utcnow()
            session.add(application)
            session.add(
                StageEvent(
                    application_id=application.id,
                    from_stage=row.phase,
                    to_stage=row.phase,
                    from_step=row.name,
                    to_step=target.name,
                    note=f"The stage {row.name} was removed.",
                )
            )
            moved += 1
        session.delete(row)
        audit.record(session, "remove_stage", "role", row.role_id, {"moved": moved})
        return moved


def copy_stages(workbook: Workbook, role_id: int, from_role_id: int) -> list[StageInfo]:
    """Give the role the stages of another; its applications keep a stage of the same
    name in their phase, else go to the phase's first stage."""
    require(workbook, Permission.PIPELINE, role_id=role_id)
    if role_id == from_role_id:
        raise ValidationError({"from role": "must be another role"})
    with workbook.transaction() as session:
        if session.get(Role, from_role_id) is None:
            raise NotFoundError(f"Role {from_role_id} does not exist.")
        old = _own_rows(session, role_id)
        applications = session.exec(select(Application).where(Application.role_id == role_id)).all()
        was_at = {a.id: _name_of(old, resolved_id(old, a)) for a in applications}
        for application in applications:
            application.role_stage_id = None
            session.add(application)
        session.flush()
        for row in old:
            session.delete(row)
        session.flush()
        new = [
            RoleStage(
                role_id=role_id, phase=r.phase, name=r.name, position=r.position, hidden=r.hidden
            )
            for r in rows_of(session, from_role_id)
        ]
        session.add_all(new)
        session.flush()
        for application in applications:
            phase = Stage(application.stage)
            if phase not in CUSTOM_PHASES or not new:
                continue
            same = [
                r for r in new if r.phase == phase.value and _same(r.name, was_at[application.id])
            ]
            target = same[0] if same else default_row(new, phase)
            application.role_stage_id = target.id if target else None
            session.add(application)
        audit.record(session, "copy_stages", "role", role_id, {"from": from_role_id})
        return stages_in_session(session, role_id)


def _own_rows(session: Session, role_id: int) -> list[RoleStage]:
    """The role's rows, made first (one per open phase) if it has the standard stages."""
    if session.get(Role, role_id) is None:
        raise NotFoundError(f"Role {role_id} does not exist.")
    rows = rows_of(session, role_id)
    if rows:
        return rows
    made = {p.value: RoleStage(role_id=role_id, phase=p.value, name=p.label) for p in CUSTOM_PHASES}
    session.add_all(made.values())
    session.flush()
    for application in session.exec(select(Application).where(Application.role_id == role_id)):
        if application.stage in made:
            application.role_stage_id = made[application.stage].id
            session.add(application)
    return rows_of(session, role_id)


def _checked_name(others: list[RoleStage], name: str) -> str:
    text = normalise_text(name, multiline=False).strip()
    if not text:
        raise ValidationError({"name": "is needed"})
    if len(text) > NAME_LIMIT:
        raise ValidationError({"name": f"must be at most {NAME_LIMIT} characters"})
    if any(_same(r.name, text) for r in others):
        raise ValidationError({"name": f"this role already has a stage called {text}"})
    reserved = {s.label.casefold() for s in Stage if s not in CUSTOM_PHASES}
    if text.casefold() in reserved:
        raise ValidationError({"name": f"{text} is a stage every role has"})
    return text


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().casefold() == b.strip().casefold()


def _name_of(rows: list[RoleStage], stage_id: int | None) -> str | None:
    return next((r.name for r in rows if r.id == stage_id), None)


def _number(session: Session, in_order: list[RoleStage]) -> None:
    for position, row in enumerate(in_order):
        row.position = position
        session.add(row)


def _row(session: Session, role_id: int, key: str) -> RoleStage:
    """The row of the stage ``key`` of the role (made first for a standard stage)."""
    try:
        phase, stage_id = parse_key(key)
    except ValueError:
        raise NotFoundError("That stage does not exist.") from None
    rows = [r for r in _own_rows(session, role_id) if r.phase == phase.value]
    row = default_row(rows, phase) if stage_id is None else session.get(RoleStage, stage_id)
    if row is None or row.role_id != role_id or row.phase != phase.value:
        raise NotFoundError("That stage is not one of this role's stages.")
    return row


def _applications_at(session: Session, row: RoleStage, rows: list[RoleStage]) -> list[Application]:
    candidates = session.exec(
        select(Application)
        .where(Application.role_id == row.role_id, Application.stage == row.phase)
        .order_by(col(Application.id))
    ).all()
    return [a for a in candidates if resolved_id(rows, a) == row.id]


def _count_at(session: Session, row: RoleStage) -> int:
    return len(_applications_at(session, row, rows_of(session, row.role_id)))


def _info(session: Session, role_id: int, row: RoleStage) -> StageInfo:
    session.flush()
    return next(s for s in stages_in_session(session, role_id) if s.id == row.id)
