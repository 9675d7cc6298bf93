"""Backups of a workbook: taken, listed, thinned and restored.

Each workbook's backups live in their own sub-folder of the backups folder
(``store.backup.workbook_backup_folder``). A backup is a consistent copy taken
through SQLite's backup API and checked before it gets its name, so a damaged
workbook is never backed up, and since thinning runs only after a good backup
was written, it never thins good backups away either. Which backups are kept
as they age is ``store.backup_policy``'s rule.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from hiring_desk import WORKBOOK_SUFFIX, clock, paths, safe_output
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ServiceError, ValidationError
from hiring_desk.store import Workbook, WorkbookDamagedError, real_path, same_file
from hiring_desk.store.backup import (
    SIDE_FILE_SUFFIXES,
    CopyCheckError,
    CopyWriteError,
    check_workbook_copy,
    copy_workbook,
    free_backup_path,
    move_aside,
    parse_backup_name,
    put_in_place,
    workbook_backup_folder,
)
from hiring_desk.store.backup_policy import DEFAULT_RETENTION, Retention, thinning
from hiring_desk.store.errors import NotAWorkbookError, one_line, os_error_reason
from hiring_desk.store.fileformat import check_is_workbook
from hiring_desk.store.lock import WorkbookLock
from hiring_desk.store.models import WorkbookSetting

__all__ = [
    "AUTOMATIC",
    "AUTO_INTERVAL",
    "BEFORE_ERASURE",
    "BEFORE_RESTORE",
    "MANUAL",
    "ON_CLOSE",
    "BackupError",
    "BackupInfo",
    "BackupWriteError",
    "RestoreResult",
    "WorkbookDamagedError",
    "backup_file",
    "backup_folder",
    "backup_now",
    "backup_on_close",
    "get_auto_interval",
    "list_backups",
    "maybe_backup",
    "newest_good_backup",
    "restore_backup",
    "set_auto_interval",
    "thin_backups",
]

_log = logging.getLogger(__name__)

AUTOMATIC = "auto"
ON_CLOSE = "on-close"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
BEFORE_ERASURE = "before-erasure"

#: At least this long between two automatic backups, unless the workbook says otherwise.
AUTO_INTERVAL = timedelta(minutes=30)
#: The workbook setting holding the minutes between automatic backups (Preferences).
INTERVAL_SETTING = "backup_interval_minutes"
#: The intervals people can choose, in minutes.
INTERVAL_CHOICES = (15, 30, 60, 120, 240)

_REASON_LABELS = {
    AUTOMATIC: "automatic",
    ON_CLOSE: "on close",
    MANUAL: "by hand",
    BEFORE_RESTORE: "before a restore",
    BEFORE_ERASURE: "before an erasure",
}


class BackupError(ServiceError):
    """A backup or restore could not be done; nothing was lost.

    ``damaged`` is true only when the workbook itself failed its integrity check.
    """

    def __init__(self, message: str, *, damaged: bool = False) -> None:
        super().__init__(message)
        self.damaged = damaged


class BackupWriteError(BackupError):
    """The backup could not be written (a full, read-only or failing disk). The workbook
    is not damaged and was not changed; ``reason`` says what went wrong, in words."""

    def __init__(self, workbook: Path, reason: str) -> None:
        super().__init__(
            f"{workbook.name} could not be backed up: {reason}; "
            "the workbook itself is fine and was not changed"
        )
        self.reason = reason


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local wall-clock time, as in the file name
    size: int  # bytes
    reason: str

    @property
    def reason_label(self) -> str:
        """The reason in words: "automatic", "before an upgrade", ..."""
        if self.reason.startswith("before-upgrade"):
            return "before an upgrade"
        return _REASON_LABELS.get(self.reason, self.reason.replace("-", " "))


@dataclass(frozen=True)
class RestoreResult:
    workbook: Path
    restored_from: Path
    #: Where the previous file is kept: a "before-restore" backup, or the
    #: damaged file renamed beside the workbook. None if there was no file.
    kept_aside: Path | None
    previous_was_damaged: bool


def _refuse_out(destination: Path, workbook: Path) -> None:
    """A backup written elsewhere goes to a new, safe file name: it replaces nothing."""
    if destination.exists() or destination.is_symlink():
        raise BackupError(f"{destination.name}: a file with this name already exists")
    try:
        safe_output.refuse_unsafe_target(destination, workbooks=[workbook])
    except safe_output.UnsafeOutputError as exc:
        raise BackupError(str(exc)) from None


def _absolute(path: Path) -> Path:
    return Path(path).expanduser().absolute()


def backup_folder(workbook_path: Path) -> Path:
    """The folder holding this workbook's backups (it may not exist yet)."""
    return workbook_backup_folder(paths.backup_dir(), _absolute(workbook_path))


