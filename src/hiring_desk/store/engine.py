"""SQLAlchemy engines for workbook files, with the pragmas every connection needs."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from hiring_desk.store.errors import WorkbookError
from hiring_desk.store.fileformat import uses_wal
from hiring_desk.store.lock import WorkbookLock

BUSY_TIMEOUT_MS = 5000

#: An execution option for statements whose every string went through the services'
#: text cleaning (``services.validation``), which drops halves of characters already:
#: the check below is skipped for them (bulk imports of many thousand rows).
TEXT_CLEANED = "hiring_desk_text_cleaned"


def _null(value: None) -> None:
    return value


# The sqlite3 module looks for an adapter for every parameter that is not a plain
# str, int, float or bytes: for None it tries two attributes and clears the errors
# each time (for an import, tens of thousands of times). An adapter for None
# found at once makes it a dictionary lookup; None is stored as NULL all the same.
sqlite3.register_adapter(type(None), _null)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA trusted_schema = OFF")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def _storable(value: Any) -> Any:
    """``value``, with any half of a character (a lone surrogate) replaced by U+FFFD."""
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # Two halves that make one character are joined; a lone half becomes U+FFFD.
            return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value


def _storable_parameters(parameters: Any) -> Any:
    if isinstance(parameters, dict):
        return {key: _storable(value) for key, value in parameters.items()}
    if isinstance(parameters, tuple):
        return tuple(_storable(value) for value in parameters)
    if isinstance(parameters, list):
        return [_storable_parameters(row) for row in parameters]
    return parameters


def before_execute(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, context: Any, _many: bool
) -> tuple[str, Any]:
    # The last guard behind the services' text cleaning: SQLite's driver refuses a
    # string it cannot encode as UTF-8, which would abort the user's action with a
    # traceback. Such a string (half of a character, from a broken paste or a file
    # name in another encoding) is stored with U+FFFD in place of the half.
    if context is not None and context.execution_options.get(TEXT_CLEANED):
        return statement, parameters
    return statement, _storable_parameters(parameters)


def make_engine(path: Path) -> Engine:
    """An engine whose every connection has foreign keys on and real transactions.

    Its errors never carry the values of the failed statement (a candidate's name,
    notes ...), so they cannot reach a log or a message box.
    """
    engine = create_engine(f"sqlite:///{Path(path)}", hide_parameters=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "before_cursor_execute", before_execute, retval=True)
    return engine


@contextlib.contextmanager
def bulk_writing(connection: Any, *, cache_kb: int) -> Iterator[None]:
    """Around a bulk write (an import of thousands of rows) on ``connection``: on a
    workbook file, SQLite's page cache at ``cache_kb`` for a while, then as it was.
    A server manages its own memory: nothing to do there."""
    if connection.dialect.name != "sqlite":
        yield
        return
    was = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{cache_kb}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(was if was is not None else -2000)}")


def ids_given(connection: Any, tables: tuple[str, ...]) -> None:
    """After rows were written with ids chosen by the writer (``max(id) + 1`` ...): on
    PostgreSQL, move each table's id sequence past them, so the next row the server
    numbers does not take one of theirs. SQLite numbers from the largest id itself."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"coalesce(max(id), 0) + 1, false) FROM {table}"
        )


def connect_raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the same pragmas, for checks and backups."""
    conn = sqlite3.connect(str(path))
    _on_connect(conn, None)
    return conn


def make_read_only_engine(path: Path) -> tuple[Engine, WorkbookLock | None]:
    """An engine that only reads the workbook at ``path``, beside whoever has it open.

    Its connections are those of ``read_only``: ``mode=ro`` through the write-ahead
    log while the workbook is open elsewhere (no write lock, nothing written to the
    file), or ``immutable`` on an idle workbook, whose lock is then held and
    returned (release it when done) so that nobody starts writing meanwhile and no
    ``-wal``/``-shm`` files are left beside it.
    """
    path = Path(path)
    lock = _lock_if_idle(path)
    immutable = lock is not None
    engine = create_engine(
        "sqlite://",
        creator=lambda: _connect_read_only(path, immutable=immutable),
        hide_parameters=True,
    )
    event.listen(engine, "begin", _on_begin)
    return engine, lock


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write to the workbook at ``path``, for checks and copies.

    ``mode=ro`` sees a workbook open elsewhere as it is, write-ahead log included.
    A WAL-mode file that nobody has open (no ``-shm``, no ``-wal`` with content)
    is the whole workbook by itself: it is read as ``immutable`` while its lock is
    held, so no one can start writing meanwhile and no ``-wal``/``-shm`` files are
    left beside it. The same is done without the lock in a folder where SQLite
    cannot create those files (and so nobody can write to the workbook either).
    """
    path = Path(path)
    lock = _lock_if_idle(path)
    try:
        conn = _connect_read_only(path, immutable=lock is not None)
        try:
            yield conn
        finally:
            conn.close()
    finally:
        if lock is not None:
            lock.release()


def _lock_if_idle(path: Path) -> WorkbookLock | None:
    if not uses_wal(path) or not _nothing_pending(path):
        return None
    lock = WorkbookLock(path)
    try:
        lock.acquire()
    except WorkbookError:  # open elsewhere, or no lock file can be made here
        return None
    if _nothing_pending(path):
        return lock
    lock.release()
    return None


def _connect_read_only(path: Path, *, immutable: bool) -> sqlite3.Connection:
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if immutable:
        return _connect_uri(f"{uri}&immutable=1")
    try:
        return _connect_uri(uri)
    except sqlite3.OperationalError:
        if not _nothing_pending(path):
            raise
        return _connect_uri(f"{uri}&immutable=1")


def _connect_uri(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # SQLite opens lazily
        _on_connect(conn, None)
    except BaseException:
        conn.close()
        raise
    return conn


def _nothing_pending(path: Path) -> bool:
    if path.with_name(path.name + "-shm").exists():
        return False
    try:
        return path.with_name(path.name + "-wal").stat().st_size == 0
    except FileNotFoundError:
        return True
