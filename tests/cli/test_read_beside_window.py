"""Commands that only read run beside the window; commands that write are still refused.

The window's lock is real (held by an open ``Workbook``, labelled as the window's),
the workbook is real, and the commands run through the CLI entry point.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tests.cli.cli_setup import CJK_NAME, assert_one_line_failure, run

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.store import Workbook, lock, migrate


@contextmanager
def open_in_window(path: Path) -> Iterator[Workbook]:
    """``path`` open as the window has it: locked, in WAL, its lock file naming the window."""
    previous = lock.set_holder_kind(lock.WINDOW)
    try:
        with Workbook.open(path) as workbook:
            yield workbook
    finally:
        lock.set_holder_kind(previous)


def _fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.md5(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def _sidecars(path: Path) -> set[str]:
    return {s for s in ("-wal", "-shm") if path.with_name(path.name + s).exists()}


def test_list_while_the_window_has_the_workbook_open(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    with open_in_window(populated) as window:
        # Saved by the window a moment ago: still only in the write-ahead log.
        candidate_records.create_candidate(window, CandidateInput(name="Новый Кандидат"))
        assert "-wal" in _sidecars(populated)
        code, out, err = run(capsys, "list", "candidates", "--workbook", populated, "--json")
        assert (code, err) == (0, "")
        names = {row["name"] for row in json.loads(out)}
        assert {CJK_NAME, "Ada Lovelace", "Новый Кандидат"} <= names
        code, out, err = run(capsys, "list", "roles", "--workbook", populated)
        assert (code, err) == (0, "") and "Backend Engineer" in out
        # The window goes on saving as before: the reader took no lock from it.
        candidate_records.create_candidate(window, CandidateInput(name="After The Read"))


def test_print_and_export_while_the_window_has_it_open(
    capsys: pytest.CaptureFixture[str], populated: Path, tmp_path: Path
) -> None:
    pack, csv = tmp_path / "pack.pdf", tmp_path / "candidates.csv"
    with open_in_window(populated):
        code, _out, err = run(
            capsys, "print", "pack", "--role", "Backend Engineer", "-w", populated, "--out", pack
        )
        # The role has no interview plan: the pack is printed with a note saying so.
        assert code == 0 and "no interview plan" in err, err
        code, _out, err = run(capsys, "export", "candidates", "-w", populated, "--out", csv)
        assert (code, err) == (0, ""), err
        code, _out, err = run(capsys, "check", "-w", populated)
        assert code == 0, err
    assert pack.read_bytes().startswith(b"%PDF")
    assert CJK_NAME in csv.read_text(encoding="utf-8-sig")


def test_commands_that_write_are_still_refused(
    capsys: pytest.CaptureFixture[str], populated: Path, tmp_path: Path
) -> None:
    rows = tmp_path / "new.csv"
    rows.write_text("name,email\nGrace Hopper,grace@example.com\n", encoding="utf-8")
    with open_in_window(populated):
        code, out, err = run(capsys, "import", "candidates", rows, "-w", populated)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "already open in another Hiring Desk window" in err


def test_reading_an_idle_workbook_writes_nothing(
    capsys: pytest.CaptureFixture[str], populated: Path, tmp_path: Path
) -> None:
    assert _sidecars(populated) == set()  # closed: everything is in the file itself
    before = _fingerprint(populated)
    assert run(capsys, "list", "candidates", "-w", populated)[0] == 0
    assert run(capsys, "list", "offers", "-w", populated, "--json")[0] == 0
    assert run(capsys, "export", "candidates", "-w", populated, "--out", tmp_path / "c.csv")[0] == 0
    assert _fingerprint(populated) == before
    assert _sidecars(populated) == set()
    Workbook.open(populated).close()  # and the lock taken while reading is given back


def test_reading_beside_the_window_writes_nothing(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    with open_in_window(populated) as window:
        candidate_records.create_candidate(window, CandidateInput(name="In The Log"))
        wal = populated.with_name(populated.name + "-wal")
        before, log_before = _fingerprint(populated), wal.read_bytes()
        assert run(capsys, "list", "candidates", "-w", populated)[0] == 0
        assert _fingerprint(populated) == before
        assert wal.read_bytes() == log_before


def test_an_older_workbook_is_not_upgraded_by_reading(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    older = migrate.KNOWN_REVISIONS[-2]
    conn = sqlite3.connect(populated)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (older,))
    conn.close()
    before = _fingerprint(populated)
    code, out, err = run(capsys, "list", "roles", "-w", populated)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "older version" in err and "upgrade" in err
    assert _fingerprint(populated) == before
    assert _sidecars(populated) == set()