def list_backups(workbook_path: Path) -> list[BackupInfo]:
    """This workbook's backups, newest first."""
    folder = backup_folder(workbook_path)
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for entry in folder.iterdir():
        name = parse_backup_name(entry, WORKBOOK_SUFFIX)
        if name is None:
            continue
        try:
            size = entry.stat().st_size
        except OSError:
            continue  # removed meanwhile
        found.append(BackupInfo(entry, name.taken_at, size, name.reason))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


# -- taking backups -----------------------------------------------------------------------


def backup_now(workbook: Workbook, reason: str = MANUAL, now: datetime | None = None) -> BackupInfo:
    """Back up the open workbook now, then thin its older backups.

    Raises ``BackupWriteError`` when the backup could not be written (the
    workbook is fine), or ``BackupError`` with ``damaged`` set when the workbook
    failed its check; the existing backups are then left exactly as they were.
    """
    return backup_file(workbook.path, reason, now)


def backup_file(
    path: Path, reason: str = MANUAL, now: datetime | None = None, *, out: Path | None = None
) -> BackupInfo:
    """Back up a workbook file, open or not, into its backups folder (or to ``out``).

    A file written to ``out`` is never one that exists already, and thinning
    only ever touches the backups folder.
    """
    path = _absolute(path)
    now = now or clock.local_now()
    try:
        check_is_workbook(path)
    except NotAWorkbookError as exc:
        raise BackupError(str(exc)) from None
    destination = _absolute(out) if out is not None else None
    if destination is not None:
        _refuse_out(destination, path)
    if destination is None:
        destination = free_backup_path(backup_folder(path), path, reason, now)
    try:
        copy_workbook(path, destination)
        size = destination.stat().st_size
    except CopyCheckError as exc:
        raise BackupError(
            f"{path.name} failed its integrity check and was not backed up; "
            f"the existing backups were kept ({one_line(str(exc))})",
            damaged=True,
        ) from None
    except CopyWriteError as exc:
        raise BackupWriteError(path, exc.reason) from None
    except OSError as exc:
        raise BackupWriteError(path, os_error_reason(exc)) from None
    info = BackupInfo(destination, now.replace(microsecond=0), size, reason)
    if out is None:
        thin_backups(path, now)
    return info


def get_auto_interval(workbook: Workbook) -> timedelta:
    """How long at least between two automatic backups of this workbook."""
    try:
        with workbook.transaction() as session:
            setting = session.get(WorkbookSetting, INTERVAL_SETTING)
            value = setting.value if setting is not None else ""
    except SQLAlchemyError:  # a damaged file: the backup itself will say so
        return AUTO_INTERVAL
    minutes = int(value) if value.isdigit() else 0
    return timedelta(minutes=minutes) if minutes in INTERVAL_CHOICES else AUTO_INTERVAL


def set_auto_interval(workbook: Workbook, minutes: int) -> None:
    """Back this workbook up automatically at most every ``minutes`` (one of INTERVAL_CHOICES)."""
    if minutes not in INTERVAL_CHOICES:
        choices = ", ".join(str(m) for m in INTERVAL_CHOICES)
        raise ValidationError({"backup_interval": f"must be one of {choices} minutes"})
    with workbook.transaction() as session:
        setting = session.get(WorkbookSetting, INTERVAL_SETTING)
        setting = setting or WorkbookSetting(key=INTERVAL_SETTING)
        setting.value = str(minutes)
        session.add(setting)
        audit.record(session, "edit", "workbook_setting", None, {"key": INTERVAL_SETTING})


def maybe_backup(
    workbook: Workbook,
    now: datetime | None = None,
    *,
    min_interval: timedelta | None = None,
    reason: str = AUTOMATIC,
) -> BackupInfo | None:
    """Back up if the workbook changed since its newest backup and ``min_interval`` passed.

    ``min_interval`` defaults to the workbook's own setting (``get_auto_interval``).

    "Changed" compares the workbook file's and its write-ahead log's times with
    the newest backup's; it errs towards one backup too many (after SQLite
    folds the log into the file), never one too few.
    """
    if not workbook.is_file:  # a team workbook: backed up by its administrator's pg_dump
        return None
    now = now or clock.local_now()
    if min_interval is None:
        min_interval = get_auto_interval(workbook)
    # Backups dated after ``now`` (the clock was wrong then, or is now) are no guide.
    newest = next((b for b in list_backups(workbook.path) if b.taken_at <= now), None)
    if newest is not None:
        if now - newest.taken_at < min_interval:
            return None
        if not _changed_since(workbook.path, newest.taken_at):
            return None
    return backup_now(workbook, reason, now)


def backup_on_close(workbook: Workbook, now: datetime | None = None) -> BackupInfo | None:
    """The backup taken as a workbook is closed, when it changed since the last one."""
    return maybe_backup(workbook, now, min_interval=timedelta(0), reason=ON_CLOSE)


