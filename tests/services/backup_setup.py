"""Workbooks with a few team members, and damaging a workbook's bytes, for backup tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hiring_desk.services import team
from hiring_desk.store import Workbook
from hiring_desk.store.fileformat import SQLITE_MAGIC


def workbook_with_members(path: Path, names: list[str]) -> Path:
    """A closed workbook at ``path`` whose team is ``names``."""
    with Workbook.create(path) as workbook:
        for name in names:
            team.add_member(workbook, name, "Interviewer")
    return path


def member_names(workbook: Workbook) -> list[str]:
    return sorted(m.name for m in team.list_members(workbook))


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
