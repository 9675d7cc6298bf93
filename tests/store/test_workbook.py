"""Creating, opening, refusing and using workbook files."""

from __future__ import annotations

import sqlite3
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import CursorResult
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hiring_desk.store import (
    NotAWorkbookError,
    Workbook,
    WorkbookExistsError,
    WorkbookLockedError,
    fileformat,
    migrate,
)
from hiring_desk.store.lock import WorkbookLock, lock_path_for
from hiring_desk.store.models import Role, RoleSkill, TeamMember
from hiring_desk.store.workbook import ensure_suffix

# -- helpers --------------------------------------------------------------------


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _png_ish() -> bytes:
    """A small, valid-looking PNG: binary, but not an SQLite file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _make_text(path: Path) -> None:
    path.write_text("Name,Email\nAda,ada@example.com\n", encoding="utf-8")


def _make_empty(path: Path) -> None:
    path.write_bytes(b"")


def _make_png(path: Path) -> None:
    path.write_bytes(_png_ish())


def _make_foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO recipe (name) VALUES ('bread')")
        conn.commit()
    finally:
        conn.close()


def _make_short_sqlite_header(path: Path) -> None:
    """Starts like SQLite but is shorter than a database header."""
    path.write_bytes(fileformat.SQLITE_MAGIC + b"\x10\x00")


REFUSED_FILES: dict[str, Callable[[Path], None]] = {
    "text": _make_text,
    "empty": _make_empty,
    "png": _make_png,
    "foreign-sqlite": _make_foreign_sqlite,
    "short-sqlite-header": _make_short_sqlite_header,
}


def _sql(session: Session, statement: str, params: tuple[object, ...] = ()) -> CursorResult[Any]:
    """Run plain SQL on the session's own connection (inside its transaction)."""
    return session.connection().exec_driver_sql(statement, params)


def _revision_in(workbook: Workbook) -> str:
    with workbook.transaction() as session:
        return str(_sql(session, "SELECT version_num FROM alembic_version").one()[0])


def _member_names(workbook: Workbook) -> list[str]:
    with workbook.transaction() as session:
        return sorted(m.name for m in session.exec(select(TeamMember)))


def _assert_one_line_naming(error: Exception, path: Path) -> None:
    message = str(error)
    assert path.name in message
    assert "\n" not in message
    assert "\r" not in message


# -- create -----------------------------------------------------------------------


def test_create_writes_an_sqlite_file_with_the_workbook_application_id(tmp_path: Path) -> None:
    path = tmp_path / "new.hiringdesk"
    Workbook.create(path).close()

    header = path.read_bytes()[:100]
    assert header.startswith(fileformat.SQLITE_MAGIC)
    assert int.from_bytes(header[68:72], "big") == fileformat.APPLICATION_ID
    assert fileformat.read_application_id(path) == fileformat.APPLICATION_ID
    fileformat.check_is_workbook(path)  # does not raise

    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == fileformat.APPLICATION_ID
    finally:
        conn.close()


def test_create_puts_the_workbook_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new.hiringdesk"
    with Workbook.create(path) as workbook, workbook.transaction() as session:
        assert _sql(session, "PRAGMA journal_mode").one()[0].lower() == "wal"
    # WAL is persistent: header bytes 18 and 19 (write/read format) are 2.
    header = path.read_bytes()[:100]
    assert (header[18], header[19]) == (2, 2)


def test_create_stamps_the_newest_schema_revision(workbook: Workbook) -> None:
    assert _revision_in(workbook) == migrate.SCHEMA_HEAD


