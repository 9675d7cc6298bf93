"""Dated tasks on a candidate or a role ("call back Thursday"): add, edit, complete, delete.

A task is about exactly one candidate or one role, has a title and a due day,
and goes with its candidate or role when they are deleted. Tasks due today or
earlier show on Today; all of a candidate's tasks show on their timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, select

from hiring_desk.services.candidates.erased_guard import refuse_if_erased
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import clean
from hiring_desk.services.today.today_views import TaskView
from hiring_desk.store import Workbook
from hiring_desk.store.models import Candidate, Role, Task
from hiring_desk.store.models._base import utcnow

__all__ = [
    "TaskDraft",
    "add_task",
    "complete_task",
    "delete_task",
    "edit_task",
    "get_task",
    "task_rows",
    "task_subjects",
    "tasks_for_candidate",
]

TITLE_LIMIT = 200


@dataclass(frozen=True)
class TaskDraft:
    title: str
    due_on: date | None
    candidate_id: int | None = None
    role_id: int | None = None


def _checked(session: Session, draft: TaskDraft) -> tuple[str, date]:
    errors: dict[str, str] = {}
    title = clean(draft.title)
    if not title:
        errors["title"] = "Say what is to be done"
    elif len(title) > TITLE_LIMIT:
        errors["title"] = f"Keep it under {TITLE_LIMIT} characters"
    if draft.due_on is None:
        errors["due_on"] = "Choose the day it is due"
    if (draft.candidate_id is None) == (draft.role_id is None):
        errors["about"] = "Choose one candidate or one role"
    elif draft.candidate_id is not None and session.get(Candidate, draft.candidate_id) is None:
        errors["about"] = "That candidate no longer exists"
    elif draft.role_id is not None and session.get(Role, draft.role_id) is None:
        errors["about"] = "That role no longer exists"
    if errors:
        raise ValidationError(errors)
    if draft.candidate_id is not None:
        refuse_if_erased(session, draft.candidate_id)
    assert draft.due_on is not None
    return title, draft.due_on


def add_task(workbook: Workbook, draft: TaskDraft) -> TaskView:
    require(workbook, Permission.TASKS)
    with workbook.transaction() as session:
        title, due_on = _checked(session, draft)
        task = Task(
            candidate_id=draft.candidate_id,
            role_id=draft.role_id,
            title=title,
            due_on=due_on,
            created_by_member_id=audit.acting_member_id(session),
        )
        session.add(task)
        session.flush()
        assert task.id is not None
        audit.record(session, "add", "task", task.id)
        return _view(session, task)


def edit_task(workbook: Workbook, task_id: int, draft: TaskDraft) -> TaskView:
    require(workbook, Permission.TASKS)
    with workbook.transaction() as session:
        task = _task(session, task_id)
        title, due_on = _checked(session, draft)
        task.title, task.due_on = title, due_on
        task.candidate_id, task.role_id = draft.candidate_id, draft.role_id
        session.add(task)
        audit.record(session, "edit", "task", task_id)
        return _view(session, task)


def complete_task(workbook: Workbook, task_id: int, done: bool = True) -> TaskView:
    """Mark the task done (``done=False``: open it again)."""
    require(workbook, Permission.TASKS)
    with workbook.transaction() as session:
        task = _task(session, task_id)
        task.done_at = utcnow() if done else None
        session.add(task)
        audit.record(session, "complete" if done else "reopen", "task", task_id)
        return _view(session, task)


def delete_task(workbook: Workbook, task_id: int) -> None:
    require(workbook, Permission.TASKS)
    with workbook.transaction() as session:
        session.delete(_task(session, task_id))
        audit.record(session, "delete", "task", task_id)


def get_task(workbook: Workbook, task_id: int) -> TaskView:
    with workbook.transaction() as session:
        return _view(session, _task(session, task_id))


def tasks_for_candidate(workbook: Workbook, candidate_id: int) -> list[TaskView]:
    """The candidate's tasks, open and done, by due day."""
    with workbook.transaction() as session:
        statement = (
            select(Task)
            .where(col(Task.candidate_id) == candidate_id)
            .order_by(col(Task.due_on), col(Task.id))
        )
        return [_view(session, task) for task in session.exec(statement)]


def task_rows(session: Session, due_by: date | None, after: date | None) -> list[TaskView]:
    """Open tasks due on or before ``due_by`` / after ``after``, with their candidate or role."""
    about = sa.func.coalesce(col(Candidate.name), col(Role.title), "")
    statement = (
        sa.select(
            col(Task.id),
            col(Task.title),
            col(Task.due_on),
            col(Task.done_at),
            col(Task.candidate_id),
            col(Task.role_id),
            about.label("about"),
        )
        .outerjoin(Candidate, col(Candidate.id) == col(Task.candidate_id))
        .outerjoin(Role, col(Role.id) == col(Task.role_id))
        .where(col(Task.done_at).is_(None))
        .order_by(col(Task.due_on), col(Task.id))
    )
    if due_by is not None:
        statement = statement.where(col(Task.due_on) <= due_by)
    if after is not None:
        statement = statement.where(col(Task.due_on) > after)
    return [
        TaskView(int(r.id), r.title, r.due_on, r.done_at, r.candidate_id, r.role_id, str(r.about))
        for r in session.execute(statement)
    ]


def task_subjects(workbook: Workbook) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """What a task can be about: (candidates not erased, roles), each as (id, name) by name."""
    with workbook.transaction() as session:
        people = session.execute(
            sa.select(col(Candidate.id), col(Candidate.name))
            .where(col(Candidate.erased_at).is_(None))
            .order_by(col(Candidate.sort_name), col(Candidate.id))
        )
        candidates = [(int(r.id), str(r.name)) for r in people]
        roles = session.execute(
            sa.select(col(Role.id), col(Role.title)).order_by(col(Role.title), col(Role.id))
        )
        return candidates, [(int(r.id), str(r.title)) for r in roles]


def _task(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFoundError(f"Task {task_id} does not exist.")
    return task


def _view(session: Session, task: Task) -> TaskView:
    assert task.id is not None
    about = ""
    if task.candidate_id is not None:
        candidate = session.get(Candidate, task.candidate_id)
        about = candidate.name if candidate is not None else ""
    elif task.role_id is not None:
        role = session.get(Role, task.role_id)
        about = role.title if role is not None else ""
    return TaskView(
        task.id, task.title, task.due_on, task.done_at, task.candidate_id, task.role_id, about
    )
