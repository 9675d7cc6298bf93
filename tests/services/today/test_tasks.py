"""Tasks on a candidate or a role: added, edited, completed, deleted, and refused when unclear."""

from __future__ import annotations

from datetime import date

import pytest
from today_setup import Ids, build

from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.today import tasks, today_items
from hiring_desk.services.today.tasks import TaskDraft
from hiring_desk.services.today.today_views import ItemKind
from hiring_desk.store import Workbook


@pytest.fixture
def ids(workbook: Workbook, today: date) -> Ids:
    return build(workbook)


def _tasks_on_today(workbook: Workbook) -> list[str]:
    return [i.subject for i in today_items.list_today(workbook).of_kind(ItemKind.TASK)]


def test_a_task_is_added_edited_completed_and_deleted(workbook: Workbook, ids: Ids) -> None:
    added = tasks.add_task(workbook, TaskDraft("Send the contract", date(2026, 11, 29), ids.cara))
    assert added.about == "Cara Lund"
    assert _tasks_on_today(workbook) == ["Send the contract", "Call Eve back"]
    edited = tasks.edit_task(
        workbook,
        added.id,
        TaskDraft("Chase the contract", date(2026, 12, 9), role_id=ids.late_role),
    )
    assert (edited.title, edited.about, edited.candidate_id) == (
        "Chase the contract",
        "Backend Engineer",
        None,
    )
    upcoming = today_items.list_today(workbook).upcoming_tasks
    assert [task.title for task in upcoming] == ["Post the ad again", "Chase the contract"]
    tasks.complete_task(workbook, ids.task_due)
    assert _tasks_on_today(workbook) == []
    assert tasks.get_task(workbook, ids.task_due).done_at is not None
    tasks.complete_task(workbook, ids.task_due, done=False)
    assert _tasks_on_today(workbook) == ["Call Eve back"]
    tasks.delete_task(workbook, added.id)
    with pytest.raises(NotFoundError):
        tasks.get_task(workbook, added.id)


def test_a_candidates_tasks_are_listed_for_the_timeline(workbook: Workbook, ids: Ids) -> None:
    tasks.add_task(workbook, TaskDraft("Ask for references", date(2026, 12, 10), ids.eve))
    assert [t.title for t in tasks.tasks_for_candidate(workbook, ids.eve)] == [
        "Call Eve back",
        "Ask for references",
    ]


def test_an_unclear_task_is_refused_whole(workbook: Workbook, ids: Ids) -> None:
    with pytest.raises(ValidationError) as refused:
        tasks.add_task(workbook, TaskDraft("  ", None, ids.eve, ids.late_role))
    assert set(refused.value.errors) == {"title", "due_on", "about"}
    with pytest.raises(ValidationError) as gone:
        tasks.add_task(workbook, TaskDraft("Call", date(2026, 12, 1), candidate_id=9999))
    assert set(gone.value.errors) == {"about"}
    assert len(tasks.tasks_for_candidate(workbook, ids.eve)) == 1
