"""A report of how hiring is going, for one role or all and a range of days.

:func:`build_report` gathers every figure in one read transaction (see
``report_figures`` for what each one counts); :func:`export_pdf` prints it with
the letterhead through ``documents.report_pdf``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hiring_desk import clock
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import (
    NotFoundError,
    ValidationError,
    reporting_write_failures,
)
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.reports import report_outcomes, report_queries, report_steps
from hiring_desk.services.reports.report_figures import Report, ReportScope
from hiring_desk.services.team import company
from hiring_desk.store import Workbook
from hiring_desk.store.models import Role

ALL_ROLES = "All roles"


def check_scope(scope: ReportScope) -> None:
    """Refuse a range that ends before it starts (ValidationError, field "to")."""
    if scope.from_day and scope.to_day and scope.to_day < scope.from_day:
        raise ValidationError({"to": "is before the start of the range"})


def build_report(workbook: Workbook, scope: ReportScope, *, today: date | None = None) -> Report:
    """Every figure of the report for ``scope``. Raises NotFoundError for a missing role."""
    require(workbook, Permission.REPORTS)
    check_scope(scope)
    now = clock.now()
    day = today or clock.today()
    where = report_queries.scope_conditions(scope)
    with workbook.transaction() as session:
        title = ALL_ROLES
        if scope.role_id is not None:
            role = session.get(Role, scope.role_id)
            if role is None:
                raise NotFoundError(f"Role {scope.role_id} does not exist.")
            title = role.title
        funnel, sources = report_queries.funnel_and_sources(session, where)
        time_to_hire, time_to_fill = report_queries.hire_times(session, where)
        step_funnel, step_times = report_steps.step_figures(session, where, scope.role_id)
        return Report(
            scope=scope,
            role_title=title,
            made_at=now,
            applications=report_queries.count_applications(session, where),
            funnel=funnel,
            stage_times=report_queries.stage_times(session, where),
            time_to_hire=time_to_hire,
            time_to_fill=time_to_fill,
            sources=sources,
            reasons=report_outcomes.reasons(session, where),
            offers=report_outcomes.offers(session, where, day),
            interviewers=report_outcomes.interviewers(session, where, now),
            step_funnel=step_funnel,
            step_times=step_times,
        )


def export_pdf(
    workbook: Workbook, scope: ReportScope, out: Path, *, today: date | None = None
) -> Path:
    """Print the report as a PDF with the letterhead; returns ``out``.

    Written whole or not at all; raises ServiceError when it cannot be written.
    """
    require(workbook, Permission.REPORTS)
    from hiring_desk.documents.letterhead import Letterhead
    from hiring_desk.documents.report_pdf import report_to_pdf
    from hiring_desk.services.reports.report_sections import document_of

    report = build_report(workbook, scope, today=today)
    profile = company.get_company(workbook)
    document = document_of(report, profile.locale)
    letterhead = Letterhead(
        company_name=profile.name, address=profile.address, logo=profile.logo, title=document.title
    )
    with reporting_write_failures(out):
        report_to_pdf(document, out, letterhead)
    with workbook.transaction() as session:
        audit.record(session, "print_report", "role", scope.role_id)
    return out
