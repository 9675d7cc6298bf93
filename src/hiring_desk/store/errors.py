"""Why a workbook could not be opened, created or used. Each message is one line.

``database_failure`` is the one place that turns the database's errors (SQLite's
codes, SQLAlchemy's wrappers around them) into what is wrong and what to do, and
``os_error_reason`` does the same for the disk's errors (errno). The command line
and the window both show these sentences instead of the errors themselves, which
can quote SQL and the values written (a candidate's details).
"""

from __future__ import annotations

import errno
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hiring_desk.store.location import Location, ServerAddress


class WorkbookError(Exception):
    """A workbook could not be used; ``str(error)`` is a one-line reason."""

    def __init__(self, path: Path | ServerAddress | str, reason: str) -> None:
        #: The workbook's file, or the server database of a team workbook (whose
        #: ``name`` is the database's and whose ``str()`` never shows a password).
        self.path: Location = path if isinstance(path, ServerAddress) else Path(path)
        self.reason = one_line(reason)
        super().__init__(f"{one_line(self.path.name)}: {self.reason}")


def one_line(text: str, limit: int = 300) -> str:
    """Collapse whitespace (SQLite's reports span lines) and cap the length."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class NotAWorkbookError(WorkbookError):
    """The file is not a Hiring Desk workbook; it was left untouched."""


class NewerSchemaError(WorkbookError):
    """The workbook was written by a newer Hiring Desk; it was left untouched."""


class NeedsUpgradeError(WorkbookError):
    """An older workbook asked to be read only: reading never upgrades, so it is refused."""


class WorkbookLockedError(WorkbookError):
    """The workbook is already open in another Hiring Desk window or program."""


class WorkbookDamagedError(WorkbookError):
    """The workbook failed its integrity check."""


class WorkbookUnavailableError(WorkbookError):
    """The workbook could not be read or written (a read-only folder, a full or
    failing disk, another program); it is not damaged and was left as it was."""


class PasswordRefusedError(WorkbookUnavailableError):
    """The server wants a password for the team workbook: none was given, or it was wrong."""


class WorkbookExistsError(WorkbookError):
    """A new workbook was asked for where a file already exists."""


class MigrationError(WorkbookError):
    """Upgrading the workbook failed; the original file is unchanged."""


#: What the app says where a file-only feature (backups, snapshots, the file's
#: location) is asked of a team workbook on a server.
SERVER_BACKUPS = (
    "a team workbook is backed up by Save a Copy and by the administrator's pg_dump, "
    "not by file backups"
)


class ServerWorkbookError(WorkbookError):
    """Something only a workbook file has (its file, backups, snapshots) was asked of
    a team workbook on a PostgreSQL server."""

    def __init__(self, path: Path | ServerAddress | str, reason: str = SERVER_BACKUPS) -> None:
        super().__init__(path, reason)


# -- the disk's and the database's errors in words ----------------------------------------

DISK_FULL = "the disk is full"
IO_ERROR = "an input/output error on the disk"
_NOT_ALLOWED = "the folder is read-only or writing there is not allowed"

_ERRNO_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EROFS: "the folder is on a read-only disk",
    errno.EACCES: _NOT_ALLOWED,
    errno.EPERM: _NOT_ALLOWED,
    errno.EIO: IO_ERROR,
    errno.ENOTDIR: "a file is where a folder should be",
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _ERRNO_REASONS[errno.EDQUOT] = "the disk quota is used up"


def os_error_reason(error: OSError) -> str:
    """What the disk said, in words: "the disk is full", "the folder is read-only ..."."""
    reason = _ERRNO_REASONS.get(error.errno or 0)
    if reason is not None:
        return reason
    return one_line(error.strerror or str(error) or type(error).__name__).rstrip(".").lower()


@dataclass(frozen=True)
class Failure:
    """What went wrong with a workbook's file, and what to do about it."""

    reason: str
    advice: str
    #: True only when SQLite found the file itself damaged (a failed integrity check).
    damaged: bool = False

    @property
    def text(self) -> str:
        """``reason; advice``, for after a workbook's name ("w.hiringdesk: ...")."""
        return f"{self.reason}; {self.advice}"

    @property
    def sentence(self) -> str:
        """The same as a sentence of its own."""
        return f"{self.text[:1].upper()}{self.text[1:]}."


READ_ONLY = Failure(
    "the workbook file or its folder is read-only",
    "make them writable, or copy the workbook to a folder you can write to, and try again",
)
BUSY = Failure(
    "another program is using the workbook file",
    "wait until it has finished, or close it, and try again",
)
DISK_IO = Failure(
    IO_ERROR,
    "the disk may be failing or was disconnected; copy the workbook and its backups "
    "somewhere safe before going on",
)
FULL = Failure(DISK_FULL, "free some space on it and try again")
CANNOT_OPEN = Failure(
    "the workbook file could not be opened",
    "check that it is still there and that its folder can be written to",
)
MISSING_PARTS = Failure(
    "the workbook is missing parts this version of Hiring Desk needs (it was not made by "
    "this version, or it is damaged)",
    "run 'hiring-desk check' on it, and restore a backup if it reports a problem",
)
DAMAGED = Failure(
    "the workbook is damaged",
    "open it in Hiring Desk to restore its newest good backup, or use 'hiring-desk restore'",
    damaged=True,
)

