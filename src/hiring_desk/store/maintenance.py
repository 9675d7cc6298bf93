"""Leaving no trace of deleted data in the workbook file (SQLite-specific).

Deleting rows in SQLite frees their space but does not wipe it: the old bytes
stay in free pages, in the unused parts of pages, and in the write-ahead log
until something overwrites them. After personal data is erased, ``scrub_free_pages``
rewrites the file so that only live data remains:

1. ``secure_delete`` is switched on for the connection doing the work, so space
   freed from here on is overwritten with zeros;
2. ``VACUUM`` rebuilds the whole database into fresh pages and shrinks the file;
3. ``wal_checkpoint(TRUNCATE)`` copies the rebuilt pages into the main file and
   empties the write-ahead log, which still held the old pages.

The search index (FTS5) keeps removed words in its segments until they are
merged: call ``search.purge_removed`` in the erasing transaction first.

On a team workbook (PostgreSQL) the tables that hold candidates' data are vacuumed
instead: the server drops the deleted rows from them (their space is reused; the
server's own log and the administrator's backups age out as the server is set up).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

#: The tables a team workbook vacuums after an erasure.
_PERSONAL_TABLES = (
    "candidate",
    "candidate_skill",
    "candidate_tag",
    "attachment",
    "candidate_message",
    "candidate_search",
    "task",
    "audit_event",
)


@dataclass(frozen=True)
class ScrubResult:
    """What ``scrub_free_pages`` achieved.

    ``log_emptied`` is False if another connection was still reading, so the
    write-ahead log could not be emptied; it is emptied when the workbook closes.
    """

    pages_before: int
    pages_after: int
    log_emptied: bool


def scrub_free_pages(engine: Engine) -> ScrubResult:
    """Rebuild the workbook file so no deleted data is left in it or in its log.

    Must run outside any transaction on ``engine``. Takes as long as copying the
    file once; readers may go on meanwhile, writers wait.
    """
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for table in _PERSONAL_TABLES:
                connection.exec_driver_sql(f"VACUUM {table}")
        return ScrubResult(0, 0, log_emptied=True)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            pages_before = int(cursor.execute("PRAGMA page_count").fetchone()[0])
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute("VACUUM")
            busy, _log_frames, _copied = cursor.execute(
                "PRAGMA wal_checkpoint(TRUNCATE)"
            ).fetchone()
            pages_after = int(cursor.execute("PRAGMA page_count").fetchone()[0])
        finally:
            cursor.close()
    finally:
        raw.close()
    return ScrubResult(pages_before, pages_after, log_emptied=busy == 0)
