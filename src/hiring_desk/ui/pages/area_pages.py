"""The Interviews and Offers pages as built so far (and the roles' columns).

Each lists what the workbook holds, sortable by any column, and says plainly
that adding and editing in that area is not built yet.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtWidgets import QWidget

from hiring_desk.domain.formatting import format_day, format_moment
from hiring_desk.domain.vocab import InterviewStatus
from hiring_desk.services import interviews
from hiring_desk.services.interviews import InterviewSummary
from hiring_desk.services.roles import RoleSummary
from hiring_desk.ui.pages.overview_page import OverviewPage
from hiring_desk.ui.table_model import Column

_NOT_YET = "Adding and editing {what} is not built yet in this version; this page lists them."


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def role_columns(locale: str) -> list[Column[RoleSummary]]:
    return [
        Column("Title", lambda r: r.title),
        Column("Status", lambda r: r.status_label),
        Column("Headcount", lambda r: str(r.headcount), lambda r: r.headcount, True),
        Column("Candidates", lambda r: str(r.candidate_count), lambda r: r.candidate_count, True),
        Column("Target date", lambda r: format_day(r.target_date, locale), lambda r: r.target_date),
        Column("Location", lambda r: r.location),
        Column("Hiring manager", lambda r: r.hiring_manager),
    ]


def interview_columns(locale: str) -> list[Column[InterviewSummary]]:
    return [
        Column(
            "When",
            lambda i: format_moment(i.starts_at, locale, _zone(i.timezone)),
            lambda i: i.starts_at,
        ),
        Column("Candidate", lambda i: i.candidate_name),
        Column("Role", lambda i: i.role_title),
        Column("Round", lambda i: i.round_name),
        Column("Length", lambda i: f"{i.duration_minutes} min", lambda i: i.duration_minutes, True),
        Column("Status", lambda i: InterviewStatus(i.status).label),
    ]


def interviews_page(parent: QWidget | None = None) -> OverviewPage[InterviewSummary]:
    return OverviewPage(
        "interviews",
        _NOT_YET.format(what="interviews and scorecards"),
        "No interviews in this workbook yet.",
        interview_columns,
        interviews.list_interviews,
        parent,
    )
