"""Copying every row of one workbook into another, across engines (file ⇄ server).

``copy_rows`` reads the source with SQLAlchemy Core in batches and writes the
destination with Core ``executemany`` inserts, table by table in the models'
dependency order (``SQLModel.metadata.sorted_tables``: a table added to the models
is copied without anyone listing it here). Ids are kept; on PostgreSQL the id
sequences are then moved past them (``engine.ids_given``). The search index is not
copied (its form differs by engine) but rebuilt from the copied rows.

Everything is written in one transaction of the destination, which first empties
the tables (a new workbook's own starting rows, or a team workbook being replaced).
Before it commits, each table's row count and a hash of every stored file's bytes
(the ``LargeBinary`` columns: attachments, the company logo) are compared with the
source's; a difference raises ``CopyMismatchError`` naming the table, and the
transaction is rolled back, so the destination never holds half a copy.

The source is read in one snapshot: one SQLite read transaction, or a PostgreSQL
``REPEATABLE READ`` transaction, so rows written meanwhile are wholly in or out.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from hiring_desk.store import models  # noqa: F401  (every table registered in the metadata)
from hiring_desk.store.engine import ids_given
from hiring_desk.store.errors import WorkbookError
from hiring_desk.store.location import Location
from hiring_desk.store.search import rebuild

#: Rows read and written per statement.
BATCH = 1000

#: Called after each batch: (table name, rows of that table copied so far, its total).
Progress = Callable[[str, int, int], None]


class CopyMismatchError(WorkbookError):
    """The copy's rows or stored files differ from the source's; nothing was kept."""


@dataclass
class CopiedRows:
    """What was copied: rows per table (in copying order) and stored files checked."""

    counts: dict[str, int] = field(default_factory=dict)
    #: Stored files (attachments' bytes, the logo) whose hash matched the source's.
    files_checked: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def tables() -> list[sa.Table]:
    """Every workbook table, parents before the tables that refer to them."""
    return list(SQLModel.metadata.sorted_tables)


def _binary_columns(table: sa.Table) -> list[sa.Column[Any]]:
    return [column for column in table.columns if isinstance(column.type, sa.LargeBinary)]


def _order(table: sa.Table) -> list[sa.Column[Any]]:
    return list(table.primary_key.columns)


def _batches(connection: sa.Connection, table: sa.Table) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``table`` in primary-key order, ``BATCH`` at a time, as mappings."""
    result = connection.execution_options(yield_per=BATCH).execute(
        sa.select(table).order_by(*_order(table))
    )
    for partition in result.mappings().partitions(BATCH):
        yield [dict(row) for row in partition]


def count_rows(connection: sa.Connection) -> dict[str, int]:
    """Each workbook table's row count."""
    return {
        table.name: int(
            connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        )
        for table in tables()
    }


def file_hashes(connection: sa.Connection) -> dict[str, tuple[int, str]]:
    """For each table with stored files: (how many non-empty, a SHA-256 over all of
    them in primary-key order, each with its row's key)."""
    found: dict[str, tuple[int, str]] = {}
    for table in tables():
        columns = _binary_columns(table)
        if not columns:
            continue
        digest = hashlib.sha256()
        stored = 0
        keys = _order(table)
        query = sa.select(*keys, *columns).order_by(*keys)
        result = connection.execution_options(yield_per=100).execute(query)
        for row in result:
            digest.update(repr(tuple(row[: len(keys)])).encode())
            for value in row[len(keys) :]:
                if value is None:
                    digest.update(b"\x00none")
                    continue
                data = bytes(value)
                stored += 1
                digest.update(len(data).to_bytes(8, "big"))
                digest.update(data)
        found[table.name] = (stored, digest.hexdigest())
    return found


def copy_rows(
    source: sa.Engine,
    destination: sa.Engine,
    destination_location: Location,
    *,
    progress: Progress | None = None,
) -> CopiedRows:
    """Copy every row of the workbook on ``source`` into the one on ``destination``.

    Both hold the current schema. The destination's rows are replaced, in one
    transaction that is committed only after the counts and file hashes matched.
    """
    copied = CopiedRows()
    with _snapshot(source) as reading, destination.begin() as writing:
        _empty(writing)
        trigger_off = _keep_audit_logins(writing)
        totals = count_rows(reading)
        for table in tables():
            done = 0
            if progress is not None:
                progress(table.name, 0, totals[table.name])
            for batch in _batches(reading, table):
                writing.execute(sa.insert(table), batch)
                done += len(batch)
                if progress is not None:
                    progress(table.name, done, totals[table.name])
            copied.counts[table.name] = done
        if trigger_off:
            _stamp_logins_again(writing)
        ids_given(writing, tuple(t.name for t in tables() if _has_integer_id(t)))
        session = Session(bind=writing)
        try:
            rebuild(session)
        finally:
            session.close()
        copied.files_checked = _compare(reading, writing, destination_location)
    return copied


_AUDIT_TRIGGER = "ALTER TABLE audit_event {} TRIGGER audit_event_login"


def _keep_audit_logins(connection: sa.Connection) -> bool:
    """On a server, copy the history with the logins it had ("" from a file) rather
    than let the trigger that names the login of new events (revision 0011) stamp it
    with the copier's: the trigger is off until ``_stamp_logins_again``, in this
    transaction only. Only the workbook's owner may do that; for anyone else it stays
    on (False)."""
    if connection.dialect.name != "postgresql":
        return False
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(_AUDIT_TRIGGER.format("DISABLE"))
    except sa.exc.DBAPIError:
        return False
    return True


def _stamp_logins_again(connection: sa.Connection) -> None:
    connection.exec_driver_sql(_AUDIT_TRIGGER.format("ENABLE"))


def _has_integer_id(table: sa.Table) -> bool:
    keys = list(table.primary_key.columns)
    return len(keys) == 1 and keys[0].name == "id" and isinstance(keys[0].type, sa.Integer)


def _empty(connection: sa.Connection) -> None:
    """Delete every workbook table's rows, children first (the search index is rebuilt)."""
    for table in reversed(tables()):
        connection.execute(sa.delete(table))


def _compare(reading: sa.Connection, writing: sa.Connection, where: Location) -> int:
    """Raise ``CopyMismatchError`` naming the first table whose count or files differ;
    the number of stored files that matched otherwise."""
    theirs, ours = count_rows(reading), count_rows(writing)
    for name, count in theirs.items():
        if ours.get(name) != count:
            raise CopyMismatchError(
                where,
                f"the copy was not kept: table {name} has {ours.get(name)} rows in the "
                f"copy and {count} in the original",
            )
    source_files, copy_files = file_hashes(reading), file_hashes(writing)
    for name, files in source_files.items():
        if copy_files.get(name) != files:
            raise CopyMismatchError(
                where,
                f"the copy was not kept: the stored files of table {name} differ from "
                "the original's",
            )
    return sum(stored for stored, _digest in source_files.values())


@contextlib.contextmanager
def _snapshot(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A connection reading ``engine`` in one consistent transaction (only read:
    rolled back at the end, nothing to keep)."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin() as transaction:
            try:
                yield connection
            finally:
                transaction.rollback()
