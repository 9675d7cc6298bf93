"""Backups taken, listed, thinned and restored; damaged and foreign files refused."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.services.workbook.backup_setup import (
    damage_table_page,
    member_names,
    workbook_with_members,
)

from hiring_desk import paths
from hiring_desk.services.team import team_members
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.backups import BackupError, BackupInfo
from hiring_desk.services.workbook.opening import open_workbook
from hiring_desk.store import Workbook, WorkbookLockedError, migrate

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "workbooks"
T0 = datetime(2026, 5, 4, 9, 30, 0)


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


def _members_in(path: Path) -> list[str]:
    with open_workbook(path) as workbook:
        return member_names(workbook)


def _fixture_copy(revision: str, destination: Path) -> Path:
    """A copy of the workbook fixture made at ``revision``, with its side files."""
    source = FIXTURES / f"{revision}.hiringdesk"
    for suffix in ("", "-wal", "-shm"):
        side = source.with_name(source.name + suffix)
        if side.exists():
            shutil.copy(side, destination.with_name(destination.name + suffix))
    return destination


def _age(path: Path, seconds: float) -> None:
    """Make a workbook (and its write-ahead log) look last written ``seconds`` ago."""
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            moment = datetime.now().timestamp() - seconds
            os.utime(file, (moment, moment))


# -- taking and listing ---------------------------------------------------------------


def test_backup_now_writes_a_checked_copy_into_the_workbooks_own_folder(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "Hiring.hiringdesk", ["Ada", "Grace"])
    with open_workbook(path) as workbook:
        info = backups.backup_now(workbook, "manual", T0)
        team_members.add_member(workbook, "Linus")  # after the backup: not in it
    folder = backups.backup_folder(path)
    assert folder.parent == paths.backup_dir()
    assert folder.name.startswith("Hiring-")
    assert info.path == folder / "Hiring.20260504-093000.manual.hiringdesk"
    assert (info.taken_at, info.reason, info.reason_label) == (T0, "manual", "by hand")
    assert info.size == info.path.stat().st_size > 0
    assert sorted(p.name for p in folder.iterdir()) == [info.path.name]  # no .partial left
    assert backups.list_backups(path) == [info]
    with Workbook.open(info.path) as copy:
        assert member_names(copy) == ["Ada", "Grace"]


def test_workbooks_with_the_same_name_keep_their_backups_apart(tmp_path: Path) -> None:
    first = workbook_with_members(tmp_path / "a" / "Team.hiringdesk", ["Ada"])
    second = workbook_with_members(tmp_path / "b" / "Team.hiringdesk", ["Grace"])
    for path in (first, second):
        with open_workbook(path) as workbook:
            backups.backup_now(workbook, "manual", T0)
    assert backups.backup_folder(first) != backups.backup_folder(second)
    assert _members_in(backups.list_backups(first)[0].path) == ["Ada"]
    assert _members_in(backups.list_backups(second)[0].path) == ["Grace"]


def test_list_is_newest_first_and_ignores_other_files(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    for minutes, reason in ((0, "auto"), (90, "on-close"), (45, "before-erasure")):
        backups.backup_file(path, reason, T0 + timedelta(minutes=minutes))
    folder = backups.backup_folder(path)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "w.20260504-120000.auto.hiringdesk.partial").write_bytes(b"half")
    (folder / "w.yesterday.auto.hiringdesk").write_bytes(b"odd name")
    listed = backups.list_backups(path)
    assert [b.reason for b in listed] == ["on-close", "before-erasure", "auto"]
    assert [b.reason_label for b in listed] == ["on close", "before an erasure", "automatic"]
    assert listed[0].taken_at == T0 + timedelta(minutes=90)


def test_two_backups_in_the_same_second_both_kept(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    one = backups.backup_file(path, "manual", T0)
    two = backups.backup_file(path, "manual", T0)
    assert one.path != two.path and one.path.exists() and two.path.exists()
    assert len(backups.list_backups(path)) == 2


def test_upgrade_backups_land_in_the_workbooks_folder_and_are_listed(tmp_path: Path) -> None:
    old = _fixture_copy("0003_sort_and_match", tmp_path / "old.hiringdesk")
    open_workbook(old).close()  # upgrades, after a backup
    listed = backups.list_backups(old)
    assert [b.reason for b in listed] == ["before-upgrade-0003_sort_and_match"]
    assert listed[0].reason_label == "before an upgrade"


# -- thinning ------------------------------------------------------------------------------


def test_each_backup_thins_the_older_ones(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    first = backups.backup_file(path, "auto", T0 - timedelta(days=400))
    folder = first.path.parent
    # Two years of hourly-ish backups, copied from the first one.
    for hours in range(0, 24 * 400, 7):
        stamp = T0 - timedelta(hours=hours, minutes=1)
        shutil.copy(first.path, folder / f"w.{stamp:%Y%m%d-%H%M%S}.auto.hiringdesk")
    before = len(backups.list_backups(path))
    newest = backups.backup_file(path, "manual", T0)
    kept = backups.list_backups(path)
    assert before > 1000
    assert 20 < len(kept) <= 1 + 10 + 14 + 8 + 12
    assert kept[0] == newest
    assert all(T0 - b.taken_at < timedelta(days=366) for b in kept)


def test_a_damaged_workbook_is_never_backed_up_and_thins_nothing(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", [f"Member {i:03}" for i in range(60)])
    good = backups.backup_file(path, "auto", T0 - timedelta(days=300))
    folder = good.path.parent
    for days in range(1, 40):  # old enough that a new backup would thin most of them
        stamp = T0 - timedelta(days=days)
        shutil.copy(good.path, folder / f"w.{stamp:%Y%m%d-%H%M%S}.auto.hiringdesk")
    before = _listing(folder)
    damage_table_page(path)
    damaged = path.read_bytes()

    with pytest.raises(BackupError) as info:
        backups.backup_file(path, "manual", T0)

    assert info.value.damaged
    assert "integrity check" in str(info.value) and "\n" not in str(info.value)
    assert _listing(folder) == before  # nothing added, nothing thinned
    assert path.read_bytes() == damaged


def test_backup_now_of_an_open_workbook_damaged_meanwhile(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", [f"Member {i:03}" for i in range(60)])
    with open_workbook(path) as workbook:
        backups.backup_now(workbook, "manual", T0)
        before = _listing(backups.backup_folder(path))
        damage_table_page(path)
        with pytest.raises(BackupError) as info:
            backups.backup_now(workbook, "before-erasure", T0 + timedelta(hours=1))
    assert info.value.damaged
    assert _listing(backups.backup_folder(path)) == before


def test_a_file_that_is_not_a_workbook_is_not_backed_up(tmp_path: Path) -> None:
    notes = tmp_path / "notes.hiringdesk"
    notes.write_text("hello", encoding="utf-8")
    with pytest.raises(BackupError, match=r"notes\.hiringdesk"):
        backups.backup_file(notes)
    assert not paths.backup_dir().exists()


def test_backup_to_a_named_file_never_overwrites(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    out = tmp_path / "copy.hiringdesk"
    info = backups.backup_file(path, out=out)
    assert info.path == out and _members_in(out) == ["Ada"]
    with pytest.raises(BackupError, match="already exists"):
        backups.backup_file(path, out=out)
    assert backups.list_backups(path) == []  # the backups folder is not involved


# -- automatic backups -----------------------------------------------------------------


def test_maybe_backup_only_when_changed_and_time_has_passed(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    with open_workbook(path) as workbook:
        start = datetime.now().replace(microsecond=0)
        first = backups.maybe_backup(workbook, start)
        assert first is not None and first.reason == "auto"  # no backup yet
        assert backups.maybe_backup(workbook, start + timedelta(minutes=5)) is None  # too soon
        _age(path, 3600)
        later = start + timedelta(minutes=31)
        assert backups.maybe_backup(workbook, later) is None  # nothing changed
        team_members.add_member(workbook, "Grace")
        assert backups.maybe_backup(workbook, start + timedelta(minutes=10)) is None  # too soon
        second = backups.maybe_backup(workbook, later)
        assert second is not None and second.taken_at == later
        assert _members_in_copy(second) == ["Ada", "Grace"]
        assert backups.maybe_backup(workbook, later + timedelta(minutes=2)) is None


def test_a_backup_dated_in_the_future_does_not_stop_automatic_backups(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    now = datetime.now().replace(microsecond=0)
    backups.backup_file(path, "auto", now + timedelta(days=200))  # the clock was wrong then
    with open_workbook(path) as workbook:
        team_members.add_member(workbook, "Grace")
        taken = backups.maybe_backup(workbook, now)
        assert taken is not None and taken.taken_at == now
        assert backups.maybe_backup(workbook, now + timedelta(minutes=5)) is None


def _members_in_copy(info: BackupInfo) -> list[str]:
    with Workbook.open(info.path) as copy:
        return member_names(copy)


def test_backup_on_close_when_changed_whatever_the_time(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    with open_workbook(path) as workbook:
        now = datetime.now().replace(microsecond=0)
        backups.backup_now(workbook, "auto", now)
        _age(path, 3600)
        assert backups.backup_on_close(workbook, now + timedelta(seconds=5)) is None
        team_members.add_member(workbook, "Grace")
        taken = backups.backup_on_close(workbook, now + timedelta(seconds=10))
    assert taken is not None and taken.reason == "on-close"
    assert _members_in_copy(taken) == ["Ada", "Grace"]


# -- restoring ------------------------------------------------------------------------------


def test_restore_keeps_the_current_file_as_a_backup_first(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    old = backups.backup_file(path, "manual", T0)
    with open_workbook(path) as workbook:
        team_members.add_member(workbook, "Grace")

    result = backups.restore_backup(path, old.path, T0 + timedelta(hours=2))

    assert result.workbook == path and result.restored_from == old.path
    assert not result.previous_was_damaged
    assert result.kept_aside is not None
    assert result.kept_aside.name == "w.20260504-113000.before-restore.hiringdesk"
    assert _members_in(result.kept_aside) == ["Ada", "Grace"]
    assert _members_in(path) == ["Ada"]
    assert old.path.exists()  # the backup itself stays
    assert sorted(p.name for p in tmp_path.iterdir()) == [".w.hiringdesk.lock", "w.hiringdesk"]


def test_restore_refuses_while_the_workbook_is_open(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    old = backups.backup_file(path, "manual", T0)
    with open_workbook(path), pytest.raises(WorkbookLockedError):
        backups.restore_backup(path, old.path)
    assert [b.reason for b in backups.list_backups(path)] == ["manual"]


def _foreign_sqlite(path: Path) -> Path:
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE recipe (name TEXT)")
    conn.commit()
    conn.close()
    return path


def _text_file(path: Path) -> Path:
    path.write_text("Name,Email\n", encoding="utf-8")
    return path


def _damaged_backup(path: Path) -> Path:
    workbook_with_members(path, [f"Member {i:03}" for i in range(60)])
    damage_table_page(path)
    return path


def _newer_backup(path: Path) -> Path:
    workbook_with_members(path, ["From the future"])
    conn = sqlite3.connect(str(path))
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    return path


REFUSED = {
    "foreign-sqlite": (_foreign_sqlite, "not a Hiring Desk workbook"),
    "text": (_text_file, "not an SQLite database"),
    "damaged": (_damaged_backup, "damaged"),
    "newer": (_newer_backup, "newer version"),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_restore_refuses_a_file_that_fails_its_checks(tmp_path: Path, kind: str) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    make, says = REFUSED[kind]
    bad = make(tmp_path / "offered.hiringdesk")
    before, offered = path.read_bytes(), bad.read_bytes()

    with pytest.raises(BackupError) as info:
        backups.restore_backup(path, bad)

    assert says in str(info.value) and "offered.hiringdesk" in str(info.value)
    assert path.read_bytes() == before and bad.read_bytes() == offered
    assert backups.list_backups(path) == []  # not even a before-restore copy
    assert not any(p.name.endswith(".restoring") for p in tmp_path.iterdir())
    assert _members_in(path) == ["Ada"]


def test_restore_over_a_damaged_workbook_keeps_it_aside_untouched(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", [f"Member {i:03}" for i in range(60)])
    good = backups.backup_file(path, "auto", T0)
    damage_table_page(path)
    damaged = path.read_bytes()

    result = backups.restore_backup(path, good.path, T0 + timedelta(days=1))

    assert result.previous_was_damaged
    assert result.kept_aside == tmp_path / "w.damaged-20260505-093000.hiringdesk"
    assert result.kept_aside.read_bytes() == damaged
    assert [b.reason for b in backups.list_backups(path)] == ["auto"]  # damaged: not backed up
    assert len(_members_in(path)) == 60


def test_newest_good_backup_skips_damaged_ones(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", [f"Member {i:03}" for i in range(60)])
    assert backups.newest_good_backup(path) is None
    good = backups.backup_file(path, "auto", T0)
    newer = backups.backup_file(path, "auto", T0 + timedelta(hours=1))
    damage_table_page(newer.path)
    assert backups.newest_good_backup(path) == good


def test_an_older_revision_restores_and_upgrades_on_open(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    old = _fixture_copy("0003_sort_and_match", tmp_path / "old copy.hiringdesk")

    backups.restore_backup(path, old)

    with open_workbook(path) as workbook, workbook.transaction() as session:
        revision = session.connection().exec_driver_sql("SELECT version_num FROM alembic_version")
        assert revision.one()[0] == migrate.SCHEMA_HEAD
        assert member_names(workbook)  # the fixture's team came back
    reasons = [b.reason for b in backups.list_backups(path)]
    assert "before-restore" in reasons and "before-upgrade-0003_sort_and_match" in reasons


def test_restore_to_a_path_with_no_file_creates_it(tmp_path: Path) -> None:
    source = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    saved = backups.backup_file(source, out=tmp_path / "saved.hiringdesk")
    target = tmp_path / "new place.hiringdesk"
    result = backups.restore_backup(target, saved.path)
    assert result.kept_aside is None
    assert _members_in(target) == ["Ada"]


def test_restore_never_replays_a_stale_write_ahead_log(tmp_path: Path) -> None:
    source = workbook_with_members(tmp_path / "source.hiringdesk", ["Ada"])
    saved = backups.backup_file(source, out=tmp_path / "saved.hiringdesk")
    path = workbook_with_members(tmp_path / "w.hiringdesk", [f"Member {i:03}" for i in range(30)])
    wal = path.with_name(path.name + "-wal")
    with open_workbook(path) as workbook:
        team_members.add_member(workbook, "Grace")
        log = wal.read_bytes()  # a real log, full of this workbook's pages
    assert log
    path.unlink()  # the file went; its log stayed behind
    wal.write_bytes(log)

    backups.restore_backup(path, saved.path)

    assert not wal.exists()
    assert _members_in(path) == ["Ada"]
