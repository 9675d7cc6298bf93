"""Consistent copies of a workbook, their names and folders, and checking a copy.

Copies go through SQLite's online backup API (never a byte copy of a live file,
which could catch a transaction half-written) into a temporary file that is
checked, flushed to disk and only then renamed into place.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from hiring_desk import clock
from hiring_desk.safe_output import sync_file, sync_folder
from hiring_desk.store.engine import connect_raw, read_only
from hiring_desk.store.errors import (
    NotAWorkbookError,
    database_failure,
    is_damage,
    one_line,
    os_error_reason,
)
from hiring_desk.store.fileformat import check_is_workbook
from hiring_desk.store.integrity import quick_check
from hiring_desk.store.migrate import KNOWN_REVISIONS, read_revision
from hiring_desk.workbook_files import SIDE_FILE_SUFFIXES, side_files_of

_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME_PATTERN = re.compile(
    r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6})(?:-(?P<serial>\d+))?\.(?P<reason>[A-Za-z0-9_-]+)$"
)


class CopyCheckError(sqlite3.DatabaseError):
    """The copy of a workbook failed its integrity check (the source is damaged)."""


class CopyWriteError(Exception):
    """The copy could not be written (or its source read): a full, read-only or failing
    disk, not damage. ``reason`` says which, in words."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def _copy_failure(error: OSError | sqlite3.Error) -> Exception:
    """Damage found while copying as ``CopyCheckError``; anything else as ``CopyWriteError``."""
    if isinstance(error, OSError):
        return CopyWriteError(os_error_reason(error))
    if is_damage(error):
        return CopyCheckError(f"the workbook is damaged ({one_line(str(error))})")
    failure = database_failure(error)
    return CopyWriteError(failure.reason if failure else one_line(str(error)))


def copy_workbook(
    source: Path, destination: Path, *, replace: bool = False, journal_mode: str = "DELETE"
) -> Path:
    """Write a consistent copy of ``source`` to ``destination``.

    The copy is written to a temporary file beside the destination, checked,
    flushed to disk and only then renamed into place, so a failure never leaves
    a half-written file under the destination's name (nor the temporary file).
    An existing destination is refused unless ``replace`` is true. The source is
    only ever read. A damaged source (the copy fails its check, or SQLite finds
    damage while reading) raises ``CopyCheckError``; a copy that cannot be
    written or read for any other reason raises ``CopyWriteError``.
    """
    destination = Path(destination)
    if destination.exists() and not replace:
        raise FileExistsError(destination)
    partial = destination.with_name(destination.name + ".partial")
    try:
        _make_folder(destination.parent)
        partial.unlink(missing_ok=True)
        partial.open("xb").close()  # a full or read-only disk says so here, with its errno
        _write_checked_copy(source, partial, journal_mode)
        sync_file(partial)
        partial.replace(destination)
    except BaseException as exc:
        _remove_with_side_files(partial)
        if isinstance(exc, OSError | sqlite3.Error) and not isinstance(exc, CopyCheckError):
            raise _copy_failure(exc) from exc
        raise
    sync_folder(destination.parent)
    return destination


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the folder should be
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)) from None


def _write_checked_copy(source: Path, partial: Path, journal_mode: str) -> None:
    with read_only(source) as src:
        dst = connect_raw(partial)
        try:
            src.backup(dst)
            dst.execute(f"PRAGMA journal_mode = {journal_mode}")
            problems = quick_check(dst)
            if problems:
                raise CopyCheckError(f"the copy failed its check: {problems[0]}")
        finally:
            dst.close()


def _with_side_files(path: Path) -> tuple[Path, ...]:
    return (path, *side_files_of(path))


def _remove_with_side_files(path: Path) -> None:
    for candidate in _with_side_files(path):
        with contextlib.suppress(OSError):
            candidate.unlink(missing_ok=True)


# -- names and folders ----------------------------------------------------------------


def backup_name(workbook: Path, reason: str, now: datetime | None = None, serial: int = 1) -> str:
    """``STEM.YYYYMMDD-HHMMSS.REASON.hiringdesk`` (``-N`` after the time when N > 1)."""
    stamp = (now or clock.local_now()).strftime(_STAMP_FORMAT)
    if serial > 1:
        stamp = f"{stamp}-{serial}"
    return f"{workbook.stem}.{stamp}.{reason}{workbook.suffix}"


@dataclass(frozen=True)
class BackupName:
    """What a backup's file name says: when it was taken and why."""

    taken_at: datetime
    reason: str
    serial: int


