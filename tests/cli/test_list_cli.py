"""``hiring-desk list``: roles, candidates, interviews and offers as tables and JSON."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.cli.cli_setup import (
    CJK_NAME,
    assert_one_line_failure,
    column_start,
    new_workbook,
    run,
    run_process,
    table_lines,
)

from hiring_desk.store import Workbook

# -- list -----------------------------------------------------------------------------


def test_list_roles(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, err = run(capsys, "list", "roles", "--workbook", populated)
    assert (code, err) == (0, "")
    lines = table_lines(out)
    assert lines[0].split() == [
        "ID",
        "Title",
        "Status",
        "Headcount",
        "Candidates",
        "Target",
        "date",
        "Location",
        "Hiring",
        "manager",
    ]
    assert len(lines) == 4
    backend = next(line for line in lines if "Backend Engineer" in line)
    for text in ("Open", "2026-12-31", "Berlin", "Dana Scully"):
        assert text in backend
    assert "Draft" in next(line for line in lines if "Designer" in line)


def test_list_roles_json(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, _ = run(capsys, "list", "roles", "--workbook", populated, "--json")
    assert code == 0
    roles = json.loads(out)
    assert [r["title"] for r in roles] == ["Backend Engineer", "Designer"]
    backend, designer = roles
    assert set(backend) == {
        "id",
        "title",
        "status",
        "headcount",
        "candidate_count",
        "target_date",
        "location",
        "hiring_manager",
    }
    assert isinstance(backend["id"], int)
    assert backend["status"] == "open"
    assert backend["headcount"] == 2
    assert backend["candidate_count"] == 2
    assert backend["target_date"] == "2026-12-31"
    assert backend["hiring_manager"] == "Dana Scully"
    assert designer["status"] == "draft"
    assert designer["target_date"] is None
    assert designer["candidate_count"] == 0


def test_list_candidates(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, err = run(capsys, "list", "candidates", "--workbook", populated)
    assert (code, err) == (0, "")
    lines = table_lines(out)
    header = lines[0]
    assert header.split() == ["ID", "Name", "Email", "Stage", "Role", "Source", "Location"]
    assert len(lines) == 5
    ada = next(line for line in lines if "Ada Lovelace" in line)
    taro = next(line for line in lines if CJK_NAME in line)
    zoe = next(line for line in lines if "Zoë Noapp" in line)
    assert "Interview" in ada and "Backend Engineer" in ada and "LinkedIn" in ada
    assert "Offer" in taro and "Referral" in taro
    # Columns line up on screen although the CJK name takes two columns per character.
    for row, email in ((ada, "ada@"), (taro, "taro@"), (zoe, "zoe@")):
        assert column_start(row, email) == column_start(header, "Email")
    assert column_start(ada, "Interview") == column_start(taro, "Offer")
    assert column_start(ada, "Interview") == column_start(header, "Stage")


def test_list_candidates_json(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, _ = run(capsys, "list", "candidates", "--workbook", populated, "--json")
    assert code == 0
    assert CJK_NAME in out  # not \u-escaped
    candidates = {c["name"]: c for c in json.loads(out)}
    assert set(candidates) == {"Ada Lovelace", CJK_NAME, "Zoë Noapp"}
    for c in candidates.values():
        assert {"id", "name", "email", "stage"} <= set(c)
        assert isinstance(c["id"], int)
    ada = candidates["Ada Lovelace"]
    assert ada["email"] == "ada@example.com"
    assert ada["stage"] == "interview"
    assert ada["role"] == "Backend Engineer"
    assert ada["source"] == "linkedin"
    assert ada["location"] == "London"
    assert candidates[CJK_NAME]["stage"] == "offer"
    assert candidates["Zoë Noapp"]["stage"] is None
    assert candidates["Zoë Noapp"]["role"] is None


def test_list_interviews(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, err = run(capsys, "list", "interviews", "--workbook", populated)
    assert (code, err) == (0, "")
    lines = table_lines(out)
    assert lines[0].split()[:4] == ["ID", "Starts", "Time", "zone"]
    assert len(lines) == 3
    row = lines[2]
    # 09:00 UTC shown in the interview's own time zone, with its offset.
    assert "2026-11-30T10:00+01:00" in row
    for text in (
        "Europe/Berlin",
        "90 min",
        "Ada Lovelace",
        "Backend Engineer",
        "Technical",
        "Scheduled",
    ):
        assert text in row


def test_list_interviews_json(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, _ = run(capsys, "list", "interviews", "--workbook", populated, "--json")
    assert code == 0
    [interview] = json.loads(out)
    assert {"id", "candidate_id", "role_id", "starts_at"} <= set(interview)
    assert interview["starts_at"] == "2026-11-30T09:00:00+00:00"
    starts = datetime.fromisoformat(interview["starts_at"])
    assert starts.utcoffset() == timedelta(0)
    assert interview["timezone"] == "Europe/Berlin"
    assert interview["duration_minutes"] == 90
    assert interview["status"] == "scheduled"
    assert interview["round"] == "Technical"
    assert interview["candidate"] == "Ada Lovelace"
    assert interview["role"] == "Backend Engineer"
    candidates = json.loads(run(capsys, "list", "candidates", "--workbook", populated, "--json")[1])
    roles = json.loads(run(capsys, "list", "roles", "--workbook", populated, "--json")[1])
    assert interview["candidate_id"] == next(
        c["id"] for c in candidates if c["name"] == "Ada Lovelace"
    )
    assert interview["role_id"] == next(r["id"] for r in roles if r["title"] == "Backend Engineer")


def test_list_offers(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, err = run(capsys, "list", "offers", "--workbook", populated)
    assert (code, err) == (0, "")
    lines = table_lines(out)
    assert lines[0].split() == [
        "ID",
        "Candidate",
        "Role",
        "Status",
        "Salary",
        "Period",
        "Start",
        "date",
    ]
    row = lines[2]
    for text in (CJK_NAME, "Backend Engineer", "Draft", "65,000.00 EUR", "per year", "2027-01-04"):
        assert text in row


def test_list_offers_json(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, _ = run(capsys, "list", "offers", "--workbook", populated, "--json")
    assert code == 0
    [offer] = json.loads(out)
    assert {"id", "candidate_id", "role_id", "status"} <= set(offer)
    assert offer["status"] == "draft"
    assert offer["candidate"] == CJK_NAME
    assert offer["role"] == "Backend Engineer"
    assert offer["salary_minor"] == 6_500_000
    assert offer["salary"] == "65000.00"
    assert offer["currency"] == "EUR"
    assert offer["pay_period"] == "year"
    assert offer["start_date"] == "2027-01-04"
    assert isinstance(offer["candidate_id"], int) and isinstance(offer["role_id"], int)


@pytest.mark.parametrize("kind", ["roles", "candidates", "interviews", "offers"])
def test_list_an_empty_workbook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    path = new_workbook(tmp_path / "empty.hiringdesk")
    code, out, err = run(capsys, "list", kind, "--workbook", path, "--json")
    assert (code, json.loads(out), err) == (0, [], "")
    code, out, err = run(capsys, "list", kind, "--workbook", path)
    assert (code, err) == (0, "")
    assert len(table_lines(out)) == 2  # the header and its rule only


def test_list_leaves_the_workbook_closed(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    assert run(capsys, "list", "roles", "--workbook", populated)[0] == 0
    Workbook.open(populated).close()  # would say "already open" if the lock were kept


def test_list_a_workbook_open_elsewhere(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    """Listing only reads: it works beside another open (test_read_beside_window has more)."""
    with Workbook.open(populated):
        code, out, err = run(capsys, "list", "candidates", "--workbook", populated)
    assert (code, err) == (0, "")
    assert CJK_NAME in out


def test_list_a_text_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello\n", encoding="utf-8")
    code, out, err = run(capsys, "list", "roles", "--workbook", path, "--json")
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "notes.txt" in err
    assert path.read_text(encoding="utf-8") == "hello\n"


def test_list_candidates_json_as_a_process(tmp_path: Path, populated: Path) -> None:
    result = run_process(tmp_path / "home", "list", "candidates", "--workbook", populated, "--json")
    assert (result.returncode, result.stderr) == (0, "")
    names = {c["name"] for c in json.loads(result.stdout)}
    assert names == {"Ada Lovelace", CJK_NAME, "Zoë Noapp"}
