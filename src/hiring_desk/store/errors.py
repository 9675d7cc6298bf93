"""Why a workbook could not be opened or created. Each message is one line."""

from __future__ import annotations

from pathlib import Path


class WorkbookError(Exception):
    """A workbook could not be used; ``str(error)`` is a one-line reason."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = _one_line(reason)
        super().__init__(f"{_one_line(self.path.name)}: {self.reason}")


def _one_line(text: str, limit: int = 300) -> str:
    """Collapse whitespace (SQLite's reports span lines) and cap the length."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class NotAWorkbookError(WorkbookError):
    """The file is not a Hiring Desk workbook; it was left untouched."""


class NewerSchemaError(WorkbookError):
    """The workbook was written by a newer Hiring Desk; it was left untouched."""


class WorkbookLockedError(WorkbookError):
    """The workbook is already open in another Hiring Desk window."""


class WorkbookDamagedError(WorkbookError):
    """The workbook failed its integrity check."""


class WorkbookExistsError(WorkbookError):
    """A new workbook was asked for where a file already exists."""


class MigrationError(WorkbookError):
    """Upgrading the workbook failed; the original file is unchanged."""