def parse_backup_name(path: Path, suffix: str) -> BackupName | None:
    """The date and reason in a backup's name; None for any other file."""
    if not path.name.endswith(suffix) or path.name.endswith(".partial"):
        return None
    match = _NAME_PATTERN.match(path.name[: -len(suffix)])
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], _STAMP_FORMAT)
    except ValueError:
        return None
    return BackupName(taken_at, match["reason"], int(match["serial"] or 1))


def free_backup_path(folder: Path, workbook: Path, reason: str, now: datetime) -> Path:
    """A name in ``folder`` for a new backup that no file has yet."""
    serial = 1
    while True:
        candidate = folder / backup_name(workbook, reason, now, serial)
        if not candidate.exists() and not candidate.with_name(candidate.name + ".partial").exists():
            return candidate
        serial += 1


def workbook_backup_folder(backups_root: Path, workbook: Path) -> Path:
    """The sub-folder of ``backups_root`` for one workbook.

    Named after the workbook and a short hash of its absolute path, so two
    workbooks called the same in different folders never share backups.
    """
    absolute = os.path.normcase(str(Path(workbook).expanduser().absolute()))
    digest = hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    stem = Path(workbook).stem.strip(" .")[:40].strip(" .") or "workbook"
    return backups_root / f"{stem}-{digest}"


# -- checking a copy ----------------------------------------------------------------------


@dataclass
class FileCheck:
    """What checking a workbook file (a backup, a copy to restore) found."""

    problems: list[str] = field(default_factory=list)
    revision: str | None = None
    #: True when the problem is damage (the integrity check failed or SQLite
    #: could not read it), not merely a schema this version cannot use.
    damaged: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def check_workbook_copy(path: Path, *, full: bool = False) -> FileCheck:
    """Check a closed workbook file read-only before it is trusted.

    The application id (from the header, without SQLite), then with
    ``trusted_schema`` off: quick_check (integrity_check and foreign keys when
    ``full``) and a schema revision this version knows. Older revisions pass:
    opening upgrades them.
    """
    result = FileCheck()
    try:
        check_is_workbook(path)
    except NotAWorkbookError as exc:
        result.problems.append(exc.reason)
        return result
    try:
        with read_only(path) as conn:
            conn.execute("PRAGMA query_only = ON")
            _check_open_copy(conn, result, full)
    except sqlite3.DatabaseError as exc:
        result.damaged = is_damage(exc)
        state = "is damaged" if result.damaged else "cannot be read"
        result.problems.append(f"the file {state} ({one_line(str(exc))})")
    return result


def _check_open_copy(conn: sqlite3.Connection, result: FileCheck, full: bool) -> None:
    if full:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        problems = [] if rows == [("ok",)] else [str(r[0]) for r in rows]
    else:
        problems = quick_check(conn)
    if problems:
        result.problems.append(f"the file is damaged ({problems[0]})")
        result.damaged = True
        return
    if full and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        result.problems.append("the file has broken references between its records")
    result.revision = read_revision(conn)
    if result.revision is None:
        result.problems.append("the file has no schema; it was never fully created")
    elif result.revision not in KNOWN_REVISIONS:
        result.problems.append(f"made by a newer version of Hiring Desk (schema {result.revision})")


# -- replacing a closed workbook --------------------------------------------------------------


def move_aside(path: Path, label: str, now: datetime) -> Path:
    """Rename a closed workbook (and its side files) to ``STEM.LABEL-STAMP.SUFFIX``.

    Nothing is written to the file; its write-ahead log moves with it, so the
    two stay a consistent pair.
    """
    stamp = now.strftime(_STAMP_FORMAT)
    serial = 1
    while True:
        extra = f"-{serial}" if serial > 1 else ""
        aside = path.with_name(f"{path.stem}.{label}-{stamp}{extra}{path.suffix}")
        if not any(p.exists() for p in _with_side_files(aside)):
            break
        serial += 1
    for suffix in SIDE_FILE_SUFFIXES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(aside.with_name(aside.name + suffix))
    path.replace(aside)
    sync_folder(path.parent)
    return aside


def put_in_place(checked_copy: Path, path: Path) -> None:
    """Rename a checked, flushed copy over the closed workbook at ``path``.

    The old file's write-ahead log and shared-memory index are removed first:
    left beside the new file, SQLite would replay the old log into it.
    """
    sync_file(checked_copy)
    for side in side_files_of(path):
        side.unlink(missing_ok=True)
    checked_copy.replace(path)
    sync_folder(path.parent)
