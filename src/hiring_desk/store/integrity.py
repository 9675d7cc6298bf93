"""Health checks of a workbook file: integrity, foreign keys, schema version, missing parts."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from hiring_desk.store.engine import read_only
from hiring_desk.store.errors import WorkbookUnavailableError, database_failure, is_damage
from hiring_desk.store.fileformat import check_is_workbook
from hiring_desk.store.location import Location, ServerAddress
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


def check_workbook(path: Location, *, full: bool = True) -> CheckReport:
    """Check a workbook without changing it. Raises NotAWorkbookError for other files.

    A team workbook (a ``ServerAddress``) is checked on its server: the workbook
    mark, the schema revision and the tables and columns (``store.server``; the
    server itself keeps its data whole and its foreign keys enforced).

    The file is opened read-only (so a read-only folder is no obstacle). Only
    damage SQLite finds is reported as a failed integrity check; a file that
    cannot be read at all (permissions, the disk) raises
    ``WorkbookUnavailableError`` saying why.
    """
    if isinstance(path, ServerAddress):
        from hiring_desk.store import server

        return server.check_server(path)
    check_is_workbook(path)
    report = CheckReport()
    try:
        with read_only(path) as conn:
            _check(conn, report, full)
    except sqlite3.Error as exc:  # an InterfaceError too: never called damage
        if not (isinstance(exc, sqlite3.DatabaseError) and is_damage(exc)):
            failure = database_failure(exc)
            reason = failure.text if failure else f"it could not be read ({exc})"
            raise WorkbookUnavailableError(path, reason) from None
        report.problems.append(f"integrity check failed: {exc}")
    return report


def _check(conn: sqlite3.Connection, report: CheckReport, full: bool) -> None:
    rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
    if rows != [("ok",)]:
        lines = [line for r in rows for line in str(r[0]).splitlines() if line.strip()]
        detail = "; ".join(line.strip() for line in lines[:3])
        report.problems.append(f"integrity check failed: {detail}")
        return
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        tables = sorted({str(r[0]) for r in fk})
        report.problems.append(f"{len(fk)} broken foreign key reference(s) in {', '.join(tables)}")
    report.revision = read_revision(conn)
    check_revision(conn, report)


def check_revision(conn: object, report: CheckReport) -> None:
    """Add what is wrong with ``report.revision``; when it is current, the missing parts
    of the schema in ``conn`` (a sqlite3 connection, or a SQLAlchemy one on PostgreSQL)."""
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
    else:
        report.problems.extend(missing_parts(conn))


def missing_parts(conn: object) -> list[str]:
    """The tables and columns of the current schema that the workbook lacks."""
    from sqlmodel import SQLModel

    from hiring_desk.store import models  # noqa: F401  (every table registered in the metadata)

    present = _columns(conn)
    problems: list[str] = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in present:
            problems.append(f"the table {table.name} is missing")
            continue
        lacking = [c.name for c in table.columns if c.name not in present[table.name]]
        if lacking:
            problems.append(f"the table {table.name} lacks the column(s) {', '.join(lacking)}")
    return problems


def _columns(conn: object) -> dict[str, set[str]]:
    """Each table's columns: from SQLite's catalogue, or PostgreSQL's information schema."""
    present: dict[str, set[str]] = {}
    if isinstance(conn, sqlite3.Connection):
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        ).fetchall():
            info = conn.execute("SELECT name FROM pragma_table_info(?)", (table,)).fetchall()
            present[str(table)] = {str(row[0]) for row in info}
        return present
    from sqlalchemy import Connection, text

    assert isinstance(conn, Connection)
    for table, column in conn.execute(
        text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = ANY (current_schemas(false))"
        )
    ):
        present.setdefault(str(table), set()).add(str(column))
    return present
