"""Recognising a workbook file from its header, without opening it with SQLite.

Reading the first 100 bytes cannot change a file, so a file that turns out not
to be a workbook is left exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from hiring_desk.store.errors import NotAWorkbookError
from hiring_desk.workbook_files import (
    SQLITE_HEADER_SIZE,
    SQLITE_MAGIC,
    application_id,
)
from hiring_desk.workbook_files import WORKBOOK_APPLICATION_ID as APPLICATION_ID

__all__ = [
    "APPLICATION_ID",
    "MARKER_TABLE",
    "SQLITE_MAGIC",
    "check_is_workbook",
    "read_application_id",
]
#: On PostgreSQL, the table that marks a database as a workbook (a file has its
#: header's ``APPLICATION_ID``); made by revision 0001, it has no model.
MARKER_TABLE = "hiring_desk_workbook"
_FORMAT_VERSIONS_OFFSET = 18  # file format write and read versions: 2 means WAL


def read_application_id(path: Path) -> int:
    """The application id in an SQLite file's header; raises if not SQLite."""
    try:
        with Path(path).open("rb") as fh:
            header = fh.read(SQLITE_HEADER_SIZE)
    except IsADirectoryError:
        raise NotAWorkbookError(path, "this is a folder, not a workbook file") from None
    except PermissionError:
        raise NotAWorkbookError(path, "permission denied when reading the file") from None
    except FileNotFoundError:
        raise NotAWorkbookError(path, "the file does not exist") from None
    found = application_id(header)
    if found is None:
        raise NotAWorkbookError(path, "not a Hiring Desk workbook (not an SQLite database)")
    return found


def uses_wal(path: Path) -> bool:
    """True when the file's header says it is in WAL mode (both format versions 2)."""
    try:
        with Path(path).open("rb") as fh:
            versions = fh.read(SQLITE_HEADER_SIZE)[
                _FORMAT_VERSIONS_OFFSET : _FORMAT_VERSIONS_OFFSET + 2
            ]
    except OSError:
        return False
    return versions == b"\x02\x02"


def check_is_workbook(path: Path) -> None:
    """Raise ``NotAWorkbookError`` unless the file carries the workbook's application id."""
    if read_application_id(path) != APPLICATION_ID:
        raise NotAWorkbookError(
            path, "an SQLite database, but not a Hiring Desk workbook (wrong application id)"
        )
