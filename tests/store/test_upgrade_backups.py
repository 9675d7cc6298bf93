"""Older workbooks: backed up, then upgraded or left unchanged; copying workbooks."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import select
from tests.store import migration_setup as setup

import hiring_desk.store.models  # noqa: F401  (registers every table)
from hiring_desk import paths
from hiring_desk.store import (
    MigrationError,
    Workbook,
    fileformat,
    migrate,
)
from hiring_desk.store.backup import backup_name, copy_workbook
from hiring_desk.store.integrity import check_workbook
from hiring_desk.store.models import Role, TeamMember

#: Only a workbook file has these (file backups before an upgrade (a server: pg_dump)).
pytestmark = pytest.mark.sqlite_only

NEXT = "0002_x"


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
                "backup_revisions": [setup.raw_revision(b) for b in backups],
                "backup_members": [setup.raw_members(b) for b in backups],
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
    path = setup.new_workbook(tmp_path / "old.hiringdesk", ["Ada", "Grace"])
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
    assert setup.raw_revision(backup) == migrate.SCHEMA_HEAD
    assert "added_by_0002" not in setup.raw_tables(backup)

    assert setup.raw_revision(path) == NEXT
    assert "added_by_0002" in setup.raw_tables(path)


def test_the_backup_goes_to_the_app_backup_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    path = setup.new_workbook(tmp_path / "old.hiringdesk", ["Ada"])
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
    path = setup.new_workbook(tmp_path / "old.hiringdesk", ["Ada"])
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
        setup.assert_unlocked(path)

    assert path.read_bytes() == before
    assert setup.sidecars(path) == []
    assert len(list(backups.glob("*.hiringdesk"))) == 1  # the backup is kept

    # With the real app again, the workbook opens as it was.
    with Workbook.open(path, backup_dir=backups) as workbook, workbook.transaction() as s:
        assert [m.name for m in s.exec(select(TeamMember))] == ["Ada"]
    assert setup.raw_revision(path) == migrate.SCHEMA_HEAD
    assert "added_by_0002" not in setup.raw_tables(path)


def test_no_upgrade_without_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = setup.new_workbook(tmp_path / "old.hiringdesk", ["Ada"])
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
    setup.assert_unlocked(path)


# -- copies -------------------------------------------------------------------------------------


def test_copy_workbook_makes_a_valid_copy_with_the_same_data(tmp_path: Path) -> None:
    source = setup.new_workbook(tmp_path / "source.hiringdesk", ["Ada", "Grace"])
    destination = tmp_path / "copies" / "copy.hiringdesk"

    assert copy_workbook(source, destination) == destination

    assert sorted(p.name for p in destination.parent.iterdir()) == ["copy.hiringdesk"]
    assert fileformat.read_application_id(destination) == fileformat.APPLICATION_ID
    conn = sqlite3.connect(str(destination))
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    assert setup.raw_members(destination) == ["Ada", "Grace"]
    assert setup.raw_revision(destination) == migrate.SCHEMA_HEAD
    assert check_workbook(destination).ok
    with Workbook.open(destination) as copy, copy.transaction() as session:
        assert sorted(m.name for m in session.exec(select(TeamMember))) == ["Ada", "Grace"]


def test_copy_workbook_includes_committed_data_of_an_open_workbook(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add(TeamMember(name="Ada"))
        session.add(Role(title="Engineer"))
    destination = workbook.path.with_name("live-copy.hiringdesk")

    copy_workbook(workbook.path, destination)

    assert setup.raw_members(destination) == ["Ada"]
    # The source is still fine and still in use.
    with workbook.transaction() as session:
        session.add(TeamMember(name="Grace"))
    assert setup.raw_members(destination) == ["Ada"]


def test_copy_workbook_refuses_an_existing_destination(tmp_path: Path) -> None:
    source = setup.new_workbook(tmp_path / "source.hiringdesk", ["Ada"])
    destination = tmp_path / "taken.hiringdesk"
    destination.write_bytes(b"precious")

    with pytest.raises(FileExistsError):
        copy_workbook(source, destination)

    assert destination.read_bytes() == b"precious"
    assert not destination.with_name(destination.name + ".partial").exists()


def test_copy_workbook_replaces_a_stale_partial_file(tmp_path: Path) -> None:
    source = setup.new_workbook(tmp_path / "source.hiringdesk", ["Ada"])
    destination = tmp_path / "copy.hiringdesk"
    partial = destination.with_name(destination.name + ".partial")
    partial.write_bytes(b"left over from a crash")

    copy_workbook(source, destination)

    assert not partial.exists()
    assert setup.raw_members(destination) == ["Ada"]


def test_backup_name_says_when_and_why() -> None:
    name = backup_name(
        Path("/x/Team plans.hiringdesk"),
        "before-upgrade-0001_initial",
        datetime(2026, 3, 4, 5, 6, 7),
    )
    assert name == "Team plans.20260304-050607.before-upgrade-0001_initial.hiringdesk"
