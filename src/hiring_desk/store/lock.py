"""One app instance per workbook: an OS-level lock on a file beside the workbook.

The OS releases the lock when the process ends, so a crash never leaves a
workbook locked for ever. The lock belongs to the file, not to the name it was
opened by: symbolic links are followed to the file itself, and a file that has
a second name (a hard link) is also locked under its identity on the disk.

The holder writes what it is into the lock file ("window 1234", "cli 1234"), so
a refused second open can say who has the workbook.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from filelock import FileLock, Timeout

from hiring_desk.store.errors import (
    WorkbookLockedError,
    WorkbookUnavailableError,
    folder_not_writable,
    os_error_reason,
)
from hiring_desk.workbook_files import lock_file_of

#: What a process holding a lock is, as written into the lock file.
WINDOW = "window"
CLI = "cli"
PROGRAM = "program"
_holder_kind = PROGRAM


def set_holder_kind(kind: str) -> str:
    """Say what this process is (WINDOW, CLI) for the locks it takes; returns the previous."""
    global _holder_kind
    previous, _holder_kind = _holder_kind, kind
    return previous


def real_path(path: Path) -> Path:
    """``path`` with every symbolic link followed: the file itself."""
    return Path(os.path.realpath(Path(path).expanduser()))


def same_file(one: Path, other: Path) -> bool:
    """True when two paths name one file (through symbolic or hard links)."""
    try:
        return Path(one).samefile(other)
    except OSError:  # one of them does not exist (yet)
        return real_path(one) == real_path(other)


def lock_path_for(path: Path) -> Path:
    """The hidden lock file beside the workbook file (kept after use: deleting it would race)."""
    return lock_file_of(real_path(path))


class WorkbookLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._locks: list[_HolderLock] = []

    def acquire(self) -> None:
        """Take the lock, or raise ``WorkbookLockedError`` saying who holds it."""
        wanted = [lock_path_for(self.path)]
        identity = _identity_lock_path(self.path)
        if identity is not None:
            wanted.append(identity)
        try:
            for lock_file in wanted:
                lock = _HolderLock(lock_file)
                lock.acquire(self.path)
                self._locks.append(lock)
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        while self._locks:
            self._locks.pop().release()

    @property
    def is_locked(self) -> bool:
        return bool(self._locks)


class _HolderLock:
    """One lock file: the OS lock on it, and who holds it written inside."""

    def __init__(self, lock_file: Path) -> None:
        self.lock_file = lock_file
        try:  # filelock 4 hands over the locked descriptor to write in
            self._lock = FileLock(
                str(lock_file), timeout=0, is_singleton=False, on_acquired=_write_holder
            )
            self._writes_itself = True
        except TypeError:  # filelock 3 has no such hook
            self._lock = FileLock(str(lock_file), timeout=0, is_singleton=False)
            self._writes_itself = False

    def acquire(self, workbook: Path) -> None:
        before = _read_holder(self.lock_file)  # filelock 3 empties the file as it tries
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            holder = _read_holder(self.lock_file) or before
            raise WorkbookLockedError(workbook, _held_by(holder)) from None
        except OSError as exc:
            failure = folder_not_writable(os_error_reason(exc), "a lock file")
            raise WorkbookUnavailableError(workbook, failure.text) from None
        if not self._writes_itself:
            with contextlib.suppress(OSError):
                fd = os.open(self.lock_file, os.O_WRONLY)
                try:
                    _write_holder(fd)
                finally:
                    os.close(fd)

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)


def _write_holder(fd: int) -> None:
    text = f"{_holder_kind} {os.getpid()}\n".encode("ascii")
    with contextlib.suppress(OSError):  # the lock holds without it; only the message is vaguer
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text)
        os.ftruncate(fd, len(text))


def _read_holder(lock_file: Path) -> tuple[str, int] | None:
    try:
        with lock_file.open("rb") as fh:
            words = fh.read(64).decode("ascii", "replace").split()
    except OSError:  # Windows keeps a held lock's bytes from other readers
        return None
    if len(words) == 2 and words[1].isdigit():
        return words[0], int(words[1])
    return None


def _held_by(holder: tuple[str, int] | None) -> str:
    if holder is None:
        return "it is already open in another Hiring Desk window or program"
    kind, pid = holder
    if kind == WINDOW:
        return "it is already open in another Hiring Desk window"
    if kind == CLI:
        return f"it is already open in another Hiring Desk program (a command-line run, pid {pid})"
    return f"it is already open in another Hiring Desk program (pid {pid})"


def _identity_lock_path(path: Path) -> Path | None:
    """For a file with more than one name (hard links), a lock named after the file itself.

    Each name has its own lock file beside it, so two names would get two locks;
    this one, in the data folder, is the same whichever name is used. None for
    the usual file with one name, or when there is no folder to keep it in. (A
    second name made while the workbook is open is not seen by that first open.)
    """
    from hiring_desk import paths

    try:
        info = real_path(path).stat()
        if info.st_nlink < 2:
            return None
        folder = paths.data_dir() / "locks"
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder / f"{info.st_dev}-{info.st_ino}.lock"
