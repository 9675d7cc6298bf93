"""Workbooks for the schema tests, and reading them back with plain sqlite3."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hiring_desk.store import Workbook, migrate
from hiring_desk.store.lock import WorkbookLock
from hiring_desk.store.models import TeamMember


def new_workbook(path: Path, members: list[str] | None = None) -> Path:
    with Workbook.create(path) as workbook, workbook.transaction() as session:
        for name in members or []:
            session.add(TeamMember(name=name, email=f"{name.lower()}@example.com"))
    return path


def raw_revision(path: Path) -> str | None:
    conn = sqlite3.connect(str(path))
    try:
        return migrate.read_revision(conn)
    finally:
        conn.close()


def raw_members(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM team_member"))
    finally:
        conn.close()


def raw_tables(path: Path) -> set[str]:
    conn = sqlite3.connect(str(path))
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {r[0] for r in rows}
    finally:
        conn.close()


def sidecars(path: Path) -> list[str]:
    names = [path.name + suffix for suffix in ("-wal", "-shm", "-journal")]
    return [n for n in names if (path.parent / n).exists()]


def assert_unlocked(path: Path) -> None:
    lock = WorkbookLock(path)
    lock.acquire()
    lock.release()
