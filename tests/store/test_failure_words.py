"""The database's and the disk's errors in words (store.errors, #14.8): what is wrong and
what to do, read from SQLite's codes and errno, never from the SQL or its values."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from hiring_desk.store import Workbook
from hiring_desk.store.errors import (
    BUSY,
    CANNOT_OPEN,
    DAMAGED,
    MISSING_PARTS,
    READ_ONLY,
    database_failure,
    is_damage,
    os_error_reason,
)

SECRET = "Ingrid Ødegård <ingrid@example.no>"


def _raised(action: object) -> BaseException:
    with pytest.raises(Exception) as info:
        action()  # type: ignore[operator]
    return info.value


def test_writing_a_read_only_database(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    error = _raised(lambda: conn.execute("INSERT INTO t VALUES (?)", (SECRET,)))
    assert database_failure(error) is READ_ONLY
    assert not is_damage(error)  # type: ignore[arg-type]


@pytest.mark.sqlite_only  # SQLite's errors; a server's are in test_server_workbooks
def test_a_missing_table_through_sqlalchemy_names_no_values(workbook: Workbook) -> None:
    with workbook.engine.begin() as conn:
        conn.execute(text("DROP TABLE candidate_tag"))

    def insert() -> None:
        with workbook.engine.begin() as conn:
            conn.execute(text("INSERT INTO candidate_tag VALUES (:a, :b)"), {"a": 1, "b": SECRET})

    error = _raised(insert)
    assert isinstance(error, OperationalError)
    assert database_failure(error) is MISSING_PARTS
    assert SECRET not in str(error)  # the engine hides the values it was given
    assert "hiring-desk check" in MISSING_PARTS.sentence


def test_a_database_in_use(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    first = sqlite3.connect(path, isolation_level=None)
    first.execute("CREATE TABLE t (x)")
    first.execute("BEGIN EXCLUSIVE")
    second = sqlite3.connect(path, timeout=0)
    error = _raised(lambda: second.execute("SELECT * FROM t"))
    first.execute("ROLLBACK")
    assert database_failure(error) is BUSY


def test_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    error = _raised(lambda: sqlite3.connect(tmp_path / "no" / "such" / "w.db"))
    assert database_failure(error) is CANNOT_OPEN


def test_a_file_that_is_not_a_database_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    path.write_bytes(b"x" * 4096)
    error = _raised(lambda: sqlite3.connect(path).execute("SELECT * FROM sqlite_master"))
    assert database_failure(error) is DAMAGED and is_damage(error)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("message", "words"),
    [("disk I/O error", "an input/output error on the disk"), ("database or disk is full", "full")],
)
def test_disk_errors_sqlite_reports(message: str, words: str) -> None:
    failure = database_failure(sqlite3.OperationalError(message))
    assert failure is not None and words in failure.reason and not failure.damaged
    assert not is_damage(sqlite3.OperationalError(message))


def test_other_errors_are_not_claimed() -> None:
    assert database_failure(ValueError("no such table: x")) is None
    assert database_failure(sqlite3.OperationalError("near 'x': syntax error")) is None


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "read-only or writing there is not allowed"),
        (errno.EPERM, "read-only or writing there is not allowed"),
        (errno.EIO, "an input/output error on the disk"),
    ],
)
def test_errno_in_words(number: int, words: str) -> None:
    assert words in os_error_reason(OSError(number, "whatever the system says"))


def test_other_errno_keeps_the_systems_words() -> None:
    assert os_error_reason(OSError(errno.ENAMETOOLONG, "File name too long")) == (
        "file name too long"
    )
