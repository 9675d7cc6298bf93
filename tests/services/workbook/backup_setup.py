"""Workbooks with a few team members, damaging a workbook's bytes, and read-only
folders and failing disks, for backup tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook
from hiring_desk.store import backup as store_backup
from hiring_desk.store.fileformat import SQLITE_MAGIC


def workbook_with_members(path: Path, names: list[str]) -> Path:
    """A closed workbook at ``path`` whose team is ``names``."""
    with Workbook.create(path) as workbook:
        for name in names:
            team_members.add_member(workbook, name, "Interviewer")
    return path


def member_names(workbook: Workbook) -> list[str]:
    return sorted(m.name for m in team_members.list_members(workbook))


def damage_table_page(path: Path, table: str = "team_member") -> None:
    """Overwrite the middle of a closed workbook's ``table`` root page with garbage.

    The 100-byte header and page 1 (the schema) stay intact, so the file is
    still recognised as a workbook; only its integrity check fails.
    """
    conn = sqlite3.connect(str(path))
    try:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    assert root >= 2
    data = bytearray(path.read_bytes())
    garbage = bytes((i * 37 + 11) % 256 for i in range(page_size // 2))
    start = (root - 1) * page_size + page_size // 4
    data[start : start + len(garbage)] = garbage
    path.write_bytes(bytes(data))
    assert path.read_bytes().startswith(SQLITE_MAGIC)
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        pass  # damaged beyond even a check: just as good
    finally:
        conn.close()


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder really read-only for the test, even for root.

    Root ignores permission bits, so as root the immutable attribute is set
    (``chattr +i``); otherwise the write bits are taken away. Skipped where
    neither works (Windows, or a file system without the attribute).
    """
    if os.name != "posix":
        pytest.skip("read-only files are made with POSIX tools here")
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], check=False).returncode:
        pytest.skip("running as root without chattr +i: nothing can be made read-only")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def failing_disk(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> list[Path]:
    """Make every backup copy fail as the disk would, with ``error``; returns the copies tried.

    The one function that writes a backup's file raises; the workbook is untouched.
    """
    tried: list[Path] = []

    def fail(source: Path, partial: Path, journal_mode: str) -> None:
        tried.append(source)
        raise error

    monkeypatch.setattr(store_backup, "_write_checked_copy", fail)
    return tried
