"""A role's interview plan: its rounds, and the questions asked in each.

A role without a plan gets one the first time it is asked for (:func:`plan_for_role`):
the default plan of its built-in job-description template, or of its seniority
on the career ladder, with the bank's questions copied into the round so the
plan can be edited without touching the bank. Every change is one call and one
transaction, and returns the whole plan as it now stands (a :class:`PlanView`).

Where a round question came from is kept in ``round_question.bank_key``: the
built-in question's key, ``custom:<id>`` for one of the user's own bank
questions, or None for a question typed into the plan (and for the demo's).
Editing the questions that belong to a round lives in ``plan_questions``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlmodel import Session, col, select

from hiring_desk.domain.competencies import competency_key
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, may, require
from hiring_desk.services.common.role_scope import require_on
from hiring_desk.services.common.validation import clean, length_problem
from hiring_desk.services.interviews.plan_defaults import (
    MAX_MINUTES,
    MIN_MINUTES,
    DefaultPlan,
    default_plan_for,
)
from hiring_desk.services.interviews.plan_views import (
    PlanView,
    existing_role,
    plan_view,
)
from hiring_desk.services.interviews.question_bank import builtin_question
from hiring_desk.store import Workbook
from hiring_desk.store.models import InterviewPlan, InterviewRound, RoundQuestion
from hiring_desk.store.models._base import utcnow

_Row = TypeVar("_Row", InterviewRound, RoundQuestion)

ROUND_NAME_LIMIT = 100
NEW_ROUND_NAME = "New round"
NEW_ROUND_MINUTES = 45

__all__ = [
    "MAX_MINUTES",
    "MIN_MINUTES",
    "PlanView",
    "add_round",
    "changed",
    "load_round",
    "move_round",
    "moved",
    "plan_for_role",
    "remove_round",
    "rename_round",
    "renumber",
    "set_round_competencies",
    "set_round_duration",
]


# -- the plan -------------------------------------------------------------------------------


def plan_for_role(workbook: Workbook, role_id: int) -> PlanView:
    """The role's plan, created from its default plan if it has none yet (by someone
    who may change the role's plans; anyone else is told there is none yet)."""
    with workbook.transaction() as session:
        plan = session.exec(select(InterviewPlan).where(InterviewPlan.role_id == role_id)).first()
        if plan is not None:
            return plan_view(session, plan)
    if not may(workbook, Permission.PIPELINE, role_id=role_id):
        _role_exists(workbook, role_id)
        raise NotFoundError(
            "This role has no interview plan yet; a recruiter, an admin or the role's "
            "hiring manager can make one."
        )
    with workbook.transaction() as session:
        return plan_view(session, _ensure_plan(session, role_id))


def _role_exists(workbook: Workbook, role_id: int) -> None:
    with workbook.transaction() as session:
        existing_role(session, role_id)


def _ensure_plan(session: Session, role_id: int) -> InterviewPlan:
    role = existing_role(session, role_id)
    plan = session.exec(select(InterviewPlan).where(InterviewPlan.role_id == role_id)).first()
    if plan is None:
        plan = _create_plan(session, role_id, default_plan_for(role.template_key, role.seniority))
    return plan


