"""``hiring-desk check``: healthy, damaged, foreign and missing workbooks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.cli.cli_setup import assert_one_line_failure, new_workbook, run, run_process

from hiring_desk.store import Workbook

# -- check ----------------------------------------------------------------------------


def test_check_a_healthy_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "fresh.hiringdesk")
    before = path.read_bytes()
    assert run(capsys, "check", "--workbook", path) == (0, "ok\n", "")
    assert path.read_bytes() == before


def test_check_a_populated_workbook(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    assert run(capsys, "check", "--workbook", populated) == (0, "ok\n", "")


def test_check_works_while_the_workbook_is_open(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    with Workbook.open(populated):
        assert run(capsys, "check", "--workbook", populated) == (0, "ok\n", "")


def test_check_a_text_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "notes.hiringdesk"
    path.write_text("not a workbook\n" * 20, encoding="utf-8")
    before = path.read_bytes()
    code, out, err = run(capsys, "check", "--workbook", path)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "notes.hiringdesk" in err
    assert "not a Hiring Desk workbook" in err
    assert path.read_bytes() == before


def test_check_a_foreign_sqlite_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO things (name) VALUES ('x')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    code, out, err = run(capsys, "check", "--workbook", path)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "other.db" in err
    assert "application id" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_check_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "--workbook", tmp_path / "nowhere.hiringdesk")
    assert code == 1
    assert_one_line_failure(err)
    assert "does not exist" in err
    assert not (tmp_path / "nowhere.hiringdesk").exists()


def test_check_reports_problems_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = new_workbook(tmp_path / "broken.hiringdesk")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO application (candidate_id, role_id, stage, closed_reason,"
        " applied_at, updated_at) VALUES (99, 98, 'applied', '', '2026-01-01',"
        " '2026-01-01')"
    )
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "check", "--workbook", path)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "broken.hiringdesk" in err
    assert "foreign key" in err


def test_check_as_a_process(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "fresh.hiringdesk")
    result = run_process(tmp_path / "home", "check", "--workbook", path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "ok\n", "")

    text = tmp_path / "text.hiringdesk"
    text.write_text("hello", encoding="utf-8")
    result = run_process(tmp_path / "home", "check", "--workbook", text)
    assert (result.returncode, result.stdout) == (1, "")
    assert_one_line_failure(result.stderr)
    assert text.read_text(encoding="utf-8") == "hello"
