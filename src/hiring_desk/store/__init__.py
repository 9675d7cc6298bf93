"""The workbook, a file or a team workbook on a PostgreSQL server: tables, sessions, migrations.

Only this package knows the database engine. Services get a ``Workbook`` and run
their queries in ``workbook.transaction()``.

``Workbook``, ``real_path`` and ``same_file`` are loaded on first use: importing the
errors (the window's error hook does, before its first paint) leaves SQLAlchemy out.
"""

from typing import TYPE_CHECKING

from hiring_desk.store.errors import (
    MigrationError,
    NewerSchemaError,
    NotAWorkbookError,
    ServerWorkbookError,
    WorkbookDamagedError,
    WorkbookError,
    WorkbookExistsError,
    WorkbookLockedError,
    WorkbookUnavailableError,
)

if TYPE_CHECKING:
    from hiring_desk.store.workbook import Workbook, real_path, same_file

_FROM_WORKBOOK = ("Workbook", "real_path", "same_file")


def __getattr__(name: str) -> object:
    if name in _FROM_WORKBOOK:
        from hiring_desk.store import workbook

        return getattr(workbook, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MigrationError",
    "NewerSchemaError",
    "NotAWorkbookError",
    "ServerWorkbookError",
    "Workbook",
    "WorkbookDamagedError",
    "WorkbookError",
    "WorkbookExistsError",
    "WorkbookLockedError",
    "WorkbookUnavailableError",
    "real_path",
    "same_file",
]
