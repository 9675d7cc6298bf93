"""Shared column helpers for the workbook tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Field

from hiring_desk import clock


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC, as every timestamp column expects."""
    return clock.now()


def version_field() -> Any:
    """A record's version: 1 when made, one more at each guarded change (revision 0010).

    Services compare it with the version a window showed and write with
    ``UPDATE ... WHERE version = :shown`` (``services.common.versions``).
    """
    return Field(default=1, sa_column_kwargs={"server_default": text("1")})
