"""Health checks of a workbook file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.services.workbook.backup_setup import read_only

from hiring_desk.store import (
    NotAWorkbookError,
    Workbook,
    WorkbookUnavailableError,
    integrity,
    migrate,
)
from hiring_desk.store.integrity import check_workbook
from hiring_desk.store.models import Role, RoleSkill, TeamMember


def _new_workbook(path: Path) -> Path:
    with Workbook.create(path) as workbook, workbook.transaction() as session:
        member = TeamMember(name="Ada")
        session.add(member)
        session.flush()
        role = Role(title="Engineer", hiring_manager_id=member.id)
        session.add(role)
        session.flush()
        assert role.id is not None
        session.add(RoleSkill(role_id=role.id, skill="Python"))
    return path


def _raw(path: Path, *statements: str) -> None:
    """Run statements with a plain sqlite3 connection (foreign keys off, the default)."""
    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("full", [True, False])
def test_a_fresh_workbook_is_ok(tmp_path: Path, full: bool) -> None:
    path = _new_workbook(tmp_path / "fresh.hiringdesk")
    report = check_workbook(path, full=full)
    assert report.ok
    assert report.problems == []
    assert report.revision == migrate.SCHEMA_HEAD


def test_an_empty_workbook_is_ok(tmp_path: Path) -> None:
    path = tmp_path / "empty.hiringdesk"
    Workbook.create(path).close()
    assert check_workbook(path).ok


def test_an_open_workbook_can_be_checked(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add(TeamMember(name="Ada"))
    report = check_workbook(workbook.location)
    assert report.ok, report.problems


def test_checking_does_not_change_the_file(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "fresh.hiringdesk")
    before = path.read_bytes()
    check_workbook(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".fresh.hiringdesk.lock",
        "fresh.hiringdesk",
    ]


def test_a_broken_foreign_key_is_reported(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "broken.hiringdesk")
    _raw(
        path,
        "INSERT INTO role_skill (role_id, skill, importance, level, position) "
        "VALUES (999, 'Go', 'must', '', 0)",
    )

    report = check_workbook(path)

    assert not report.ok
    assert report.revision == migrate.SCHEMA_HEAD
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert "foreign key" in problem
    assert "role_skill" in problem
    assert "1 broken" in problem


def test_a_row_left_behind_by_a_delete_is_reported(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "orphan.hiringdesk")
    # With foreign keys off, deleting the role does not cascade to its skill.
    _raw(path, "DELETE FROM role")
    report = check_workbook(path)
    assert not report.ok
    assert any("role_skill" in p for p in report.problems)


def test_a_newer_revision_is_reported(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "future.hiringdesk")
    _raw(path, "UPDATE alembic_version SET version_num = '9999_future'")

    report = check_workbook(path)

    assert not report.ok
    assert report.revision == "9999_future"
    assert any("newer" in p and "9999_future" in p for p in report.problems)


def test_an_older_revision_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _new_workbook(tmp_path / "older.hiringdesk")
    monkeypatch.setattr(integrity, "SCHEMA_HEAD", "0002_x")
    monkeypatch.setattr(integrity, "KNOWN_REVISIONS", (*migrate.KNOWN_REVISIONS, "0002_x"))

    report = check_workbook(path)

    assert not report.ok
    assert report.revision == migrate.SCHEMA_HEAD
    assert any("older" in p for p in report.problems)


def test_a_missing_revision_is_reported(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "unstamped.hiringdesk")
    _raw(path, "DELETE FROM alembic_version")

    report = check_workbook(path)

    assert not report.ok
    assert report.revision is None
    assert any("no schema version" in p for p in report.problems)


def test_a_text_file_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "notes.hiringdesk"
    path.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(NotAWorkbookError) as info:
        check_workbook(path)
    assert "notes.hiringdesk" in str(info.value)
    assert path.read_text(encoding="utf-8") == "just some notes\n"


def test_a_foreign_sqlite_database_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        conn.commit()
    finally:
        conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAWorkbookError):
        check_workbook(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_missing_file_is_not_a_workbook(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkbookError):
        check_workbook(tmp_path / "missing.hiringdesk")
    assert list(tmp_path.iterdir()) == []


# -- read-only folders and missing parts (#14.3, #14.8) ---------------------------------------


def test_a_workbook_in_a_read_only_folder_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    path = _new_workbook(folder / "w.hiringdesk")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with read_only(folder):
        report = check_workbook(path)
    assert report.ok, report.problems
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_workbook_open_elsewhere_in_a_read_only_folder_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    path = _new_workbook(folder / "w.hiringdesk")
    with Workbook.open(path) as workbook:
        with workbook.transaction() as session:
            session.add(TeamMember(name="Grace"))  # in the write-ahead log, not the file yet
        with read_only(folder):
            report = check_workbook(path)
    assert report.ok, report.problems


def test_a_workbook_that_cannot_be_read_is_not_called_damaged(tmp_path: Path) -> None:
    """A write-ahead log left by a crash, in a folder since made read-only: SQLite
    cannot read the two together there. That is not damage, and is not called so."""
    path = _new_workbook(tmp_path / "live.hiringdesk")
    folder = tmp_path / "crashed"
    folder.mkdir()
    with Workbook.open(path) as workbook:
        with workbook.transaction() as session:
            session.add(TeamMember(name="Grace"))
        for suffix in ("", "-wal"):  # the file and its log, as a crash leaves them
            (folder / f"w.hiringdesk{suffix}").write_bytes(
                path.with_name(path.name + suffix).read_bytes()
            )
    assert (folder / "w.hiringdesk-wal").stat().st_size > 0
    with read_only(folder), pytest.raises(WorkbookUnavailableError) as info:
        check_workbook(folder / "w.hiringdesk")
    assert "integrity" not in str(info.value) and "damaged" not in str(info.value)
    assert check_workbook(folder / "w.hiringdesk").ok  # where the log can be read, all is well


def test_an_interface_error_is_not_called_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sqlite3 error that is no DatabaseError says the file could not be read."""
    path = _new_workbook(tmp_path / "w.hiringdesk")

    def failing(_path: Path) -> object:
        raise sqlite3.InterfaceError("bad parameter or other API misuse")

    monkeypatch.setattr(integrity, "read_only", failing)
    with pytest.raises(WorkbookUnavailableError) as info:
        check_workbook(path)
    assert "could not be read (bad parameter" in str(info.value)
    assert "integrity" not in str(info.value)


def test_a_missing_table_or_column_is_reported(tmp_path: Path) -> None:
    path = _new_workbook(tmp_path / "parts.hiringdesk")
    _raw(path, "DROP TABLE candidate_tag", "ALTER TABLE role_skill DROP COLUMN level")
    report = check_workbook(path)
    assert not report.ok
    assert "the table candidate_tag is missing" in report.problems
    assert "the table role_skill lacks the column(s) level" in report.problems