def test_create_makes_every_table_of_the_model(workbook: Workbook) -> None:
    from sqlmodel import SQLModel

    import hiring_desk.store.models  # noqa: F401  (registers every table)

    with workbook.transaction() as session:
        tables = set(sa.inspect(session.connection()).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_create_makes_missing_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "new.hiringdesk"
    with Workbook.create(path) as workbook:
        assert workbook.path == path
        assert workbook.name == "new.hiringdesk"
    assert path.is_file()


def test_create_leaves_only_the_workbook_and_its_lock(tmp_path: Path) -> None:
    path = tmp_path / "new.hiringdesk"
    Workbook.create(path).close()
    # No half-written ".new" file, no WAL/SHM left after closing.
    assert _listing(tmp_path) == sorted([path.name, lock_path_for(path).name])


def test_create_accepts_a_string_path(tmp_path: Path) -> None:
    path = tmp_path / "from-str.hiringdesk"
    with Workbook.create(str(path)) as workbook:
        assert workbook.path == path
        assert _revision_in(workbook) == migrate.SCHEMA_HEAD


@pytest.mark.parametrize("kind", ["workbook", "text", "empty"])
def test_create_refuses_an_existing_file_and_leaves_it_unchanged(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "existing.hiringdesk"
    if kind == "workbook":
        with Workbook.create(path) as workbook, workbook.transaction() as session:
            session.add(TeamMember(name="Ada"))
    elif kind == "text":
        _make_text(path)
    else:
        _make_empty(path)
    before = path.read_bytes()
    listing = _listing(tmp_path)

    with pytest.raises(WorkbookExistsError) as info:
        Workbook.create(path)

    _assert_one_line_naming(info.value, path)
    assert path.read_bytes() == before
    assert _listing(tmp_path) == listing


def test_create_refuses_an_existing_folder(tmp_path: Path) -> None:
    path = tmp_path / "folder.hiringdesk"
    path.mkdir()
    with pytest.raises(WorkbookExistsError):
        Workbook.create(path)
    assert path.is_dir()
    assert list(path.iterdir()) == []


# -- open: refusing files that are not workbooks ------------------------------------


@pytest.mark.parametrize("kind", sorted(REFUSED_FILES))
def test_open_refuses_a_file_that_is_not_a_workbook(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder / "document.hiringdesk"
    REFUSED_FILES[kind](path)
    before = path.read_bytes()

    with pytest.raises(NotAWorkbookError) as info:
        Workbook.open(path)

    _assert_one_line_naming(info.value, path)
    assert info.value.path == path
    assert path.read_bytes() == before
    # Refused by its header: no lock file, no -wal/-shm/-journal beside it.
    assert _listing(folder) == [path.name]
    assert not lock_path_for(path).exists()


@pytest.mark.parametrize("kind", sorted(REFUSED_FILES))
def test_open_or_create_refuses_a_file_that_is_not_a_workbook(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder / "document.hiringdesk"
    REFUSED_FILES[kind](path)
    before = path.read_bytes()

    with pytest.raises(NotAWorkbookError):
        Workbook.open_or_create(path)

    assert path.read_bytes() == before
    assert _listing(folder) == [path.name]


def test_open_refuses_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "parent"
    folder.mkdir()
    path = folder / "looks-like-one.hiringdesk"
    path.mkdir()
    (path / "inside.txt").write_text("keep me", encoding="utf-8")

    with pytest.raises(NotAWorkbookError) as info:
        Workbook.open(path)

    _assert_one_line_naming(info.value, path)
    assert "folder" in str(info.value)
    assert _listing(folder) == [path.name]
    assert _listing(path) == ["inside.txt"]
    assert (path / "inside.txt").read_text(encoding="utf-8") == "keep me"


def test_open_refuses_a_missing_path_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing.hiringdesk"

    with pytest.raises(NotAWorkbookError) as info:
        Workbook.open(path)

    _assert_one_line_naming(info.value, path)
    assert "does not exist" in str(info.value)
    assert _listing(tmp_path) == []


def test_open_refuses_a_missing_path_in_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "missing.hiringdesk"
    with pytest.raises(NotAWorkbookError):
        Workbook.open(path)
    assert not path.parent.exists()


def test_open_refuses_an_sqlite_file_with_the_id_but_no_schema(tmp_path: Path) -> None:
    path = tmp_path / "half-made.hiringdesk"
    conn = sqlite3.connect(str(path))
    try:
        conn.execute(f"PRAGMA application_id = {fileformat.APPLICATION_ID}")
        conn.execute("CREATE TABLE something (id INTEGER PRIMARY KEY)")
        conn.commit()
    finally:
        conn.close()
    before = path.read_bytes()

    with pytest.raises(NotAWorkbookError) as info:
        Workbook.open(path)

    _assert_one_line_naming(info.value, path)
    assert path.read_bytes() == before
    # The lock taken while checking it was given back.
    lock = WorkbookLock(path)
    lock.acquire()
    lock.release()


# -- foreign keys and transactions -----------------------------------------------------


@pytest.mark.sqlite_only  # SQLite's per-connection pragma; PostgreSQL always enforces them
def test_foreign_keys_are_on_in_every_session(workbook: Workbook) -> None:
    for _ in range(3):
        with workbook.transaction() as session:
            assert _sql(session, "PRAGMA foreign_keys").one()[0] == 1
    # Two sessions at once use two connections; both must have them on.
    with workbook.transaction() as first, workbook.transaction() as second:
        assert _sql(first, "PRAGMA foreign_keys").one()[0] == 1
        assert _sql(second, "PRAGMA foreign_keys").one()[0] == 1


def test_foreign_keys_are_on_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "fk.hiringdesk"
    Workbook.create(path).close()
    with Workbook.open(path) as workbook, workbook.transaction() as session:
        assert _sql(session, "PRAGMA foreign_keys").one()[0] == 1


def test_a_row_pointing_at_a_missing_row_is_refused(workbook: Workbook) -> None:
    with pytest.raises(IntegrityError), workbook.transaction() as session:
        session.add(RoleSkill(role_id=9999, skill="Python"))

    with workbook.transaction() as session:
        assert session.exec(select(RoleSkill)).all() == []


def test_deleting_a_role_cascades_to_its_skills(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        role = Role(title="Engineer")
        session.add(role)
        session.flush()
        assert role.id is not None
        session.add(RoleSkill(role_id=role.id, skill="Python"))
        role_id = role.id

    with workbook.transaction() as session:
        session.execute(sa.text("DELETE FROM role WHERE id = :id"), {"id": role_id})

    with workbook.transaction() as session:
        assert session.exec(select(RoleSkill)).all() == []


def test_a_failing_transaction_saves_nothing(workbook: Workbook) -> None:
    with pytest.raises(RuntimeError, match="boom"), workbook.transaction() as session:
        session.add(TeamMember(name="Ada"))
        session.add(Role(title="Engineer"))
        session.flush()  # the rows really reached the database...
        raise RuntimeError("boom")  # ...and are undone here

    with workbook.transaction() as session:
        assert session.exec(select(TeamMember)).all() == []
        assert session.exec(select(Role)).all() == []


def test_a_constraint_failure_undoes_earlier_rows_of_the_transaction(workbook: Workbook) -> None:
    with pytest.raises(IntegrityError), workbook.transaction() as session:
        session.add(TeamMember(name="Ada"))
        session.flush()
        session.add(RoleSkill(role_id=4242, skill="Go"))
        session.flush()

    assert _member_names(workbook) == []


def test_a_successful_transaction_is_committed(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add(TeamMember(name="Ada"))
    assert _member_names(workbook) == ["Ada"]


# -- open, close, reopen -----------------------------------------------------------------


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "keep.hiringdesk"
    with Workbook.create(path) as workbook, workbook.transaction() as session:
        member = TeamMember(name="Grace", email="grace@example.com")
        session.add(member)
        session.flush()
        session.add(Role(title="Engineer", hiring_manager_id=member.id))

    assert _listing(tmp_path) == sorted([path.name, lock_path_for(path).name])

    with Workbook.open(path) as workbook:
        assert workbook.path == path
        assert _member_names(workbook) == ["Grace"]
        with workbook.transaction() as session:
            role = session.exec(select(Role)).one()
            manager = session.get(TeamMember, role.hiring_manager_id)
            assert manager is not None
            assert manager.email == "grace@example.com"
        assert _revision_in(workbook) == migrate.SCHEMA_HEAD

    # And a third time, after adding more.
    with Workbook.open(path) as workbook, workbook.transaction() as session:
        session.add(TeamMember(name="Alan"))
    with Workbook.open(path) as workbook:
        assert _member_names(workbook) == ["Alan", "Grace"]


def test_open_accepts_a_string_path(tmp_path: Path) -> None:
    path = tmp_path / "str.hiringdesk"
    Workbook.create(path).close()
    with Workbook.open(str(path)) as workbook:
        assert workbook.path == path


def test_close_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "close.hiringdesk"
    workbook = Workbook.create(path)
    with pytest.raises(WorkbookLockedError):
        Workbook.open(path)
    workbook.close()
    Workbook.open(path).close()


def test_open_or_create_creates_a_missing_workbook(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "fresh.hiringdesk"
    with Workbook.open_or_create(path) as workbook:
        assert _revision_in(workbook) == migrate.SCHEMA_HEAD
        assert _member_names(workbook) == []
    assert fileformat.read_application_id(path) == fileformat.APPLICATION_ID


def test_open_or_create_opens_an_existing_workbook_without_losing_data(tmp_path: Path) -> None:
    path = tmp_path / "existing.hiringdesk"
    with Workbook.create(path) as workbook, workbook.transaction() as session:
        session.add(TeamMember(name="Ada"))

    with Workbook.open_or_create(path) as workbook:
        assert _member_names(workbook) == ["Ada"]


@pytest.mark.sqlite_only  # the file lock; on a server many people work at once
def test_open_or_create_refuses_a_workbook_already_open(workbook: Workbook) -> None:
    with pytest.raises(WorkbookLockedError):
        Workbook.open_or_create(workbook.path)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("plans", "plans.hiringdesk"),
        ("plans.hiringdesk", "plans.hiringdesk"),
        ("plans.db", "plans.db"),
    ],
)
def test_ensure_suffix(tmp_path: Path, given: str, expected: str) -> None:
    assert ensure_suffix(tmp_path / given) == tmp_path / expected
