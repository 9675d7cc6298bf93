"""What identifies a workbook's files: the SQLite header, its working files, its lock.

Imports nothing from the package, so that ``store`` (recognising and locking a
workbook) and ``safe_output`` (refusing to write over one) share one definition.
"""

from __future__ import annotations

from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
#: ``PRAGMA application_id`` of every workbook: the bytes "HDW1".
WORKBOOK_APPLICATION_ID = 0x48445731
SQLITE_HEADER_SIZE = 100
APPLICATION_ID_OFFSET = 68
#: The start of a write-ahead log (either byte order of its checksums).
WAL_MAGICS = (bytes.fromhex("377f0682"), bytes.fromhex("377f0683"))
#: The start of a rollback journal.
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
#: Files SQLite may keep beside a database (write-ahead log, its index, a rollback journal).
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")


def application_id(header: bytes) -> int | None:
    """The application id in an SQLite database's header; None if ``header`` is not one."""
    if len(header) < SQLITE_HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return None
    return int.from_bytes(header[APPLICATION_ID_OFFSET : APPLICATION_ID_OFFSET + 4], "big")


def is_sqlite_side_file(header: bytes) -> bool:
    """True for the start of a write-ahead log or a rollback journal."""
    return header.startswith(WAL_MAGICS) or header.startswith(JOURNAL_MAGIC)


def side_files_of(database: Path) -> tuple[Path, ...]:
    """The working files SQLite may keep beside ``database``."""
    return tuple(database.with_name(database.name + suffix) for suffix in SIDE_FILE_SUFFIXES)


def lock_file_of(workbook: Path) -> Path:
    """The hidden lock file beside a workbook (kept after use: deleting it would race)."""
    return workbook.with_name(f".{workbook.name}.lock")
