"""Consistent copies of a workbook through SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from hiring_desk.store.engine import connect_raw


def copy_workbook(
    source: Path, destination: Path, *, replace: bool = False, journal_mode: str = "DELETE"
) -> Path:
    """Write a consistent copy of ``source`` to ``destination``.

    The copy is written to a temporary file beside the destination, checked,
    flushed to disk and only then renamed into place, so a failure never leaves
    a half-written file under the destination's name. An existing destination
    is refused unless ``replace`` is true.
    """
    destination = Path(destination)
    if destination.exists() and not replace:
        raise FileExistsError(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = connect_raw(source)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
            dst.execute(f"PRAGMA journal_mode = {journal_mode}")
            result = dst.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise sqlite3.DatabaseError(f"the copy failed its check: {result}")
        finally:
            dst.close()
    finally:
        src.close()
    with partial.open("rb") as fh:
        os.fsync(fh.fileno())
    partial.replace(destination)
    return destination


def backup_name(workbook: Path, reason: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{workbook.stem}.{stamp}.{reason}{workbook.suffix}"
