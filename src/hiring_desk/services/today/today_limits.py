"""How late is late for the Today view: three workbook preferences.

Hours after an interview ends before a missing scorecard is overdue, days
before an offer's expiry that it shows as expiring, and days a candidate may
wait in an open stage before they show as idle. Each lives in a
``WorkbookSetting``; a missing or unreadable value falls back to its default.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.store import Workbook
from hiring_desk.store.models import WorkbookSetting

__all__ = [
    "LIMIT_RANGES",
    "TodayLimits",
    "check_limits",
    "get_limits",
    "read_limits",
    "set_limits",
]

SCORECARD_HOURS_SETTING = "today_scorecard_hours"
OFFER_DAYS_SETTING = "today_offer_expiry_days"
IDLE_DAYS_SETTING = "today_idle_days"


@dataclass(frozen=True)
class TodayLimits:
    scorecard_hours: int = 24
    offer_days: int = 3
    idle_days: int = 7


#: field -> (setting key, lowest, highest, what it is called in a message)
LIMIT_RANGES: dict[str, tuple[str, int, int, str]] = {
    "scorecard_hours": (SCORECARD_HOURS_SETTING, 1, 720, "hours"),
    "offer_days": (OFFER_DAYS_SETTING, 0, 90, "days"),
    "idle_days": (IDLE_DAYS_SETTING, 1, 365, "days"),
}


def check_limits(limits: TodayLimits) -> dict[str, str]:
    """Field -> problem, for each limit out of its range (empty when all are fine)."""
    problems: dict[str, str] = {}
    for field, (_key, low, high, unit) in LIMIT_RANGES.items():
        value = getattr(limits, field)
        if not low <= value <= high:
            problems[field] = f"must be between {low} and {high} {unit}"
    return problems


def read_limits(session: Session) -> TodayLimits:
    """The limits as saved in this session's workbook (defaults where unset or unreadable)."""
    default = TodayLimits()
    values: dict[str, int] = {}
    for field, (key, low, high, _unit) in LIMIT_RANGES.items():
        setting = session.get(WorkbookSetting, key)
        try:
            value = int(setting.value) if setting is not None else getattr(default, field)
        except ValueError:
            value = getattr(default, field)
        values[field] = value if low <= value <= high else getattr(default, field)
    return TodayLimits(**values)


def get_limits(workbook: Workbook) -> TodayLimits:
    with workbook.transaction() as session:
        return read_limits(session)


def set_limits(workbook: Workbook, limits: TodayLimits) -> TodayLimits:
    """Save the three limits. Raises ValidationError naming each one out of range."""
    require(workbook, Permission.COMPANY)
    if problems := check_limits(limits):
        raise ValidationError(problems)
    with workbook.transaction() as session:
        for field, (key, *_rest) in LIMIT_RANGES.items():
            value = str(getattr(limits, field))
            setting = session.get(WorkbookSetting, key) or WorkbookSetting(key=key)
            if setting.value != value:
                setting.value = value
                session.add(setting)
                audit.record(session, "edit", "workbook_setting", None, {"key": key})
    return limits
