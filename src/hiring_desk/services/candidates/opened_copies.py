"""Copies of attachments written for the system viewer, and their removal.

A viewer needs a real file, so opening an attachment writes a copy of it. The copy
is personal data outside the workbook, so it lives only as long as it is needed, in
one folder per run of the app inside the user's own folder under the temporary
folder (``paths.opened_files_dir``)::

    run-<pid>-<random>/<workbook key>/<candidate id>/<attachment id>-<random>/<name>

The run's folder holds a file that this process keeps locked (an OS lock, freed when
the process ends however it ends). Copies are removed:

- when the workbook closes: this run's copies of it;
- when a file is removed, or its candidate erased or merged away: that file's or
  candidate's copies in every run (the command line can erase while a window
  has the file open);
- when the process exits normally: this run's folder;
- at the next start (``remove_stale_runs``): the folders whose lock is free, left
  by a run that crashed or was killed.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from hiring_desk import paths
from hiring_desk.store import Workbook
from hiring_desk.store.location import Location, ServerAddress

__all__ = [
    "remove_attachment_copies",
    "remove_candidate_copies",
    "remove_stale_runs",
    "remove_workbook_copies",
    "write_copy",
]

_RUN_PREFIX = "run-"
_ALIVE = ".alive"
#: A run's folder without its lock file is being made; one older than this was abandoned.
_UNFINISHED_SECONDS = 60.0

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Run:
    base: Path  #: ``paths.opened_files_dir()`` when the run's folder was made
    folder: Path
    lock: FileLock  #: held while this process lives


#: This run's folder, once the first copy is written.
_run: _Run | None = None


def write_copy(
    workbook: Workbook, candidate_id: int, attachment_id: int, name: str, data: bytes
) -> Path:
    """Write ``data`` as ``name`` in a new private folder of this run; return its path.

    The folder is 0o700 and the file 0o600. The copy is removed when ``workbook``
    closes, if not before.
    """
    folder = _run_folder() / _workbook_key(workbook.location) / str(candidate_id)
    folder.mkdir(parents=True, exist_ok=True)
    private = Path(tempfile.mkdtemp(prefix=f"{attachment_id}-", dir=folder))
    path = private / name
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags, 0o600), "wb") as handle:
        handle.write(data)
    path.chmod(0o600)
    workbook.on_close(__name__, functools.partial(remove_workbook_copies, workbook.location))
    return path


def remove_workbook_copies(workbook_path: Location) -> None:
    """Remove this run's copies of one workbook's files (it is being closed)."""
    if _run is not None:
        _remove(_run.folder / _workbook_key(workbook_path))


def remove_candidate_copies(workbook_path: Location, candidate_id: int) -> None:
    """Remove every run's copies of one candidate's files."""
    key = _workbook_key(workbook_path)
    for run in _runs():
        _remove(run / key / str(candidate_id))


def remove_attachment_copies(
    workbook_path: Location, candidate_id: int, attachment_id: int
) -> None:
    """Remove every run's copies of one file."""
    key = _workbook_key(workbook_path)
    for run in _runs():
        for folder in (run / key / str(candidate_id)).glob(f"{attachment_id}-*"):
            _remove(folder)


def remove_stale_runs() -> int:
    """Remove the folders of runs that ended without removing their copies; returns how many."""
    removed = 0
    for run in _runs():
        if (_run is None or run != _run.folder) and _has_ended(run):
            removed += _remove(run)
    return removed


# -- this run's folder -------------------------------------------------------------------------


def _run_folder() -> Path:
    global _run
    base = paths.opened_files_dir()
    if _run is not None and _run.base == base and _run.folder.is_dir():
        return _run.folder
    if _run is None:
        atexit.register(_remove_own_run)
    _remove_own_run()  # the folders moved (HIRING_DESK_HOME changed) or it was deleted
    folder = Path(tempfile.mkdtemp(prefix=f"{_RUN_PREFIX}{os.getpid()}-", dir=_trusted(base)))
    lock = FileLock(str(folder / _ALIVE), timeout=0, is_singleton=False)
    lock.acquire()
    _run = _Run(base, folder, lock)
    return folder


def _remove_own_run() -> None:
    global _run
    if _run is not None:
        run, _run = _run, None
        run.lock.release(force=True)
        _remove(run.folder)


def _trusted(base: Path) -> Path:
    """``base``, made if missing; a new private folder instead if it is not safely ours."""
    base.mkdir(parents=True, exist_ok=True)
    if os.name != "posix":
        return base
    info = base.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        _log.warning("The folder for opened files is not this user's own; using a new one")
        return Path(tempfile.mkdtemp(prefix="hiring-desk-"))
    if stat.S_IMODE(info.st_mode) != 0o700:
        base.chmod(0o700)
    return base


# -- finding and removing ----------------------------------------------------------------------


def _runs() -> Iterator[Path]:
    base = paths.opened_files_dir()
    if base.is_dir():
        yield from (p for p in base.glob(f"{_RUN_PREFIX}*") if p.is_dir() and not p.is_symlink())


def _has_ended(run: Path) -> bool:
    """Whether the process that made ``run`` has ended (its lock is free)."""
    alive = run / _ALIVE
    if not alive.exists():
        try:
            return time.time() - run.stat().st_mtime > _UNFINISHED_SECONDS
        except OSError:
            return False
    lock = FileLock(str(alive), timeout=0, is_singleton=False)
    try:
        lock.acquire()
    except (Timeout, OSError):
        return False
    lock.release(force=True)
    return True


def _workbook_key(workbook_path: Location) -> str:
    """A folder name for a workbook (a file or a team workbook) that does not show its name."""
    if isinstance(workbook_path, ServerAddress):
        return hashlib.sha256(str(workbook_path).encode()).hexdigest()[:16]
    return hashlib.sha256(str(Path(workbook_path).absolute()).encode()).hexdigest()[:16]


def _remove(folder: Path) -> int:
    """Remove ``folder`` and what is in it; 1 if it was there. Failures are logged, not
    raised (a viewer may hold the file open on Windows); the next start tries again."""
    if not folder.exists():
        return 0
    shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():  # never the path in the log: a file's name may be a person's name
        _log.warning("Could not remove all copies of opened files; the next start tries again")
    return 1
