"""The Alembic schema, newer/older/damaged workbooks, and copies taken before upgrades."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlmodel import SQLModel, select

import hiring_desk.store.models  # noqa: F401  (registers every table)
from hiring_desk import paths
from hiring_desk.store import (
    MigrationError,
    NewerSchemaError,
    NotAWorkbookError,
    Workbook,
    WorkbookDamagedError,
    WorkbookError,
    fileformat,
    migrate,
)
from hiring_desk.store.backup import backup_name, copy_workbook
from hiring_desk.store.engine import make_engine
from hiring_desk.store.integrity import check_workbook
from hiring_desk.store.lock import WorkbookLock, lock_path_for
from hiring_desk.store.models import Role, TeamMember
from hiring_desk.store.search import is_search_table

FUTURE = "9999_future"
NEXT = "0002_x"

# -- helpers --------------------------------------------------------------------


def _new_workbook(path: Path, members: list[str] | None = None) -> Path:
    with Workbook.create(path) as workbook, workbook.transaction() as session:
        for name in members or []:
            session.add(TeamMember(name=name, email=f"{name.lower()}@example.com"))
    return path


def _raw_revision(path: Path) -> str | None:
    conn = sqlite3.connect(str(path))
    try:
        return migrate.read_revision(conn)
    finally:
        conn.close()


def _raw_members(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM team_member"))
    finally:
        conn.close()


def _raw_tables(path: Path) -> set[str]:
    conn = sqlite3.connect(str(path))
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {r[0] for r in rows}
    finally:
        conn.close()


def _stamp(path: Path, revision: str) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
    finally:
        conn.close()


def _sidecars(path: Path) -> list[str]:
    names = [path.name + suffix for suffix in ("-wal", "-shm", "-journal")]
    return [n for n in names if (path.parent / n).exists()]


def _assert_unlocked(path: Path) -> None:
    lock = WorkbookLock(path)
    lock.acquire()
    lock.release()


def _corrupt_table_page(path: Path) -> None:
    """Garbage in the middle of the page holding the team_member rows."""
    conn = sqlite3.connect(str(path))
    try:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'team_member'"
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    assert root >= 2
    _garble(path, [root], page_size)


def _corrupt_every_page_after_the_first(path: Path) -> None:
    """Garbage in the middle of every page from page 2 on (the header stays valid)."""
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    pages = path.stat().st_size // page_size
    _garble(path, list(range(2, pages + 1)), page_size)


def _garble(path: Path, pages: list[int], page_size: int) -> None:
    data = bytearray(path.read_bytes())
    garbage = bytes((i * 37 + 11) % 256 for i in range(page_size // 2))
    for page in pages:
        start = (page - 1) * page_size + page_size // 4
        data[start : start + len(garbage)] = garbage
    path.write_bytes(bytes(data))


DAMAGE = {
    "table-page": _corrupt_table_page,
    "every-page-after-the-first": _corrupt_every_page_after_the_first,
}


def _damaged_workbook(tmp_path: Path, kind: str) -> Path:
    path = _new_workbook(tmp_path / "damaged.hiringdesk", [f"Member {i:03}" for i in range(60)])
    DAMAGE[kind](path)
    assert path.read_bytes().startswith(fileformat.SQLITE_MAGIC)
    return path


def _open_damaged(path: Path) -> WorkbookError:
    try:
        workbook = Workbook.open(path)
    except (WorkbookDamagedError, NotAWorkbookError) as exc:
        return exc
    except Exception as exc:  # anything else is a bug: the UI expects a WorkbookError
        pytest.fail(f"a damaged workbook raised {type(exc).__name__}, not a WorkbookError: {exc}")
    workbook.close()
    pytest.fail("a damaged workbook was opened without complaint")


# -- the revisions ---------------------------------------------------------------------


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def test_schema_head_is_the_newest_revision_file() -> None:
    script = _script()
    assert script.get_heads() == [migrate.SCHEMA_HEAD]  # one head, no branches
    assert script.get_current_head() == migrate.SCHEMA_HEAD


def test_known_revisions_are_every_revision_oldest_first() -> None:
    newest_first = [rev.revision for rev in _script().walk_revisions()]
    assert tuple(reversed(newest_first)) == migrate.KNOWN_REVISIONS
    assert migrate.KNOWN_REVISIONS[-1] == migrate.SCHEMA_HEAD


def test_every_revision_file_is_a_known_revision() -> None:
    versions = migrate.revision_files_dir()
    files = sorted(p.stem for p in versions.glob("*.py") if p.name != "__init__.py")
    assert files
    assert set(files) == set(migrate.KNOWN_REVISIONS)


def _not_the_search_tables(name: str | None, type_: str, parent_names: object) -> bool:
    """As in migrations/env.py: the FTS5 tables have no model (plain SQL in 0002)."""
    return not (type_ == "table" and name is not None and is_search_table(name))


def test_the_migrated_schema_matches_the_models(workbook: Workbook) -> None:
    with workbook.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "render_as_batch": True,
                "include_name": _not_the_search_tables,
            },
        )
        diffs = compare_metadata(context, SQLModel.metadata)
    assert diffs == []


def test_upgrading_an_up_to_date_workbook_changes_nothing(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "head.hiringdesk", ["Ada"])
    tables = _raw_tables(path)
    engine = make_engine(path)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    assert _raw_revision(path) == migrate.SCHEMA_HEAD
    assert _raw_tables(path) == tables
    assert _raw_members(path) == ["Ada"]


def test_read_revision_is_none_without_an_alembic_table(tmp_path: Path) -> None:
    conn = sqlite3.connect(str(tmp_path / "plain.db"))
    try:
        conn.execute("CREATE TABLE t (id INTEGER)")
        assert migrate.read_revision(conn) is None
    finally:
        conn.close()


# -- a workbook from a newer version --------------------------------------------------------


def test_a_workbook_from_a_newer_version_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "future.hiringdesk", ["Ada"])
    _stamp(path, FUTURE)
    before = path.read_bytes()
    backups = tmp_path / "backups"

    with pytest.raises(NewerSchemaError) as info:
        Workbook.open(path, backup_dir=backups)

    message = str(info.value)
    assert path.name in message
    assert FUTURE in message
    assert "newer" in message
    assert "\n" not in message
    assert path.read_bytes() == before
    assert _sidecars(path) == []
    assert not backups.exists()  # no upgrade was attempted
    _assert_unlocked(path)

    # Put back to a revision this version knows, and it opens again.
    _stamp(path, migrate.SCHEMA_HEAD)
    with Workbook.open(path) as workbook, workbook.transaction() as session:
        assert [m.name for m in session.exec(select(TeamMember))] == ["Ada"]


def test_open_or_create_refuses_a_newer_workbook_too(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "future.hiringdesk")
    _stamp(path, FUTURE)
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError):
        Workbook.open_or_create(path)
    assert path.read_bytes() == before


# -- upgrading an older workbook -----------------------------------------------------------


class _RecordingUpgrade:
    """Stands in for ``migrate.upgrade``: notes what existed when it ran."""

    def __init__(self, backup_dir: Path, fail: bool = False) -> None:
        self.backup_dir = backup_dir
        self.fail = fail
        self.calls: list[dict[str, Any]] = []

    def __call__(self, engine: Engine, target: str = "head") -> None:
        listing = (
            sorted(p.name for p in self.backup_dir.iterdir()) if self.backup_dir.is_dir() else []
        )
        backups = [self.backup_dir / n for n in listing if n.endswith(".hiringdesk")]
        self.calls.append(
            {
                "target": target,
                "listing": listing,
                "backup_revisions": [_raw_revision(b) for b in backups],
                "backup_members": [_raw_members(b) for b in backups],
            }
        )
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE added_by_0002 (id INTEGER PRIMARY KEY)")
            connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{NEXT}'")
            if self.fail:
                raise RuntimeError("simulated failure half-way through")


def _pretend_newer_app(mp: pytest.MonkeyPatch, fake: _RecordingUpgrade) -> None:
    mp.setattr(migrate, "SCHEMA_HEAD", NEXT)
    mp.setattr(migrate, "KNOWN_REVISIONS", (*migrate.KNOWN_REVISIONS, NEXT))
    mp.setattr(migrate, "upgrade", fake)


def test_an_older_workbook_is_backed_up_then_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _new_workbook(tmp_path / "old.hiringdesk", ["Ada", "Grace"])
    backups = tmp_path / "backups"
    fake = _RecordingUpgrade(backups)

    with monkeypatch.context() as mp:
        _pretend_newer_app(mp, fake)
        with Workbook.open(path, backup_dir=backups) as workbook, workbook.transaction() as s:
            assert sorted(m.name for m in s.exec(select(TeamMember))) == ["Ada", "Grace"]
        assert len(fake.calls) == 1
        # Reopening an upgraded workbook does not upgrade (or back up) again.
        Workbook.open(path, backup_dir=backups).close()
        assert len(fake.calls) == 1

    call = fake.calls[0]
    assert call["target"] == "head"
    # The backup was complete, in place and of the old revision before upgrade ran.
    assert len(call["listing"]) == 1
    name = call["listing"][0]
    assert name.startswith("old.")
    assert name.endswith(".hiringdesk")
    assert f"before-upgrade-{migrate.SCHEMA_HEAD}" in name
    assert call["backup_revisions"] == [migrate.SCHEMA_HEAD]
    assert call["backup_members"] == [["Ada", "Grace"]]

    assert sorted(p.name for p in backups.iterdir()) == [name]  # no ".partial" left
    backup = backups / name
    assert fileformat.read_application_id(backup) == fileformat.APPLICATION_ID
    assert check_workbook(backup).ok
    assert _raw_revision(backup) == migrate.SCHEMA_HEAD
    assert "added_by_0002" not in _raw_tables(backup)

    assert _raw_revision(path) == NEXT
    assert "added_by_0002" in _raw_tables(path)


def test_the_backup_goes_to_the_app_backup_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    path = _new_workbook(tmp_path / "old.hiringdesk", ["Ada"])
    default_dir = paths.backup_dir()
    assert default_dir.is_relative_to(isolated_home)
    fake = _RecordingUpgrade(default_dir)

    with monkeypatch.context() as mp:
        _pretend_newer_app(mp, fake)
        Workbook.open(path).close()

    assert len(fake.calls) == 1
    assert len(fake.calls[0]["listing"]) == 1
    assert fake.calls[0]["backup_members"] == [["Ada"]]


def test_a_failed_upgrade_is_undone_and_leaves_the_file_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _new_workbook(tmp_path / "old.hiringdesk", ["Ada"])
    before = path.read_bytes()
    backups = tmp_path / "backups"
    fake = _RecordingUpgrade(backups, fail=True)

    with monkeypatch.context() as mp:
        _pretend_newer_app(mp, fake)
        with pytest.raises(MigrationError) as info:
            Workbook.open(path, backup_dir=backups)
        message = str(info.value)
        assert path.name in message
        assert "unchanged" in message
        assert "\n" not in message
        assert len(fake.calls) == 1
        _assert_unlocked(path)

    assert path.read_bytes() == before
    assert _sidecars(path) == []
    assert len(list(backups.glob("*.hiringdesk"))) == 1  # the backup is kept

    # With the real app again, the workbook opens as it was.
    with Workbook.open(path, backup_dir=backups) as workbook, workbook.transaction() as s:
        assert [m.name for m in s.exec(select(TeamMember))] == ["Ada"]
    assert _raw_revision(path) == migrate.SCHEMA_HEAD
    assert "added_by_0002" not in _raw_tables(path)


def test_no_upgrade_without_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _new_workbook(tmp_path / "old.hiringdesk", ["Ada"])
    before = path.read_bytes()
    not_a_folder = tmp_path / "backups-is-a-file"
    not_a_folder.write_text("in the way", encoding="utf-8")
    fake = _RecordingUpgrade(not_a_folder)

    with monkeypatch.context() as mp:
        _pretend_newer_app(mp, fake)
        with pytest.raises(MigrationError) as info:
            Workbook.open(path, backup_dir=not_a_folder)
        assert "back up" in str(info.value)
        assert "\n" not in str(info.value)

    assert fake.calls == []
    assert path.read_bytes() == before
    _assert_unlocked(path)


# -- damaged workbooks -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_workbook_is_never_opened_silently(tmp_path: Path, kind: str) -> None:
    path = _damaged_workbook(tmp_path, kind)
    before = path.read_bytes()

    error = _open_damaged(path)

    assert error.path == path
    assert path.name in str(error)
    assert path.read_bytes() == before
    _assert_unlocked(path)


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_workbook_error_is_one_line(tmp_path: Path, kind: str) -> None:
    path = _damaged_workbook(tmp_path, kind)
    error = _open_damaged(path)
    assert "\n" not in str(error), "WorkbookError messages are promised to be one line"


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_check_workbook_reports_a_damaged_workbook(tmp_path: Path, kind: str) -> None:
    path = _damaged_workbook(tmp_path, kind)
    before = path.read_bytes()

    report = check_workbook(path)

    assert not report.ok
    assert report.problems
    assert path.read_bytes() == before


# -- copies -------------------------------------------------------------------------------------


def test_copy_workbook_makes_a_valid_copy_with_the_same_data(tmp_path: Path) -> None:
    source = _new_workbook(tmp_path / "source.hiringdesk", ["Ada", "Grace"])
    destination = tmp_path / "copies" / "copy.hiringdesk"

    assert copy_workbook(source, destination) == destination

    assert sorted(p.name for p in destination.parent.iterdir()) == ["copy.hiringdesk"]
    assert fileformat.read_application_id(destination) == fileformat.APPLICATION_ID
    conn = sqlite3.connect(str(destination))
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    assert _raw_members(destination) == ["Ada", "Grace"]
    assert _raw_revision(destination) == migrate.SCHEMA_HEAD
    assert check_workbook(destination).ok
    with Workbook.open(destination) as copy, copy.transaction() as session:
        assert sorted(m.name for m in session.exec(select(TeamMember))) == ["Ada", "Grace"]


def test_copy_workbook_includes_committed_data_of_an_open_workbook(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add(TeamMember(name="Ada"))
        session.add(Role(title="Engineer"))
    destination = workbook.path.with_name("live-copy.hiringdesk")

    copy_workbook(workbook.path, destination)

    assert _raw_members(destination) == ["Ada"]
    # The source is still fine and still in use.
    with workbook.transaction() as session:
        session.add(TeamMember(name="Grace"))
    assert _raw_members(destination) == ["Ada"]


def test_copy_workbook_refuses_an_existing_destination(tmp_path: Path) -> None:
    source = _new_workbook(tmp_path / "source.hiringdesk", ["Ada"])
    destination = tmp_path / "taken.hiringdesk"
    destination.write_bytes(b"precious")

    with pytest.raises(FileExistsError):
        copy_workbook(source, destination)

    assert destination.read_bytes() == b"precious"
    assert not destination.with_name(destination.name + ".partial").exists()


def test_copy_workbook_replaces_a_stale_partial_file(tmp_path: Path) -> None:
    source = _new_workbook(tmp_path / "source.hiringdesk", ["Ada"])
    destination = tmp_path / "copy.hiringdesk"
    partial = destination.with_name(destination.name + ".partial")
    partial.write_bytes(b"left over from a crash")

    copy_workbook(source, destination)

    assert not partial.exists()
    assert _raw_members(destination) == ["Ada"]


def test_backup_name_says_when_and_why() -> None:
    name = backup_name(
        Path("/x/Team plans.hiringdesk"),
        "before-upgrade-0001_initial",
        datetime(2026, 3, 4, 5, 6, 7),
    )
    assert name == "Team plans.20260304-050607.before-upgrade-0001_initial.hiringdesk"


def test_lock_file_of_a_refused_newer_workbook_is_only_the_lock(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "future.hiringdesk")
    _stamp(path, FUTURE)
    with pytest.raises(NewerSchemaError):
        Workbook.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, lock_path_for(path).name]
    )
