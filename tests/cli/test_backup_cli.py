"""``backup`` and ``restore`` from the command line; ``check`` on what they leave."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.cli_setup import run
from tests.services.workbook.backup_setup import (
    damage_table_page,
    member_names,
    workbook_with_members,
)

from hiring_desk.services.team import team_members
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.opening import open_workbook


def _members_in(path: Path) -> list[str]:
    with open_workbook(path) as workbook:
        return member_names(workbook)


def test_backup_into_the_backups_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    code, out, err = run(capsys, "backup", "--workbook", path)
    assert (code, err) == (0, "")
    written = Path(out.strip())
    assert [b.path for b in backups.list_backups(path)] == [written]
    assert written.name.endswith(".manual.hiringdesk")
    assert _members_in(written) == ["Ada"]
    code, out, _ = run(capsys, "check", "--workbook", written)
    assert (code, out) == (0, "ok\n")


def test_backup_while_the_workbook_is_open(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    with open_workbook(path) as workbook:
        team_members.add_member(workbook, "Grace")
        code, out, _ = run(capsys, "backup", "-w", path, "--out", tmp_path / "copy.hiringdesk")
    assert code == 0
    assert out.strip() == str(tmp_path / "copy.hiringdesk")
    assert _members_in(tmp_path / "copy.hiringdesk") == ["Ada", "Grace"]


def test_backup_out_never_overwrites(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    taken = tmp_path / "taken.hiringdesk"
    taken.write_bytes(b"precious")
    code, out, err = run(capsys, "backup", "-w", path, "--out", taken)
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and "already exists" in err
    assert taken.read_bytes() == b"precious"


def test_a_damaged_workbook_is_not_backed_up(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", [f"M {i:03}" for i in range(60)])
    damage_table_page(path)
    code, out, err = run(capsys, "backup", "-w", path)
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and "integrity check" in err
    assert backups.list_backups(path) == []
    code, _, err = run(capsys, "check", "-w", path)
    assert code == 1 and "integrity check failed" in err


def test_restore_keeps_the_current_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    saved = tmp_path / "saved.hiringdesk"
    run(capsys, "backup", "-w", path, "--out", saved)
    with open_workbook(path) as workbook:
        team_members.add_member(workbook, "Grace")

    code, out, err = run(capsys, "restore", "--workbook", path, "--from", saved)

    assert (code, err) == (0, "")
    kept = backups.list_backups(path)[0].path
    assert out.splitlines() == [
        f"Restored {path} from {saved}",
        f"The previous file was kept as {kept}",
    ]
    assert _members_in(path) == ["Ada"]
    assert _members_in(kept) == ["Ada", "Grace"]
    assert run(capsys, "check", "-w", path)[:2] == (0, "ok\n")


def test_restore_over_a_damaged_workbook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", [f"M {i:03}" for i in range(60)])
    saved = backups.backup_file(path).path
    damage_table_page(path)
    code, out, _ = run(capsys, "restore", "-w", path, "--from", saved)
    assert code == 0
    assert "The damaged previous file was kept as" in out
    kept = [p for p in tmp_path.glob("w.damaged-*") if p.suffix == ".hiringdesk"]
    assert len(kept) == 1 and str(kept[0]) in out
    assert run(capsys, "check", "-w", path)[:2] == (0, "ok\n")


def test_restore_refuses_a_file_that_is_not_a_workbook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    before = path.read_bytes()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a workbook", encoding="utf-8")
    code, out, err = run(capsys, "restore", "-w", path, "--from", notes)
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and "notes.txt" in err and "SQLite" in err
    assert path.read_bytes() == before


def test_restore_refuses_an_open_workbook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    saved = backups.backup_file(path).path
    with open_workbook(path):
        code, _, err = run(capsys, "restore", "-w", path, "--from", saved)
    assert code == 1 and "already open" in err


def test_restore_needs_from(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "restore", "-w", tmp_path / "w.hiringdesk")
    assert code == 2 and "--from" in err


def test_commands_are_listed_in_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hiring_desk", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "backup" in done.stdout and "restore" in done.stdout
