"""``export ics``: one interview, a role's or a day's, parsed back; errors on one line."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from icalendar import Calendar
from tests.cli.cli_setup import run
from tests.services.interviews.schedule_setup import make_desk, schedule

from hiring_desk.store import Workbook


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, list[int]]:
    """A workbook with three interviews: two on 2 June 2026 (Berlin, New York), one on 3 June."""
    path = tmp_path / "cli.hiringdesk"
    with Workbook.create(path) as workbook:
        desk = make_desk(workbook)
        ids = [
            schedule(workbook, desk),
            schedule(workbook, desk, timezone="America/New_York", start=time(15, 0)),
            schedule(workbook, desk, day=date(2026, 6, 3)),
        ]
    return path, ids


def _events(path: Path) -> list[tuple[str, str]]:
    """(TZID, local start) of each event in the file."""
    calendar = Calendar.from_ical(path.read_bytes())
    assert isinstance(calendar, Calendar)
    assert calendar.get_missing_tzids() == set()
    assert all(b"DTSTART;TZID=" in e.to_ical() for e in calendar.events)
    return sorted(
        (str(getattr(getattr(e.start, "tzinfo", None), "key", "")), f"{e.start:%Y-%m-%d %H:%M}")
        for e in calendar.events
    )


def test_one_interview(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, list[int]], tmp_path: Path
) -> None:
    path, ids = book
    out = tmp_path / "one.ics"
    code, stdout, err = run(
        capsys, "export", "ics", "--workbook", path, "--interview", ids[1], "--out", out
    )
    assert (code, err) == (0, "")
    assert stdout == f"Wrote 1 interview to {out}\n"
    assert _events(out) == [("America/New_York", "2026-06-02 15:00")]


def test_a_role_by_title(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, list[int]], tmp_path: Path
) -> None:
    path, _ = book
    out = tmp_path / "role.ics"
    code, stdout, err = run(
        capsys, "export", "ics", "-w", path, "--role", "Backend Developer", "--out", out
    )
    assert (code, err) == (0, "")
    assert stdout.startswith("Wrote 3 interviews to ")
    assert _events(out) == [
        ("America/New_York", "2026-06-02 15:00"),
        ("Europe/Berlin", "2026-06-02 10:00"),
        ("Europe/Berlin", "2026-06-03 10:00"),
    ]


def test_a_day(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, list[int]], tmp_path: Path
) -> None:
    path, _ = book
    out = tmp_path / "day.ics"
    code, _, err = run(capsys, "export", "ics", "-w", path, "--day", "2026-06-02", "--out", out)
    assert (code, err) == (0, "")
    assert [start for _, start in _events(out)] == ["2026-06-02 15:00", "2026-06-02 10:00"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--interview", "999"], "Interview 999 does not exist"),
        (["--role", "Chef"], "Chef"),
        (["--role", "Data Engineer"], "has no interviews"),
        (["--day", "2026-07-01"], "no interviews on 1 Jul 2026"),
    ],
)
def test_nothing_to_export_is_one_line_and_no_file(
    capsys: pytest.CaptureFixture[str],
    book: tuple[Path, list[int]],
    tmp_path: Path,
    argv: list[str],
    words: str,
) -> None:
    path, _ = book
    out = tmp_path / "none.ics"
    code, _, err = run(capsys, "export", "ics", "-w", path, *argv, "--out", out)
    assert code == 1 and err.count("\n") == 1 and words in err
    assert not out.exists()


@pytest.mark.parametrize(
    "argv",
    [
        [],  # one of --interview, --role, --day is required
        ["--interview", "1", "--day", "2026-06-02"],  # only one of them
        ["--day", "2 June"],
        ["--interview", "first"],
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str],
    book: tuple[Path, list[int]],
    tmp_path: Path,
    argv: list[str],
) -> None:
    path, _ = book
    code, _, err = run(capsys, "export", "ics", "-w", path, *argv, "--out", tmp_path / "x.ics")
    assert code == 2 and "usage:" in err


def test_export_help_names_ics(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(capsys, "export", "--help")
    assert code == 0 and "ics: interviews" in stdout
    code, stdout, _ = run(capsys, "--help")
    assert "(jd, candidates, ics" in " ".join(stdout.split())  # argparse wraps the line
