"""The Alembic schema, and workbooks from a newer version refused unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel, select
from tests.store.migration_setup import (
    assert_unlocked,
    new_workbook,
    raw_members,
    raw_revision,
    raw_tables,
    sidecars,
)

import hiring_desk.store.models  # noqa: F401  (registers every table)
from hiring_desk.store import (
    NewerSchemaError,
    Workbook,
    migrate,
)
from hiring_desk.store.engine import make_engine
from hiring_desk.store.fileformat import MARKER_TABLE
from hiring_desk.store.lock import lock_path_for
from hiring_desk.store.models import TeamMember
from hiring_desk.store.search import is_search_table

FUTURE = "9999_future"


def _stamp(path: Path, revision: str) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
    finally:
        conn.close()


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
    return not (
        type_ == "table" and name is not None and (is_search_table(name) or name == MARKER_TABLE)
    )


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
        if connection.dialect.name == "sqlite":
            # SQLAlchemy reads SQLite's foreign keys from the table's SQL, where the
            # column revision 0009 added (ALTER TABLE) shows no ON DELETE; SQLite has it.
            on_delete = connection.exec_driver_sql(
                "SELECT on_delete FROM pragma_foreign_key_list('application') "
                "WHERE \"from\" = 'role_stage_id'"
            ).scalar_one()
            assert on_delete == "SET NULL"
            diffs = [d for d in diffs if not _role_stage_fk(d)]
    assert diffs == []


def _role_stage_fk(diff: object) -> bool:
    if not (isinstance(diff, tuple) and diff[0] in ("remove_fk", "add_fk")):
        return False
    return [e.target_fullname for e in diff[1].elements] == ["role_stage.id"]


def test_upgrading_an_up_to_date_workbook_changes_nothing(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "head.hiringdesk", ["Ada"])
    tables = raw_tables(path)
    engine = make_engine(path)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    assert raw_revision(path) == migrate.SCHEMA_HEAD
    assert raw_tables(path) == tables
    assert raw_members(path) == ["Ada"]


def test_read_revision_is_none_without_an_alembic_table(tmp_path: Path) -> None:
    conn = sqlite3.connect(str(tmp_path / "plain.db"))
    try:
        conn.execute("CREATE TABLE t (id INTEGER)")
        assert migrate.read_revision(conn) is None
    finally:
        conn.close()


# -- a workbook from a newer version --------------------------------------------------------


def test_a_workbook_from_a_newer_version_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "future.hiringdesk", ["Ada"])
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
    assert sidecars(path) == []
    assert not backups.exists()  # no upgrade was attempted
    assert_unlocked(path)

    # Put back to a revision this version knows, and it opens again.
    _stamp(path, migrate.SCHEMA_HEAD)
    with Workbook.open(path) as workbook, workbook.transaction() as session:
        assert [m.name for m in session.exec(select(TeamMember))] == ["Ada"]


def test_open_or_create_refuses_a_newer_workbook_too(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "future.hiringdesk")
    _stamp(path, FUTURE)
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError):
        Workbook.open_or_create(path)
    assert path.read_bytes() == before


def test_lock_file_of_a_refused_newer_workbook_is_only_the_lock(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "future.hiringdesk")
    _stamp(path, FUTURE)
    with pytest.raises(NewerSchemaError):
        Workbook.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, lock_path_for(path).name]
    )