def _create_plan(session: Session, role_id: int, default: DefaultPlan) -> InterviewPlan:
    plan = InterviewPlan(role_id=role_id)
    session.add(plan)
    session.flush()
    assert plan.id is not None
    for position, spec in enumerate(default.rounds):
        row = InterviewRound(
            plan_id=plan.id,
            position=position,
            name=spec.name,
            duration_minutes=spec.duration_minutes,
            competencies=",".join(spec.competencies),
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        for number, key in enumerate(spec.question_keys):
            question = builtin_question(key)
            session.add(
                RoundQuestion(
                    round_id=row.id,
                    position=number,
                    competency=question.competency,
                    text=question.text,
                    strong_answer=question.strong,
                    weak_answer=question.weak,
                    bank_key=key,
                )
            )
    audit.record(session, "add", "interview_plan", plan.id, {"from": default.template_key})
    return plan


# -- rounds ---------------------------------------------------------------------------------


def add_round(
    workbook: Workbook,
    role_id: int,
    name: str | None = None,
    duration_minutes: int = NEW_ROUND_MINUTES,
    competencies: Sequence[str] = (),
) -> PlanView:
    """Add a round at the end of the role's plan (created first if needed).

    With no ``name`` the round is called "New round" (numbered if that is taken).
    """
    require(workbook, Permission.PIPELINE, role_id=role_id)
    minutes = _checked_minutes(duration_minutes)
    keys = _checked_competencies(competencies)
    with workbook.transaction() as session:
        plan = _ensure_plan(session, role_id)
        rows = _rounds(session, plan.id or 0)
        taken = {r.name.casefold() for r in rows}
        if name is None:
            name = NEW_ROUND_NAME
            number = 2
            while name.casefold() in taken:
                name, number = f"{NEW_ROUND_NAME} {number}", number + 1
        text = _checked_name(name, taken)
        row = InterviewRound(
            plan_id=plan.id or 0,
            position=len(rows),
            name=text,
            duration_minutes=minutes,
            competencies=",".join(keys),
        )
        session.add(row)
        session.flush()
        return changed(session, plan, "add_round", row.id)


def rename_round(workbook: Workbook, round_id: int, name: str) -> PlanView:
    require_on(workbook, Permission.PIPELINE, "round", round_id)
    with workbook.transaction() as session:
        row, plan = load_round(session, round_id)
        others = {r.name.casefold() for r in _rounds(session, plan.id or 0) if r.id != round_id}
        row.name = _checked_name(name, others)
        session.add(row)
        return changed(session, plan, "rename_round", round_id)


def set_round_duration(workbook: Workbook, round_id: int, minutes: int) -> PlanView:
    require_on(workbook, Permission.PIPELINE, "round", round_id)
    checked = _checked_minutes(minutes)
    with workbook.transaction() as session:
        row, plan = load_round(session, round_id)
        row.duration_minutes = checked
        session.add(row)
        return changed(session, plan, "round_duration", round_id)


def set_round_competencies(
    workbook: Workbook, round_id: int, competencies: Sequence[str]
) -> PlanView:
    require_on(workbook, Permission.PIPELINE, "round", round_id)
    keys = _checked_competencies(competencies)
    with workbook.transaction() as session:
        row, plan = load_round(session, round_id)
        row.competencies = ",".join(keys)
        session.add(row)
        return changed(session, plan, "round_competencies", round_id)


def remove_round(workbook: Workbook, round_id: int) -> PlanView:
    """Remove a round and its questions; interviews booked for it keep the round's name."""
    require_on(workbook, Permission.PIPELINE, "round", round_id)
    with workbook.transaction() as session:
        row, plan = load_round(session, round_id)
        session.delete(row)
        session.flush()
        renumber(session, _rounds(session, plan.id or 0))
        return changed(session, plan, "remove_round", round_id)


def move_round(workbook: Workbook, round_id: int, offset: int) -> PlanView:
    """Move a round ``offset`` places (-1 earlier, 1 later), stopping at either end."""
    require_on(workbook, Permission.PIPELINE, "round", round_id)
    with workbook.transaction() as session:
        _row, plan = load_round(session, round_id)
        rows = _rounds(session, plan.id or 0)
        renumber(session, moved(rows, round_id, offset))
        return changed(session, plan, "move_round", round_id)


# -- shared with plan_questions -------------------------------------------------------------


def load_round(session: Session, round_id: int) -> tuple[InterviewRound, InterviewPlan]:
    row = session.get(InterviewRound, round_id)
    plan = session.get(InterviewPlan, row.plan_id) if row is not None else None
    if row is None or plan is None:
        raise NotFoundError("That round is no longer in the plan.")
    return row, plan


def moved(rows: Sequence[_Row], row_id: int, offset: int) -> list[_Row]:
    """``rows`` with the one whose id is ``row_id`` moved ``offset`` places, clamped."""
    ordered = list(rows)
    index = next(i for i, r in enumerate(ordered) if r.id == row_id)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    return ordered


def renumber(session: Session, rows: Sequence[InterviewRound | RoundQuestion]) -> None:
    """Positions 0, 1, 2... in the given order."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            session.add(row)


def changed(session: Session, plan: InterviewPlan, change: str, item_id: int | None) -> PlanView:
    """Mark the plan as changed now, record the change, and return the plan."""
    plan.updated_at = utcnow()
    session.add(plan)
    audit.record(session, "edit", "interview_plan", plan.id, {"change": change, "item": item_id})
    session.flush()
    return plan_view(session, plan)


def _rounds(session: Session, plan_id: int) -> list[InterviewRound]:
    return list(
        session.exec(
            select(InterviewRound)
            .where(InterviewRound.plan_id == plan_id)
            .order_by(col(InterviewRound.position), col(InterviewRound.id))
        ).all()
    )


def _checked_name(name: str, taken: set[str]) -> str:
    text = clean(name)
    problem = length_problem(text, ROUND_NAME_LIMIT)
    if not text:
        problem = "is empty"
    elif text.casefold() in taken:
        problem = f"another round is already called '{text}'"
    if problem:
        raise ValidationError({"name": problem})
    return text


def _checked_minutes(minutes: int) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError({"duration_minutes": "must be a whole number of minutes"})
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError(
            {"duration_minutes": f"must be from {MIN_MINUTES} to {MAX_MINUTES} minutes"}
        )
    return minutes


def _checked_competencies(competencies: Sequence[str]) -> list[str]:
    keys: list[str] = []
    for value in competencies:
        known = competency_key(value)
        if known is None:
            raise ValidationError({"competencies": f"'{value}' is not a known competency"})
        if known.value not in keys:
            keys.append(known.value)
    return keys
