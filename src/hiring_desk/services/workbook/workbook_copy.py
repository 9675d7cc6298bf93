"""Copying a whole workbook between a file and a team server, either way (or file to
file, server to server): ``hiring-desk copy`` and the window's Save a Copy of a team
workbook and Move to Team Server.

The source is opened read-only (nothing is written to it, nothing upgraded: an older
one is refused with words saying to open it once). The destination gets the current
schema (``Workbook.create``) and every row (``store.copying``), checked table by table
and stored file by stored file before it is kept.

- A **file** destination is written beside it under a temporary name and moved into
  place only once the copy is complete and checked; an existing file is replaced only
  when asked (``replace``), only if it is a workbook nobody has open, and it stays as
  it was if anything fails.
- A **server** destination must be an empty database (a new workbook is made in it),
  or, when asked to replace, a workbook whose tables are emptied and filled in one
  transaction: a failure leaves it as it was.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from hiring_desk.store import Workbook
from hiring_desk.store.copying import CopiedRows, CopyMismatchError, Progress, copy_rows
from hiring_desk.store.errors import (
    WorkbookError,
    WorkbookExistsError,
    WorkbookUnavailableError,
    database_failure,
    os_error_reason,
)
from hiring_desk.store.fileformat import check_is_workbook
from hiring_desk.store.location import Location, ServerAddress, parse_location
from hiring_desk.store.lock import WorkbookLock, lock_path_for, real_path

__all__ = ["CopyMismatchError", "CopyResult", "Progress", "copy_workbook", "same_place"]


@dataclass
class CopyResult:
    """A finished copy: where from and to, rows per table, stored files checked, seconds."""

    source: Location
    destination: Location
    counts: dict[str, int] = field(default_factory=dict)
    files_checked: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _located(named: Location | str) -> Location:
    location = parse_location(named)
    if isinstance(location, ServerAddress):
        return location
    return Path(location).expanduser().absolute()


def same_place(one: Location, other: Location) -> bool:
    """Whether two locations name the same workbook (the same file, links followed, or
    the same database on the same server)."""
    if isinstance(one, Path) and isinstance(other, Path):
        return real_path(one) == real_path(other) or (
            one.exists() and other.exists() and one.samefile(other)
        )
    if isinstance(one, ServerAddress) and isinstance(other, ServerAddress):
        return (one.host, _port(one), one.database) == (other.host, _port(other), other.database)
    return False


def _port(address: ServerAddress) -> int:
    from urllib.parse import urlsplit

    return urlsplit(address.url).port or 5432


def copy_workbook(
    source: Location | str,
    destination: Location | str,
    *,
    replace: bool = False,
    replace_any_file: bool = False,
    progress: Progress | None = None,
) -> CopyResult:
    """Copy the workbook at ``source`` to ``destination``; what was copied.

    Raises ``WorkbookError`` (with a one-line reason) when it is refused or fails:
    the same place twice, a destination that is not empty (without ``replace``), a
    source that cannot be read or needs an upgrade first, a copy that does not match
    (``CopyMismatchError``, naming the table). The source is never written to.
    ``replace_any_file``: an existing file that is not a workbook may be replaced too
    (Save a Copy, after ``safe_output`` allowed it and the person agreed).
    """
    started = time.perf_counter()
    source, destination = _located(source), _located(destination)
    if same_place(source, destination):
        raise WorkbookError(destination, "this is the workbook being copied; choose another place")
    with Workbook.open_read_only(source) as original:
        if isinstance(destination, ServerAddress):
            copied = _to_server(original, destination, replace, progress)
        else:
            copied = _to_file(original, destination, replace, replace_any_file, progress)
    result = CopyResult(source, destination, copied.counts, copied.files_checked)
    result.seconds = time.perf_counter() - started
    return result


def _to_server(
    original: Workbook, destination: ServerAddress, replace: bool, progress: Progress | None
) -> CopiedRows:
    try:
        target = Workbook.create(destination)
    except WorkbookExistsError:
        if not replace:
            raise WorkbookExistsError(
                destination,
                "the database already holds a workbook; it was left unchanged "
                "(copy with --replace to replace its contents)",
            ) from None
        target = Workbook.open(destination)
    with target:
        return _copy(original, target, progress)


def _to_file(
    original: Workbook,
    destination: Path,
    replace: bool,
    any_file: bool,
    progress: Progress | None,
) -> CopiedRows:
    final = real_path(destination)
    lock: WorkbookLock | None = None
    if final.exists():
        if not (replace or any_file):
            raise WorkbookExistsError(
                destination,
                "a file with this name already exists; it was left unchanged "
                "(copy with --replace to replace it)",
            )
        if not any_file:
            check_is_workbook(final)  # only a workbook is replaced, never another file
        lock = WorkbookLock(destination)
        lock.acquire()  # nobody may have it open while it is replaced
    partial = final.with_name(f".{final.name}.copying-{os.getpid()}")
    try:
        _remove(partial)
        with Workbook.create(partial) as target:
            copied = _copy(original, target, progress)
        _remove_side_files(final)  # an old log must never be applied to the new file
        partial.replace(final)
        return copied
    except OSError as exc:
        raise WorkbookUnavailableError(
            destination, f"the copy could not be written: {os_error_reason(exc)}"
        ) from None
    finally:
        _remove(partial)
        with contextlib.suppress(OSError):
            lock_path_for(partial).unlink(missing_ok=True)
        if lock is not None:
            lock.release()


def _copy(original: Workbook, target: Workbook, progress: Progress | None) -> CopiedRows:
    try:
        return copy_rows(original.engine, target.engine, target.location, progress=progress)
    except DBAPIError as exc:
        raise _in_words(target.location, exc) from None


def _in_words(where: Location, error: DBAPIError) -> WorkbookError:
    if isinstance(where, ServerAddress):
        from hiring_desk.store.server import server_error

        return server_error(where, error)
    failure = database_failure(error)
    reason = failure.text if failure else f"the copy failed ({type(error.orig).__name__})"
    return WorkbookUnavailableError(where, reason)


def _remove(path: Path) -> None:
    for each in (path, *_side_files(path)):
        with contextlib.suppress(FileNotFoundError):
            each.unlink()


def _remove_side_files(path: Path) -> None:
    for each in _side_files(path):
        with contextlib.suppress(FileNotFoundError):
            each.unlink()


def _side_files(path: Path) -> tuple[Path, ...]:
    return (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
