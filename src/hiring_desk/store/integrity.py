"""Health checks of a workbook file: integrity, foreign keys, schema version."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from hiring_desk.store.engine import connect_raw
from hiring_desk.store.fileformat import check_is_workbook
from hiring_desk.store.migrate import KNOWN_REVISIONS, SCHEMA_HEAD, read_revision


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    revision: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def quick_check(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if rows == [("ok",)]:
        return []
    return [line.strip() for r in rows for line in str(r[0]).splitlines() if line.strip()]


def check_workbook(path: Path, *, full: bool = True) -> CheckReport:
    """Check a workbook without changing it. Raises NotAWorkbookError for other files."""
    check_is_workbook(path)
    report = CheckReport()
    try:
        conn = connect_raw(path)
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"integrity check failed: {exc}")
        return report
    try:
        pragma = "integrity_check" if full else "quick_check"
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        except sqlite3.DatabaseError as exc:
            report.problems.append(f"integrity check failed: {exc}")
            return report
        if rows != [("ok",)]:
            lines = [line for r in rows for line in str(r[0]).splitlines() if line.strip()]
            detail = "; ".join(line.strip() for line in lines[:3])
            report.problems.append(f"integrity check failed: {detail}")
            return report
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            tables = sorted({str(r[0]) for r in fk})
            report.problems.append(
                f"{len(fk)} broken foreign key reference(s) in {', '.join(tables)}"
            )
        report.revision = read_revision(conn)
        if report.revision is None:
            report.problems.append("no schema version recorded")
        elif report.revision not in KNOWN_REVISIONS:
            report.problems.append(
                f"schema {report.revision} is newer than this version of Hiring Desk knows"
            )
        elif report.revision != SCHEMA_HEAD:
            report.problems.append(
                f"schema {report.revision} is older than {SCHEMA_HEAD}; open it to upgrade"
            )
    finally:
        conn.close()
    return report
