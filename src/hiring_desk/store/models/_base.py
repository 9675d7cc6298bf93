"""Shared column helpers for the workbook tables."""

from __future__ import annotations

from datetime import datetime

from hiring_desk import clock


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC, as every timestamp column expects."""
    return clock.now()
