"""``today``: what needs doing now, as readable text or as JSON.

Reads the workbook only (it is opened as ``list`` opens it) and lists the items
the window's Today page shows, in the same order: snoozed and done items are
left out, as there.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hiring_desk.cli.output import Json, out, out_json
from hiring_desk.cli.registry import EXIT_OK, add_workbook_argument, command

if TYPE_CHECKING:
    from hiring_desk.services.today.today_views import TaskView, TodayItem, TodayView


def _item_record(item: TodayItem) -> dict[str, Json]:
    return {
        "kind": item.kind.value,
        "key": item.key,
        "subject": item.subject,
        "detail": item.detail,
        "due_date": item.due_on.isoformat(),
        "due_at": item.due_at.isoformat() if item.due_at is not None else None,
        "opens": item.opens.value,
        "target_id": item.target_id,
        "candidate_id": item.candidate_id,
        "role_id": item.role_id,
        "pack_ready": item.pack_ready,
    }


def _task_record(task: TaskView) -> dict[str, Json]:
    return {
        "kind": "upcoming_task",
        "key": f"task:{task.id}",
        "subject": task.title,
        "detail": task.about,
        "due_date": task.due_on.isoformat(),
        "candidate_id": task.candidate_id,
        "role_id": task.role_id,
    }


def _text(view: TodayView) -> str:
    from hiring_desk.services.today.today_views import ItemKind

    lines: list[str] = []
    for kind in ItemKind:
        items = view.of_kind(kind)
        if not items:
            continue
        lines.append(f"{kind.heading} ({len(items)})")
        lines.extend(
            f"  {item.due_on.isoformat()}  {item.subject}: {item.detail}" for item in items
        )
        lines.append("")
    if not view.items:
        lines.append("Nothing needs you today.")
        lines.append("")
    if view.upcoming_tasks:
        lines.append(f"Tasks coming up ({len(view.upcoming_tasks)})")
        lines.extend(
            f"  {task.due_on.isoformat()}  {task.title}: {task.about}"
            for task in view.upcoming_tasks
        )
        lines.append("")
    if view.snoozed:
        lines.append(f"{view.snoozed} snoozed item{'s' if view.snoozed != 1 else ''} not shown.")
    return "\n".join(lines).rstrip("\n")


def _today_arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to read")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON array of objects (kind, key, subject, due_date, ...) instead of text",
    )


@command(
    "today",
    help="list what needs doing now: interviews, scorecards, offers, idle candidates, tasks",
    description=(
        "List what needs doing now, as the window's Today page shows it: interviews "
        "today and tomorrow, overdue scorecards, offers awaiting an answer or about to "
        "expire, candidates left waiting, roles past their target date, candidates due "
        "for deletion and tasks due (then tasks still to come). Snoozed and done items "
        "are left out. The workbook is only read, opened as by the window, so it cannot "
        "be read while it is open in Hiring Desk."
    ),
    arguments=_today_arguments,
)
def _run_today(args: argparse.Namespace) -> int:
    from hiring_desk.services.today.today_items import list_today
    from hiring_desk.services.workbook.opening import open_workbook

    with open_workbook(args.workbook) as workbook:
        view = list_today(workbook)
    if args.json:
        records = [_item_record(item) for item in view.items]
        out_json([*records, *(_task_record(task) for task in view.upcoming_tasks)])
    else:
        out(_text(view))
    return EXIT_OK
