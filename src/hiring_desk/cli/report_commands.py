"""``report`` (the figures, as text or JSON) and ``print report`` (the PDF).

``print report`` is registered as the ``report`` entry of ``documents.PRINTABLES``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hiring_desk.cli.output import out, out_json, writing_out_file
from hiring_desk.cli.registry import EXIT_OK, add_workbook_argument, command

if TYPE_CHECKING:
    from hiring_desk.services.reports.report_figures import ReportScope
    from hiring_desk.services.workbook.opening import Workbook

PRINT_HELP = "a hiring report (funnel, times, sources, reasons, offers, interviewers) as a PDF"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-06-02") from None


def _scope_arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to read")
    parser.add_argument(
        "--role", metavar="ROLE", help="one role (its id or exact title); all if left out"
    )
    parser.add_argument(
        "--from", dest="from_day", type=_day, metavar="YYYY-MM-DD",
        help="count applications made on or after this day",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="to_day", type=_day, metavar="YYYY-MM-DD",
        help="count applications made on or before this day",
    )  # fmt: skip


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    _scope_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def print_arguments(parser: argparse.ArgumentParser) -> None:
    _scope_arguments(parser)
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the PDF file to write (required)"
    )


def _scope(workbook: Workbook, args: argparse.Namespace) -> ReportScope:
    from hiring_desk.services.reports.report_figures import ReportScope
    from hiring_desk.services.roles import role_records

    role_id = role_records.find_role(workbook, args.role).id if args.role else None
    return ReportScope(role_id, args.from_day, args.to_day)


@command(
    "report",
    help="how hiring is going: funnel, time in stage, sources, reasons, offers, interviewers",
    description="Print the hiring report's figures for one role or all, and a range of "
    "application days: as readable tables, or with --json as JSON.",
    arguments=_report_arguments,
)
def _run_report(args: argparse.Namespace) -> int:
    from hiring_desk.services.reports.report_sections import as_text, document_of
    from hiring_desk.services.reports.reports import build_report
    from hiring_desk.services.team import company
    from hiring_desk.services.workbook.opening import open_workbook

    with open_workbook(args.workbook) as workbook:
        report = build_report(workbook, _scope(workbook, args))
        locale = company.get_company(workbook).locale
    if args.json:
        out_json(report.as_dict())
    else:
        out(as_text(document_of(report, locale)).rstrip("\n"))
    return EXIT_OK


def run_print(args: argparse.Namespace) -> int:
    from hiring_desk.services.reports.reports import export_pdf
    from hiring_desk.services.workbook.opening import open_workbook

    with writing_out_file(args.out, args.workbook):
        with open_workbook(args.workbook) as workbook:
            written = export_pdf(workbook, _scope(workbook, args), args.out)
        out(f"Wrote the hiring report to {written}")
    return EXIT_OK
