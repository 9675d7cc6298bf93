"""One app instance per workbook: an OS-level lock on a file beside the workbook.

The OS releases the lock when the process ends, so a crash never leaves a
workbook locked for ever.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from hiring_desk.store.errors import WorkbookLockedError
from hiring_desk.workbook_files import lock_file_of

#: The hidden lock file beside a workbook (kept after use: deleting it would race).
lock_path_for = lock_file_of


class WorkbookLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = FileLock(str(lock_path_for(self.path)), timeout=0, is_singleton=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise WorkbookLockedError(
                self.path, "it is already open in another Hiring Desk window"
            ) from None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    @property
    def is_locked(self) -> bool:
        return bool(self._lock.is_locked)