def _changed_since(path: Path, moment: datetime) -> bool:
    since = moment.timestamp()
    try:
        if path.stat().st_mtime >= since:
            return True
        wal = path.with_name(path.name + "-wal").stat()
    except FileNotFoundError:
        return False  # no write-ahead log: nothing written since it was last folded in
    return wal.st_size > 0 and wal.st_mtime >= since


def thin_backups(
    workbook_path: Path, now: datetime | None = None, retention: Retention = DEFAULT_RETENTION
) -> list[Path]:
    """Delete the backups the retention rule lets go; returns what was deleted."""
    gone = thinning(
        list_backups(workbook_path), lambda b: b.taken_at, now or clock.local_now(), retention
    ).remove
    removed: list[Path] = []
    for backup in gone:
        try:
            backup.path.unlink()
        except OSError as exc:
            _log.warning("Could not remove old backup %s: %s", backup.path, exc)
            continue
        removed.append(backup.path)
    return removed


# -- restoring ------------------------------------------------------------------------------


def newest_good_backup(workbook_path: Path) -> BackupInfo | None:
    """The newest of this workbook's backups that passes the checks, if any."""
    for backup in list_backups(workbook_path):
        if check_workbook_copy(backup.path).ok:
            return backup
        _log.warning("Backup %s failed its check; skipped", backup.path)
    return None


def restore_backup(path: Path, backup: Path, now: datetime | None = None) -> RestoreResult:
    """Replace the closed workbook at ``path`` with the backup ``backup``.

    The backup is copied and the copy checked (application id, a schema this
    version knows, integrity and foreign keys, with ``trusted_schema`` off)
    before anything else happens. Then the current file is kept: backed up
    with the reason "before-restore", or, when it is damaged, renamed beside
    the workbook to ``NAME.damaged-STAMP.hiringdesk`` without being written
    to. Only then is the checked copy renamed into place.

    When ``path`` is a symbolic link, the file it leads to is the one replaced
    (and locked); the link stays as it was.

    The workbook must not be open (``WorkbookLockedError`` otherwise); a
    backup that fails its checks raises ``BackupError`` and changes nothing.
    """
    path, backup = _absolute(path), _absolute(backup)
    real = real_path(path)
    now = now or clock.local_now()
    if same_file(backup, real):
        raise BackupError(f"{path.name}: a workbook cannot be restored from itself")
    lock = WorkbookLock(path)
    lock.acquire()
    staged = real.with_name(f".{real.name}.restoring")
    try:
        _stage_checked_copy(backup, staged)
        kept, damaged = _keep_current(path, real, now)
        try:
            put_in_place(staged, real)
        except OSError as exc:
            raise BackupError(
                f"{path.name} could not be replaced ({os_error_reason(exc)}); "
                f"the previous file is kept as {kept.name if kept else path.name}"
            ) from None
    finally:
        for leftover in (staged, *(staged.with_name(staged.name + s) for s in SIDE_FILE_SUFFIXES)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        lock.release()
    _log.info("Restored %s from %s; previous file kept as %s", path, backup, kept)
    return RestoreResult(path, backup, kept, damaged)


def _stage_checked_copy(backup: Path, staged: Path) -> None:
    try:
        check_is_workbook(backup)
    except NotAWorkbookError as exc:
        raise BackupError(f"{backup.name} cannot be restored: {exc.reason}") from None
    try:
        copy_workbook(backup, staged, replace=True)
    except CopyCheckError as exc:
        raise BackupError(
            f"{backup.name} cannot be restored: it is damaged ({one_line(str(exc))})"
        ) from None
    except CopyWriteError as exc:
        raise BackupError(f"{backup.name} could not be copied: {exc.reason}") from None
    check = check_workbook_copy(staged, full=True)
    if not check.ok:
        raise BackupError(f"{backup.name} cannot be restored: {check.problems[0]}")


def _keep_current(path: Path, real: Path, now: datetime) -> tuple[Path | None, bool]:
    """Keep the file about to be replaced; returns where, and whether it was damaged.

    Its backup goes to the backups folder of ``path``, the name it is known by;
    a damaged file is renamed where it really is (``real``).
    """
    if not real.exists():
        return None, False
    try:
        check_is_workbook(real)
    except NotAWorkbookError as exc:
        raise BackupError(
            f"{path.name} is not a workbook ({exc.reason}); nothing was restored over it"
        ) from None
    if not check_workbook_copy(real).damaged:
        try:
            return backup_file(path, BEFORE_RESTORE, now).path, False
        except BackupError as exc:
            if not exc.damaged:
                raise
    try:
        return move_aside(real, "damaged", now), True
    except OSError as exc:
        raise BackupError(
            f"{path.name} is damaged and could not be moved aside ({os_error_reason(exc)}); "
            "nothing was restored"
        ) from None
