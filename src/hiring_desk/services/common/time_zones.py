"""Time zones: the IANA names this machine knows, the computer's own, the workbook's.

Interviews are kept as a UTC moment plus the IANA name of the zone they were
booked in. A local time that does not exist (the clocks jump over it in spring)
is refused; one that happens twice (the clocks go back in autumn) means the
first of the two.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, date, datetime, time, tzinfo
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from hiring_desk.domain.formatting import format_day
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.store import Workbook
from hiring_desk.store.models import WorkbookSetting

#: The WorkbookSetting key holding the workbook's time zone (an IANA name).
TIMEZONE_SETTING = "timezone"


@cache
def _zone_names() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def known_timezones() -> list[str]:
    """Every IANA time zone name this machine knows, sorted."""
    return sorted(_zone_names().values())


def canonical_timezone(name: str) -> str | None:
    """The IANA name as the database spells it (case ignored), or None if unknown."""
    return _zone_names().get(name.strip().casefold())


def unknown_zone_message(name: str) -> str:
    return f"'{name.strip()}' is not a time zone this app knows; use a name such as Europe/Dublin"


def zone_or_utc(name: str) -> tzinfo:
    """The zone called ``name``; UTC when this machine does not know it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def as_utc(value: datetime) -> datetime:
    """A stored timestamp (naive means UTC) as an aware UTC datetime."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def local_to_utc(day: date, start: time, zone_name: str) -> datetime:
    """The aware UTC moment of a local wall-clock time; ValueError if it does not exist.

    An ambiguous time (it happens twice when the clocks go back) is the first one.
    """
    zone = ZoneInfo(zone_name)
    local = datetime.combine(day, start.replace(tzinfo=None, fold=0), tzinfo=zone)
    moment = local.astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise ValueError(
            f"{start:%H:%M} does not exist on {format_day(day)} in {zone_name}: the clocks "
            "go forward at that time. Choose a time outside the change."
        )
    return moment


def system_timezone(etc: Path = Path("/etc")) -> str:
    """This computer's time zone as an IANA name, or "UTC" when it cannot be told.

    Looks at ``TZ``, then ``/etc/timezone``, then where ``/etc/localtime`` points.
    Zone abbreviations ("EST", "CET") are not trusted: several are fixed offsets
    that ignore daylight saving. Windows names its zones its own way, so there
    (and wherever nothing else says) the answer is UTC and the workbook's own
    time zone setting should decide.
    """
    candidates = [os.environ.get("TZ", "").removeprefix(":")]
    with contextlib.suppress(OSError, UnicodeDecodeError):
        candidates.append((etc / "timezone").read_text(encoding="utf-8").strip())
    with contextlib.suppress(OSError, RuntimeError):
        target = (etc / "localtime").resolve(strict=True).as_posix()
        if "/zoneinfo/" in target:
            key = target.split("/zoneinfo/", 1)[1]
            candidates.append(key.removeprefix("posix/").removeprefix("right/"))
    for candidate in candidates:
        if candidate and (name := canonical_timezone(candidate)):
            return name
    return "UTC"


def default_timezone(workbook: Workbook) -> str:
    """The workbook's time zone setting, or this computer's zone when it has none."""
    with workbook.transaction() as session:
        setting = session.get(WorkbookSetting, TIMEZONE_SETTING)
        value = setting.value if setting is not None else ""
    return canonical_timezone(value) or system_timezone()


def set_default_timezone(workbook: Workbook, name: str) -> str:
    """Make ``name`` the workbook's time zone for new interviews; returns its IANA spelling."""
    require(workbook, Permission.COMPANY)
    zone = canonical_timezone(name)
    if zone is None:
        raise ValidationError({"timezone": unknown_zone_message(name)})
    with workbook.transaction() as session:
        setting = session.get(WorkbookSetting, TIMEZONE_SETTING)
        setting = setting or WorkbookSetting(key=TIMEZONE_SETTING)
        setting.value = zone
        session.add(setting)
        audit.record(session, "edit", "workbook_setting", None, {"key": TIMEZONE_SETTING})
    return zone
