"""A backup that cannot be written is a failed backup, never a damaged workbook (#14.3).

The workbook is healthy in every test here: a full disk, a read-only folder or an
input/output error is reported as what it is, the workbook is left as it was, and
the next automatic backup tries again.
"""

from __future__ import annotations

import errno
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.services.workbook.backup_setup import (
    failing_disk,
    member_names,
    read_only,
    workbook_with_members,
)

from hiring_desk.services.team import team_members
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.backups import BackupWriteError
from hiring_desk.services.workbook.opening import open_workbook
from hiring_desk.store.integrity import check_workbook

T0 = datetime(2026, 5, 4, 9, 30, 0)

DISK_ERRORS = {
    "full": (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    "read-only disk": (OSError(errno.EROFS, "Read-only file system"), "read-only"),
    "not allowed": (PermissionError(errno.EACCES, "Permission denied"), "read-only"),
    "io": (OSError(errno.EIO, "Input/output error"), "an input/output error on the disk"),
    "sqlite io": (sqlite3.OperationalError("disk I/O error"), "an input/output error"),
    "sqlite full": (sqlite3.OperationalError("database or disk is full"), "the disk is full"),
}


@pytest.mark.parametrize("kind", sorted(DISK_ERRORS))
def test_a_backup_the_disk_refuses_says_why_and_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    error, words = DISK_ERRORS[kind]
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    before = path.read_bytes()
    failing_disk(monkeypatch, error)

    with pytest.raises(BackupWriteError) as info:
        backups.backup_file(path, backups.AUTOMATIC, T0)

    message = str(info.value)
    assert not info.value.damaged
    assert words in info.value.reason and words in message
    assert "integrity" not in message and "damaged" not in message
    assert "could not be backed up" in message and "\n" not in message
    assert path.read_bytes() == before
    assert backups.list_backups(path) == []
    assert not list(backups.backup_folder(path).glob("*.partial*"))


def test_a_read_only_backups_folder_is_a_failed_backup(tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    folder = backups.backup_folder(path)
    folder.mkdir(parents=True)
    before = path.read_bytes()

    with read_only(folder), pytest.raises(BackupWriteError) as info:
        backups.backup_file(path, backups.MANUAL, T0)

    assert not info.value.damaged
    assert "read-only" in info.value.reason
    assert "integrity" not in str(info.value)
    assert list(folder.iterdir()) == []
    assert path.read_bytes() == before
    assert check_workbook(path).ok


def test_a_backup_from_a_read_only_folder_works(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    path = workbook_with_members(folder / "w.hiringdesk", ["Ada", "Grace"])
    before = sorted(p.name for p in folder.iterdir())

    with read_only(folder):
        info = backups.backup_file(path, backups.MANUAL, T0)
        assert check_workbook(path).ok

    assert sorted(p.name for p in folder.iterdir()) == before
    with open_workbook(info.path) as copy:
        assert member_names(copy) == ["Ada", "Grace"]


def test_the_next_automatic_backup_tries_again_after_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    with open_workbook(path) as workbook:
        backups.backup_now(workbook, backups.AUTOMATIC, T0)
        team_members.add_member(workbook, "Grace")  # changed since that backup
        later = datetime.now() + timedelta(hours=1)
        with monkeypatch.context() as mp:
            failing_disk(mp, sqlite3.OperationalError("disk I/O error"))
            with pytest.raises(BackupWriteError):
                backups.maybe_backup(workbook, later, min_interval=timedelta(minutes=30))
        # Nothing was recorded as backed up: the workbook still counts as changed.
        taken = backups.maybe_backup(
            workbook, later + timedelta(minutes=5), min_interval=timedelta(minutes=30)
        )
    assert taken is not None and taken.reason == backups.AUTOMATIC
    with open_workbook(taken.path) as copy:
        assert member_names(copy) == ["Ada", "Grace"]


def test_real_damage_is_still_called_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    error = sqlite3.DatabaseError("database disk image is malformed")
    failing_disk(monkeypatch, error)
    with pytest.raises(backups.BackupError) as info:
        backups.backup_file(path, backups.MANUAL, T0)
    assert info.value.damaged and not isinstance(info.value, BackupWriteError)
    assert "integrity check" in str(info.value)
