"""Opening, creating and copying workbook files, for the window and the CLI."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from hiring_desk import WORKBOOK_SUFFIX, paths, safe_output
from hiring_desk.store import (
    Workbook,
    WorkbookDamagedError,
    WorkbookError,
    WorkbookExistsError,
    integrity,
    lock,
    same_file,
)
from hiring_desk.store.backup import (
    CopyCheckError,
    CopyWriteError,
    copy_workbook,
    workbook_backup_folder,
)
from hiring_desk.store.copying import Progress as CopyProgress
from hiring_desk.store.location import ServerAddress

__all__ = [
    "Workbook",
    "WorkbookError",
    "as_command_line",
    "as_window",
    "check_workbook",
    "create_workbook",
    "default_workbook_path",
    "open_default_workbook",
    "open_workbook",
    "open_workbook_to_read",
    "refuse_existing",
    "same_file",
    "save_copy",
    "with_suffix",
]


def default_workbook_path() -> Path:
    return paths.default_workbook()


def with_suffix(path: Path) -> Path:
    """``path`` with ``.hiringdesk`` added when it has no extension of its own."""
    return path if path.suffix else path.with_name(path.name + WORKBOOK_SUFFIX)


def open_workbook(path: Path | ServerAddress) -> Workbook:
    """Open the workbook file, or the team workbook a ``ServerAddress`` names."""
    return Workbook.open(path, backup_dir=_backups_of(path))


def open_workbook_to_read(path: Path | ServerAddress) -> Workbook:
    """Open a workbook only to read it: works while the window (or a command) has it
    open, takes no lock from them and writes nothing; an older workbook is refused
    (reading never upgrades). Whatever tries to write through it fails."""
    return Workbook.open_read_only(path)


def _backups_of(path: Path | ServerAddress) -> Path | None:
    """The workbook's own backups folder (copies taken before upgrades go there too);
    None for a team workbook, which its server's administrator backs up."""
    if isinstance(path, ServerAddress):
        return None
    return workbook_backup_folder(paths.backup_dir(), Path(path).expanduser().absolute())


def create_workbook(path: Path | ServerAddress) -> Workbook:
    return Workbook.create(path)


def open_default_workbook() -> Workbook:
    """Open the default workbook, creating it on first run."""
    path = default_workbook_path()
    return Workbook.open_or_create(path, backup_dir=_backups_of(path))


def save_copy(workbook: Workbook, destination: Path, progress: CopyProgress | None = None) -> Path:
    """Write a consistent copy of the open workbook to ``destination``.

    An existing ordinary file there is replaced only once the copy is complete.
    A destination ``safe_output`` refuses (any workbook or other database, the
    open workbook's own files, the backups folder, ...) is a ``WorkbookError``.
    A team workbook is copied row by row into a new workbook file
    (``workbook_copy``, checked table by table; ``progress`` is told each batch); a
    file workbook through SQLite's backup API.
    """
    destination = Path(destination).expanduser().absolute()
    try:
        safe_output.refuse_unsafe_target(
            destination, workbooks=[workbook.path] if workbook.is_file else []
        )
    except safe_output.UnsafeOutputError as exc:
        raise WorkbookError(destination, exc.reason) from None
    if not workbook.is_file:
        from hiring_desk.services.workbook.workbook_copy import copy_workbook as copy_whole

        copy_whole(workbook.location, destination, replace_any_file=True, progress=progress)
        return destination
    try:
        return copy_workbook(workbook.path, destination, replace=True, journal_mode="WAL")
    except CopyWriteError as exc:
        raise WorkbookError(destination, f"could not write the copy: {exc.reason}") from None
    except CopyCheckError as exc:
        raise WorkbookDamagedError(workbook.path, f"the workbook is damaged ({exc})") from None


def refuse_existing(path: Path | ServerAddress) -> None:
    """Raise ``WorkbookExistsError`` when a file is at ``path``: a new workbook never
    replaces one (``create_workbook`` refuses too; this refuses before any other work).
    A team workbook's database is looked at when it is created."""
    if isinstance(path, ServerAddress):
        return
    if Path(path).exists():
        raise WorkbookExistsError(path, "a file with this name already exists")


def check_workbook(path: Path | ServerAddress) -> list[str]:
    """Check the workbook at ``path`` without changing it; the problems found, none when healthy.

    Integrity, foreign keys, the schema version and missing tables or columns. The
    file is opened read-only, so a read-only folder is no obstacle, and the check
    works while the workbook is open elsewhere. Raises ``WorkbookError``: for a file
    that is not a workbook (``NotAWorkbookError``), or one that cannot be read at all
    (``WorkbookUnavailableError``, saying why; that is not called damage).
    """
    return list(integrity.check_workbook(path).problems)


def as_window() -> None:
    """This process is the window: a second open of its workbooks is told "another window"."""
    lock.set_holder_kind(lock.WINDOW)


@contextlib.contextmanager
def as_command_line() -> Iterator[None]:
    """Within, the workbooks this process opens tell a second opener "a command-line run"."""
    previous = lock.set_holder_kind(lock.CLI)
    try:
        yield
    finally:
        lock.set_holder_kind(previous)
