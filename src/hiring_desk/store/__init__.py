"""The workbook file: tables, engine and sessions, open/create/lock, migrations.

Only this package knows the database engine. Services get a ``Workbook`` and run
their queries in ``workbook.transaction()``.
"""

from hiring_desk.store.errors import (
    MigrationError,
    NewerSchemaError,
    NotAWorkbookError,
    WorkbookDamagedError,
    WorkbookError,
    WorkbookExistsError,
    WorkbookLockedError,
    WorkbookUnavailableError,
)
from hiring_desk.store.workbook import Workbook, real_path, same_file

__all__ = [
    "MigrationError",
    "NewerSchemaError",
    "NotAWorkbookError",
    "Workbook",
    "WorkbookDamagedError",
    "WorkbookError",
    "WorkbookExistsError",
    "WorkbookLockedError",
    "WorkbookUnavailableError",
    "real_path",
    "same_file",
]
