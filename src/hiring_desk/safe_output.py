"""Writing a file the user chose: never over a workbook, and never half a file.

Every export, print and copy written to a path the user named goes through
here. :func:`refuse_unsafe_target` raises ``UnsafeOutputError`` (one sentence)
for a target that

- is a database by its content: a workbook, any other SQLite file, a
  write-ahead log or a rollback journal (a hard link to a workbook is caught
  here too, since it shares the workbook's bytes);
- is a workbook open in this process, or one of its working files or its
  lock, by device and inode (so a hard link under any name is caught);
- is named like a workbook's working file (``NAME.hiringdesk-wal``, ``-shm``,
  ``-journal``) or lock (``.NAME.hiringdesk.lock``), whether it exists or not;
- is inside the backups folder;
- exists but is not an ordinary file (a folder, a device, a socket, a pipe);
- is in a folder that does not exist.

A symbolic link is judged by the file it leads to (``os.path.realpath``), and
that file is what gets replaced; the link stays.

The writers (:func:`write_bytes`, :func:`write_text`, :func:`open_binary`,
:func:`open_text`, :func:`staged_path`) check the target, write to a temporary
file in the target's folder, flush it to disk, check the target again, and only
then rename the temporary file over the target and flush the folder. Any
failure, the producer's own exceptions included, removes the temporary file and
leaves the target as it was. A new file is readable by its owner only (exports
hold personal data); a replaced file keeps its permissions.

No Qt, no database engine and no services here: every layer may use it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from hiring_desk import WORKBOOK_SUFFIX, paths
from hiring_desk.workbook_files import (
    SIDE_FILE_SUFFIXES,
    SQLITE_HEADER_SIZE,
    SQLITE_MAGIC,
    WORKBOOK_APPLICATION_ID,
    application_id,
    is_sqlite_side_file,
    lock_file_of,
    side_files_of,
)

__all__ = [
    "UnsafeOutputError",
    "open_binary",
    "open_text",
    "refuse_unsafe_target",
    "register_open_workbook",
    "staged_path",
    "sync_file",
    "sync_folder",
    "unregister_open_workbook",
    "write_bytes",
    "write_text",
]

#: The end of a temporary file's name while it is being written.
_TEMPORARY_SUFFIX = ".partial"
_CHOOSE_ANOTHER = "choose another file name"
_SIDE_FILE_NAME = re.compile(
    rf"{re.escape(WORKBOOK_SUFFIX)}(?:{'|'.join(SIDE_FILE_SUFFIXES)})$", re.IGNORECASE
)
_LOCK_FILE_NAME = re.compile(rf"^\..+{re.escape(WORKBOOK_SUFFIX)}\.lock$", re.IGNORECASE)
_NOT_A_FILE = (
    (stat.S_ISDIR, "a folder, not a file; choose a file name in it"),
    (stat.S_ISFIFO, "a named pipe, not a file"),
    (stat.S_ISSOCK, "a socket, not a file"),
    (stat.S_ISCHR, "a device, not a file"),
    (stat.S_ISBLK, "a device, not a file"),
)


class UnsafeOutputError(OSError):
    """A target refused before anything was written; ``reason`` is one sentence.

    An ``OSError`` (like the permission errors a write may meet anyway), so
    every caller that reports a failed write reports this one too.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(None, reason, str(path))
        self.path = Path(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path.name or self.path}: {self.reason}"

    def __reduce__(self) -> tuple[type[UnsafeOutputError], tuple[Path, str]]:
        return type(self), (self.path, self.reason)


# -- the workbooks open in this process ------------------------------------------------------

_open_workbooks: dict[Path, int] = {}
_open_workbooks_lock = threading.Lock()


def register_open_workbook(path: Path) -> None:
    """Protect ``path``, its working files and its lock while it is open (``store`` calls it)."""
    with _open_workbooks_lock:
        _open_workbooks[path] = _open_workbooks.get(path, 0) + 1


def unregister_open_workbook(path: Path) -> None:
    with _open_workbooks_lock:
        count = _open_workbooks.pop(path, 0) - 1
        if count > 0:
            _open_workbooks[path] = count


