"""The one clock: what the app takes "now" and "today" to be.

Every part of the app that needs the time or the date asks here, never
``date.today()`` or ``datetime.now()`` directly. ``fixed`` sets a moment that
stands still until it is cleared; the tests use it so that what depends on the
day (the demo's dates, a letter's date, who is due for deletion) comes out the
same on any day the tests run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

_fixed: datetime | None = None


def now() -> datetime:
    """The current moment, timezone-aware in UTC (what timestamp columns hold)."""
    return _fixed if _fixed is not None else datetime.now(UTC)


def local_now() -> datetime:
    """The current wall-clock time in this computer's zone, without a zone."""
    if _fixed is not None:
        return _fixed.astimezone().replace(tzinfo=None)
    return datetime.now()


def today() -> date:
    """Today's date in this computer's zone."""
    return local_now().date()


@contextmanager
def fixed(moment: datetime) -> Iterator[datetime]:
    """Within the block, ``now()`` is ``moment`` (which must carry a zone)."""
    global _fixed
    if moment.tzinfo is None:
        raise ValueError("a fixed moment needs a time zone")
    before, _fixed = _fixed, moment.astimezone(UTC)
    try:
        yield _fixed
    finally:
        _fixed = before
