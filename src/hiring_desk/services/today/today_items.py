"""The Today view: every item due now, and snoozing or marking one done.

``list_today`` runs one query per kind (``due_queries``), the retention queue
(``services.privacy``) and the open tasks, then leaves out what the person has
put aside: an item snoozed until a moment still to come, or marked done (an
item that can fall due again, such as a candidate left waiting, comes back when
it does: after a new move, past a new target date). Snoozes and dones are kept
in the workbook (``reminder_state``), named by the item's key.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session, select

from hiring_desk import clock
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.permissions import Permission, interviewer_only, require
from hiring_desk.services.common.time_zones import as_utc
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.today import due_queries, tasks
from hiring_desk.services.today.today_limits import read_limits
from hiring_desk.services.today.today_views import ItemKind, Opens, TaskView, TodayItem, TodayView
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Candidate,
    InterviewInterviewer,
    ReminderState,
    Role,
    Scorecard,
)
from hiring_desk.store.models._base import utcnow

__all__ = ["clear_reminder", "has_data", "list_today", "mark_done", "snooze", "task_item"]

_ORDER = {kind: index for index, kind in enumerate(ItemKind)}


def list_today(workbook: Workbook) -> TodayView:
    """What needs doing now, by kind then due time; snoozed and done items left out."""
    now, today = clock.now(), clock.today()
    # An interviewer's Today holds their interviews and scorecards: the server shows
    # them no offers, and tasks and the retention queue are other people's work.
    limited = interviewer_only(workbook)
    retention = [] if limited else consent_retention.due_for_deletion(workbook, today)
    with workbook.transaction() as session:
        limits = read_limits(session)
        due_tasks = [] if limited else tasks.task_rows(session, due_by=today, after=None)
        found = [
            *due_queries.interviews_soon(session, now, today),
            *due_queries.overdue_scorecards(session, now, limits),
            *([] if limited else due_queries.offers(session, today, limits)),
            *([] if limited else due_queries.idle_candidates(session, now, limits)),
            *([] if limited else due_queries.roles_past_target(session, today)),
            *(_retention_item(due) for due in retention),
            *(task_item(task) for task in due_tasks),
        ]
        if limited:
            found = _their_own(session, workbook, found)
        upcoming = [] if limited else tasks.task_rows(session, due_by=None, after=today)
        states = {state.item_key: state for state in session.exec(select(ReminderState))}
    shown: list[TodayItem] = []
    snoozed = 0
    for item in found:
        state = states.get(item.key)
        if state is not None and state.snoozed_until and as_utc(state.snoozed_until) > now:
            snoozed += 1
        elif state is None or not _done(state, item):
            shown.append(item)
    shown.sort(key=lambda i: (_ORDER[i.kind], i.due_at or _day_start(i.due_on), i.entity_id))
    return TodayView(tuple(shown), tuple(upcoming), limits, snoozed)


def _their_own(session: Session, workbook: Workbook, found: list[TodayItem]) -> list[TodayItem]:
    """An interviewer's items: the interviews they take part in, and the scorecards
    missing that are theirs to write (the server shows them their candidates' other
    interviews too, which are someone else's to do)."""
    me = workbook.access.member_id if workbook.access is not None else None
    mine = set(
        session.exec(
            select(InterviewInterviewer.interview_id).where(InterviewInterviewer.member_id == me)
        )
    )
    scored = set(session.exec(select(Scorecard.interview_id).where(Scorecard.interviewer_id == me)))
    return [
        item
        for item in found
        if item.target_id in mine
        and (item.kind is not ItemKind.SCORECARD or item.target_id not in scored)
    ]


def has_data(workbook: Workbook) -> bool:
    """True once the workbook holds a role or a candidate (the window then opens on Today)."""
    with workbook.transaction() as session:
        return any(
            session.exec(select(model.id).limit(1)).first() is not None
            for model in (Role, Candidate)
        )


def snooze(workbook: Workbook, item_key: str, until: datetime) -> None:
    """Hide the item until ``until`` (aware); it shows again from then if still due."""
    require(workbook, Permission.TASKS)
    _check_key(item_key)
    if until.tzinfo is None:
        raise ValueError("a snooze needs a moment with a time zone")
    if as_utc(until) <= clock.now():
        raise ValidationError({"until": "Choose a time still to come"})
    with workbook.transaction() as session:
        state = _state(session, item_key)
        state.snoozed_until, state.done_at = as_utc(until), None
        session.add(state)
        audit.record(session, "snooze", "reminder", None, {"kind": item_key.split(":")[0]})


def mark_done(workbook: Workbook, item_key: str) -> None:
    """Put the item aside as dealt with. A task's item completes the task itself."""
    require(workbook, Permission.TASKS)
    kind, entity_id = _check_key(item_key)
    if kind is ItemKind.TASK:
        tasks.complete_task(workbook, entity_id)
        return
    with workbook.transaction() as session:
        state = _state(session, item_key)
        state.done_at, state.snoozed_until = utcnow(), None
        session.add(state)
        audit.record(session, "done", "reminder", None, {"kind": kind.value})


def clear_reminder(workbook: Workbook, item_key: str) -> None:
    """Forget a snooze or a done: the item shows again whenever it is due."""
    require(workbook, Permission.TASKS)
    _check_key(item_key)
    with workbook.transaction() as session:
        state = session.get(ReminderState, item_key)
        if state is not None:
            session.delete(state)


def _done(state: ReminderState, item: TodayItem) -> bool:
    if state.done_at is None:
        return False
    return item.became_due is None or as_utc(state.done_at) >= item.became_due


def _state(session: Session, item_key: str) -> ReminderState:
    state = session.get(ReminderState, item_key) or ReminderState(item_key=item_key)
    state.by_member_id = audit.acting_member_id(session)
    state.updated_at = utcnow()
    return state


def _check_key(item_key: str) -> tuple[ItemKind, int]:
    kind, _, number = item_key.partition(":")
    try:
        return ItemKind(kind), int(number)
    except ValueError:
        raise ValueError(f"not a Today item key: {item_key!r}") from None


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _retention_item(due: consent_retention.DueCandidate) -> TodayItem:
    return TodayItem(
        kind=ItemKind.RETENTION,
        entity_id=due.candidate_id,
        subject=due.name,
        detail=due.why,
        due_on=due.since,
        due_at=None,
        opens=Opens.PRIVACY,
        target_id=due.candidate_id,
        candidate_id=due.candidate_id,
    )


def task_item(task: TaskView) -> TodayItem:
    """A task as an item of Today (its "Open" goes to its candidate or role)."""
    on_candidate = task.candidate_id is not None
    return TodayItem(
        kind=ItemKind.TASK,
        entity_id=task.id,
        subject=task.title,
        detail=task.about,
        due_on=task.due_on,
        due_at=None,
        opens=Opens.CANDIDATE if on_candidate else Opens.ROLE,
        target_id=(task.candidate_id if on_candidate else task.role_id) or 0,
        candidate_id=task.candidate_id,
        role_id=task.role_id,
    )
