"""Typed errors that services raise and the UI and CLI show."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from hiring_desk.store.errors import WorkbookError, database_failure


class ServiceError(Exception):
    """A request that could not be carried out; ``str(error)`` is for people."""


class ValidationError(ServiceError):
    """Input that was refused. ``errors`` maps each field name to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{_label(k)}: {v}" for k, v in self.errors.items()))


class NotFoundError(ServiceError):
    """The record asked for does not exist (any more)."""


class InUseError(ServiceError):
    """The record cannot be removed because other records refer to it."""


class PermissionDeniedError(ServiceError):
    """The signed-in person's role on a team workbook does not allow this; nothing was
    changed. The message says "You don't have permission to ..."."""


class ChangedMeanwhileError(ServiceError):
    """Someone else changed the record after it was shown; nothing was changed.

    The message says who changed it, to what and when
    (``services.common.versions``); the window shows it and the current state.
    """


@contextlib.contextmanager
def reporting_write_failures(out: Path) -> Iterator[None]:
    """Turn a failure to write ``out`` into a ServiceError naming the file.

    An ``OSError`` (a full disk, a refused target: ``safe_output.UnsafeOutputError``)
    is "Could not write"; a ``ValueError`` from making the document (a company
    logo the PDF library cannot read) is "Could not make".
    """
    try:
        yield
    except OSError as exc:
        raise ServiceError(f"Could not write {out.name}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ServiceError(f"Could not make {out.name}: {exc}") from None


def _label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def workbook_problem(error: BaseException) -> str | None:
    """A sentence for a database error the workbook's file or disk caused (read-only,
    full, in use, missing parts, damaged: store.errors words them); None otherwise."""
    failure = database_failure(error)
    return failure.sentence if failure is not None else None


def known_problem(error: BaseException, workbook: Path | None = None) -> str | None:
    """The reason, for people, for a refused request (a service or workbook error) or a
    database error the workbook's file or disk caused, naming ``workbook`` when given;
    None for anything else (a bug). Never the SQL or its values."""
    if isinstance(error, WorkbookError | ServiceError):
        return str(error) or type(error).__name__
    failure = database_failure(error)
    if failure is None:
        return None
    return f"{workbook.name}: {failure.text}" if workbook else failure.sentence
