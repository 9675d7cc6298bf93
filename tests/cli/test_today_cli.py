"""``hiring-desk today``: every item due, with its kind, subject and due date, as JSON and text."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from tests.cli.cli_setup import new_workbook, run
from tests.services.today.today_setup import Ids, build

from hiring_desk.services.today import today_items
from hiring_desk.store import Workbook


@pytest.fixture
def due(tmp_path: Path, today: date) -> tuple[Path, Ids]:
    path = tmp_path / "due.hiringdesk"
    with Workbook.create(path) as workbook:
        ids = build(workbook)
        later = datetime(2026, 12, 5, 9, tzinfo=UTC)
        today_items.snooze(workbook, f"role_past_target:{ids.late_role}", later)
    return path, ids


def test_today_json_lists_every_item(
    capsys: pytest.CaptureFixture[str], due: tuple[Path, Ids]
) -> None:
    path, ids = due
    code, out, err = run(capsys, "today", "--workbook", path, "--json")
    assert (code, err) == (0, "")
    rows = [(r["kind"], r["subject"], r["due_date"]) for r in json.loads(out)]
    assert rows == [
        ("interview", "Ana Diaz: Technical", "2026-11-30"),
        ("interview", "Ana Diaz: Team fit", "2026-12-01"),
        ("scorecard_overdue", "Ben Cole: Technical", "2026-11-29"),
        ("offer_expiring", "Cara Lund: offer for Backend Engineer", "2026-12-02"),
        ("offer_awaiting", "Dan Ross: offer for Designer", "2026-11-25"),
        ("idle_candidate", "Eve Marsh: Designer", "2026-11-17"),
        ("retention_due", "Finn Bay", "2026-07-15"),
        ("task", "Call Eve back", "2026-11-30"),
        ("upcoming_task", "Post the ad again", "2026-12-03"),
    ]  # the late role is snoozed
    first = json.loads(out)[0]
    assert (first["opens"], first["target_id"], first["pack_ready"]) == (
        "pack",
        ids.interview_today,
        True,
    )


def test_today_as_text(capsys: pytest.CaptureFixture[str], due: tuple[Path, Ids]) -> None:
    path, _ids = due
    code, out, _err = run(capsys, "today", "--workbook", path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Interviews today and tomorrow (2)"
    assert "  2026-11-30  Ana Diaz: Technical: Today at 15:00 (UTC), Backend Engineer" in lines
    assert "Tasks coming up (1)" in lines
    assert "Roles past their target date" not in out
    assert lines[-1] == "1 snoozed item not shown."


def test_today_with_nothing_due(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "empty.hiringdesk")
    code, out, _err = run(capsys, "today", "--workbook", path)
    assert (code, out.strip()) == (0, "Nothing needs you today.")
    code, out, _err = run(capsys, "today", "--workbook", path, "--json")
    assert json.loads(out) == []
