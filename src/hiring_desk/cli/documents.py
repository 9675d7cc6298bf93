"""``print`` (PDF documents) and ``export`` (files for other programs).

Each is followed by what to print or export (``jd`` today), which has its own
options, so later documents (offer letters, interview packs, calendars) are one
more entry in ``PRINTABLES`` or ``EXPORTABLES``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from hiring_desk.cli import (
    calendar_export,
    comparison_print,
    offer_print,
    pack_print,
    privacy_commands,
    report_commands,
)
from hiring_desk.cli.output import out, writing_out_file
from hiring_desk.cli.registry import EXIT_OK, add_workbook_argument, command

Runner = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]


def _role_and_out(parser: argparse.ArgumentParser, out_help: str) -> None:
    add_workbook_argument(parser, "the workbook to read")
    parser.add_argument(
        "--role", required=True, metavar="ROLE", help="the role's id or its exact title (required)"
    )
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help=f"{out_help} (required)"
    )


def _jd_print_arguments(parser: argparse.ArgumentParser) -> None:
    _role_and_out(parser, "the PDF file to write")


def _jd_export_arguments(parser: argparse.ArgumentParser) -> None:
    _role_and_out(parser, "the file to write")
    parser.add_argument(
        "--format",
        required=True,
        choices=["md", "txt", "html"],
        help="md (Markdown), txt (plain text for job boards) or html (required)",
    )


def _write_jd(args: argparse.Namespace, fmt_value: str) -> int:
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.roles.jd_publishing import JDFormat, write
    from hiring_desk.services.workbook.opening import open_workbook_to_read

    with writing_out_file(args.out, args.workbook):
        with open_workbook_to_read(args.workbook) as workbook:
            role = role_records.find_role(workbook, args.role)
            written = write(workbook, role.id, JDFormat(fmt_value), args.out)
        out(f"Wrote the job description of '{role.title}' to {written}")
    return EXIT_OK


def _candidates_export_arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to read")
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the CSV file to write (required)"
    )
    parser.add_argument(
        "--role", metavar="ROLE", help="only the candidates of this role (id or exact title)"
    )


def _export_candidates(args: argparse.Namespace) -> int:
    from hiring_desk.services.candidates.candidate_table import CandidateFilter
    from hiring_desk.services.candidates.csv_export import export_csv
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.workbook.opening import open_workbook_to_read

    with writing_out_file(args.out, args.workbook):
        with open_workbook_to_read(args.workbook) as workbook:
            role_id = role_records.find_role(workbook, args.role).id if args.role else None
            count = export_csv(workbook, args.out, CandidateFilter(role_id=role_id))
        out(f"Exported {count} candidate{'s' if count != 1 else ''} to {args.out}")
    return EXIT_OK


#: what ``print`` can print: name -> (help, arguments, run)
PRINTABLES: dict[str, tuple[str, Arguments, Runner]] = {
    "jd": (
        "a role's job description (its newest saved version) as a PDF with the letterhead",
        _jd_print_arguments,
        lambda args: _write_jd(args, "pdf"),
    ),
    "offer": (offer_print.HELP, offer_print.arguments, offer_print.run),
    "pack": (pack_print.HELP, pack_print.arguments, pack_print.run),
    "comparison": (comparison_print.HELP, comparison_print.arguments, comparison_print.run),
    "report": (
        report_commands.PRINT_HELP,
        report_commands.print_arguments,
        report_commands.run_print,
    ),
}

#: what ``export`` can export: name -> (help, arguments, run)
EXPORTABLES: dict[str, tuple[str, Arguments, Runner]] = {
    "jd": (
        "a role's job description as Markdown, plain text or HTML, ready to post",
        _jd_export_arguments,
        lambda args: _write_jd(args, args.format),
    ),
    "candidates": (
        "candidates (all, or one role's) as CSV, safe to open in a spreadsheet",
        _candidates_export_arguments,
        _export_candidates,
    ),
    "ics": (calendar_export.HELP, calendar_export.arguments, calendar_export.run),
    "candidate": (
        privacy_commands.EXPORT_HELP,
        privacy_commands.export_arguments,
        privacy_commands.run_export,
    ),
}


def _nested(table: dict[str, tuple[str, Arguments, Runner]]) -> Arguments:
    def add(parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
        for name, (help_text, arguments, _run) in table.items():
            arguments(sub.add_parser(name, help=help_text, description=help_text))

    return add


@command(
    "print",
    help="print a document to PDF (jd, offer, pack, comparison, report)",
    description="Print a document to a PDF file. WHAT is one of: "
    + "; ".join(f"{k}: {v[0]}" for k, v in PRINTABLES.items()),
    arguments=_nested(PRINTABLES),
)
def _run_print(args: argparse.Namespace) -> int:
    return PRINTABLES[args.what][2](args)


@command(
    "export",
    help="export to a file for another program (jd, candidates, ics, candidate)",
    description="Export to a file. WHAT is one of: "
    + "; ".join(f"{k}: {v[0]}" for k, v in EXPORTABLES.items()),
    arguments=_nested(EXPORTABLES),
)
def _run_export(args: argparse.Namespace) -> int:
    return EXPORTABLES[args.what][2](args)