def _protected_files(workbooks: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Each file of the open (and the given) workbooks, with what to call it."""
    with _open_workbooks_lock:
        books = [*_open_workbooks, *(Path(w) for w in workbooks)]
    for book in books:
        yield book, "the workbook itself"
        for side in side_files_of(book):
            yield side, "the workbook's working file"
        yield lock_file_of(book), "the workbook's lock file"


# -- the check ------------------------------------------------------------------------------


def refuse_unsafe_target(target: Path | str, *, workbooks: Iterable[Path] = ()) -> None:
    """Raise ``UnsafeOutputError`` unless writing ``target`` is safe (see the module docstring).

    ``workbooks`` are protected like the workbooks open in this process (the
    command line names its workbook before opening it). Reads at most the first
    100 bytes of an existing ordinary file; never writes.
    """
    target = Path(target)
    final = Path(os.path.realpath(target))
    subject = f"it is a link to {final}, which is" if target.is_symlink() else "it is"

    def refuse(what: str) -> UnsafeOutputError:
        return UnsafeOutputError(target, f"{subject} {what}")

    for name in {target.name, final.name}:
        if _SIDE_FILE_NAME.search(name):
            raise refuse(f"named like a workbook's working file; {_CHOOSE_ANOTHER}")
        if _LOCK_FILE_NAME.match(name):
            raise refuse(f"named like a workbook's lock file; {_CHOOSE_ANOTHER}")
    if _inside(final, paths.backup_dir()):
        raise refuse("in the backups folder, which is for Hiring Desk's own backups only")
    try:
        status = final.stat()
    except (FileNotFoundError, NotADirectoryError):
        _refuse_missing_folder(target, final.parent)
        return
    except OSError as exc:
        raise refuse(f"a path that cannot be checked ({exc.strerror or exc})") from None
    for is_kind, what in _NOT_A_FILE:
        if is_kind(status.st_mode):
            raise refuse(what)
    if not stat.S_ISREG(status.st_mode):
        raise refuse("not an ordinary file")
    protected = _same_file(status, _protected_files(workbooks))
    if protected is not None:
        raise refuse(f"{protected}; {_CHOOSE_ANOTHER}")
    try:
        kind = _database_kind(final)
    except OSError as exc:
        raise refuse(f"a file that cannot be read to check it ({exc.strerror or exc})") from None
    if kind is not None:
        raise refuse(f"{kind}, which this would destroy; {_CHOOSE_ANOTHER}")


def _refuse_missing_folder(target: Path, folder: Path) -> None:
    if folder.is_dir():
        return
    problem = (
        f"{folder} is not a folder" if folder.exists() else f"the folder {folder} does not exist"
    )
    raise UnsafeOutputError(target, f"{problem}; choose an existing folder")


def _inside(path: Path, folder: Path) -> bool:
    real_folder = os.path.normcase(os.path.realpath(folder))
    try:
        common = os.path.commonpath([os.path.normcase(path), real_folder])
    except ValueError:  # another drive
        return False
    return common == real_folder


def _same_file(status: os.stat_result, files: Iterable[tuple[Path, str]]) -> str | None:
    """What the file with ``status`` is among ``files`` (same device and inode), if any."""
    for path, what in files:
        try:
            other = path.stat()
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino):
            return what
    return None


def _database_kind(path: Path) -> str | None:
    """What the file is, when its first bytes say it is a database or one of its files."""
    with path.open("rb") as fh:
        header = fh.read(SQLITE_HEADER_SIZE)
    if application_id(header) == WORKBOOK_APPLICATION_ID:
        return "a Hiring Desk workbook"
    if header.startswith(SQLITE_MAGIC):
        return "a database"
    if is_sqlite_side_file(header):
        return "a database's working file"
    return None


# -- writing --------------------------------------------------------------------------------


@contextlib.contextmanager
def staged_path(target: Path | str) -> Iterator[Path]:
    """A temporary path beside ``target`` for a producer that writes a file by its name.

    When the block ends without an exception, the file there replaces
    ``target``; otherwise it is removed and ``target`` is left as it was.
    """
    refuse_unsafe_target(target)
    final = Path(os.path.realpath(target))
    descriptor, name = tempfile.mkstemp(
        prefix=f".{final.name[:80]}.", suffix=_TEMPORARY_SUFFIX, dir=final.parent
    )
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        sync_file(temporary)
        _keep_permissions(final, temporary)
        refuse_unsafe_target(target)  # it may have changed while the producer worked
        temporary.replace(final)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    sync_folder(final.parent)


def _keep_permissions(final: Path, temporary: Path) -> None:
    """A replaced file keeps its permission bits; a new one stays owner-only, as mkstemp made it."""
    with contextlib.suppress(FileNotFoundError):
        temporary.chmod(stat.S_IMODE(final.stat().st_mode))


@contextlib.contextmanager
def open_binary(target: Path | str) -> Iterator[BinaryIO]:
    """A binary file to write; it replaces ``target`` once the block ends without an error."""
    with staged_path(target) as temporary, temporary.open("wb") as fh:
        yield fh


@contextlib.contextmanager
def open_text(
    target: Path | str, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[TextIO]:
    """A text file to write; it replaces ``target`` once the block ends without an error."""
    with (
        staged_path(target) as temporary,
        temporary.open("w", encoding=encoding, newline=newline) as fh,
    ):
        yield fh


def write_bytes(target: Path | str, data: bytes) -> None:
    """Replace ``target`` with ``data`` in one step (see the module docstring)."""
    with staged_path(target) as temporary:
        temporary.write_bytes(data)


def write_text(target: Path | str, text: str, *, encoding: str = "utf-8") -> None:
    """Replace ``target`` with ``text`` in one step (see the module docstring)."""
    with staged_path(target) as temporary:
        temporary.write_text(text, encoding=encoding)


def sync_file(path: Path) -> None:
    """Flush a written file's contents to disk."""
    with path.open("ab") as fh:  # Windows flushes only a file open for writing
        os.fsync(fh.fileno())


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk where the platform allows it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