# SQLite's primary result codes (https://sqlite.org/rescode.html).
_BY_CODE = {
    3: READ_ONLY,  # SQLITE_PERM
    5: BUSY,  # SQLITE_BUSY
    6: BUSY,  # SQLITE_LOCKED
    8: READ_ONLY,  # SQLITE_READONLY
    10: DISK_IO,  # SQLITE_IOERR
    11: DAMAGED,  # SQLITE_CORRUPT
    13: FULL,  # SQLITE_FULL
    14: CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: DAMAGED,  # SQLITE_NOTADB
}
# The same by SQLite's message, for errors that come without a code.
_BY_TEXT = (
    ("no such table", MISSING_PARTS),
    ("no such column", MISSING_PARTS),
    ("readonly database", READ_ONLY),
    ("database is locked", BUSY),
    ("database table is locked", BUSY),
    ("disk i/o error", DISK_IO),
    ("database or disk is full", FULL),
    ("unable to open database file", CANNOT_OPEN),
    ("database disk image is malformed", DAMAGED),
    ("file is not a database", DAMAGED),
)


def sqlite_error_of(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error itself, or the one a SQLAlchemy error wraps (its ``orig``)."""
    if isinstance(error, sqlite3.Error):
        return error
    orig = getattr(error, "orig", None)
    return orig if isinstance(orig, sqlite3.Error) else None


SERVER_LOST = Failure(
    "the connection to the team workbook's server failed or was cut",
    "check that the server is running and can be reached, then try again "
    "(what was being saved was undone, not half-saved)",
)
SERVER_REFUSED = Failure(
    "you don't have permission to do this on this team workbook, and nothing was changed",
    "ask one of its admins if your role should allow it",
)


def _server_failure(error: BaseException) -> Failure | None:
    """A team workbook's server error (psycopg's, or SQLAlchemy's wrapper around one) in
    words, by its SQLSTATE class; psycopg is not imported for this."""
    found = getattr(error, "orig", None) or error
    if type(found).__module__.split(".")[0] != "psycopg":
        return None
    state = str(getattr(found, "sqlstate", None) or "")
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return SERVER_LOST
    if state == "42501":
        return SERVER_REFUSED
    if state in ("42P01", "42703"):
        return MISSING_PARTS
    if not state and type(found).__name__ == "OperationalError":  # no answer at all
        return SERVER_LOST
    return None


def database_failure(error: BaseException) -> Failure | None:
    """What a database error means for the workbook; None when it is none of the known kinds.

    Read from SQLite's result code and message only (a server's: its SQLSTATE),
    never from the SQL or its values, so the words can be shown anywhere.
    """
    found = sqlite_error_of(error)
    if found is None:
        return _server_failure(error)
    message = str(found.args[0] if found.args else "").lower()
    for fragment, failure in _BY_TEXT[:2]:  # SQLITE_ERROR, told apart by its message
        if fragment in message:
            return failure
    code = getattr(found, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _BY_CODE:
        return _BY_CODE[code & 0xFF]
    return next((failure for fragment, failure in _BY_TEXT if fragment in message), None)


def is_damage(error: sqlite3.Error) -> bool:
    """True when SQLite found the file damaged, not when it could not read or write it.

    A bare ``DatabaseError`` of unknown cause counts as damage, as it always did;
    an ``OperationalError`` (the disk, a lock, permissions) never does.
    """
    failure = database_failure(error)
    if failure is not None:
        return failure.damaged
    return not isinstance(error, sqlite3.OperationalError)


def cannot_open_failure(path: Path) -> Failure:
    """Why SQLite could not open ``path`` ("unable to open database file"), found out.

    A missing file, or a folder nothing can be created in: SQLite needs to create
    its journal beside the workbook. The folder is tried with a nameless temporary
    file, which leaves nothing behind.
    """
    path = Path(path)
    if not path.exists():
        return Failure("the file is no longer there", "check where it was moved to")
    try:
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError as exc:
        return folder_not_writable(os_error_reason(exc), "a journal")
    return CANNOT_OPEN


def folder_not_writable(reason: str, what: str) -> Failure:
    """The workbook's folder refuses ``what`` Hiring Desk keeps beside the workbook."""
    return Failure(
        f"its folder cannot be written to ({reason})",
        f"Hiring Desk keeps {what} beside the workbook: make the folder writable, "
        "or copy the workbook to a folder you can write to",
    )
