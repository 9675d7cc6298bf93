"""Shared column helpers for the workbook tables."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC, as every timestamp column expects."""
    return datetime.now(UTC)
