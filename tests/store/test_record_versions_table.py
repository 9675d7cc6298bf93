"""Revision 0010: a workbook made at 0009 gains a version on applications, offers and
scorecards, every existing row at 1, without a table copied (nothing pointing at them lost)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from hiring_desk.store import Workbook, migrate

FIXTURE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "workbooks" / "0009_role_stages.hiringdesk"
)
VERSIONED = ("application", "offer", "scorecard")
POINTING = ("stage_event", "interview", "scorecard_rating", "offer")


def _counts(conn: sqlite3.Connection, tables: tuple[str, ...]) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_a_0009_workbook_gains_versions_at_1(tmp_path: Path) -> None:
    copy = tmp_path / "old.hiringdesk"
    shutil.copyfile(FIXTURE, copy)
    before = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    counts = _counts(before, VERSIONED + POINTING)
    before.close()
    assert all(counts[t] for t in VERSIONED), "the fixture should hold each kind of row"

    Workbook.open(copy, backup_dir=tmp_path / "backups").close()

    conn = sqlite3.connect(copy)
    try:
        assert migrate.read_revision(conn) == migrate.SCHEMA_HEAD
        assert _counts(conn, VERSIONED + POINTING) == counts
        for table in VERSIONED:
            versions = {row[0] for row in conn.execute(f"SELECT version FROM {table}")}
            assert versions == {1}, table
            column = next(
                r for r in conn.execute(f"PRAGMA table_info({table})") if r[1] == "version"
            )
            assert column[3] == 1 and column[4] == "1"  # NOT NULL, DEFAULT 1
    finally:
        conn.close()
