"""``export ics``: interviews as an iCalendar file (one interview, a role's, or a day's).

Registered as the ``ics`` entry of ``documents.EXPORTABLES``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from hiring_desk.cli.output import out, writing_out_file
from hiring_desk.cli.registry import EXIT_OK, add_workbook_argument

HELP = "interviews (one, a role's, or a day's) as an .ics file for any calendar program"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-06-02") from None


def arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to read")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--interview",
        type=int,
        metavar="ID",
        help="one interview, by the id 'list interviews' shows",
    )
    which.add_argument(
        "--role", metavar="ROLE", help="every interview of a role (its id or exact title)"
    )
    which.add_argument(
        "--day",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the interviews on that date (each in its own time zone)",
    )
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the .ics file to write (required)"
    )


def run(args: argparse.Namespace) -> int:
    from hiring_desk.services.interviews import calendar_export
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.workbook.opening import open_workbook

    with writing_out_file(args.out, args.workbook):
        with open_workbook(args.workbook) as workbook:
            if args.interview is not None:
                data = calendar_export.ics_for_interviews(workbook, [args.interview])
            elif args.role is not None:
                role = role_records.find_role(workbook, args.role)
                data = calendar_export.ics_for_role(workbook, role.id)
            else:
                data = calendar_export.ics_for_day(workbook, args.day)
        written = calendar_export.write_ics(data, args.out)
        count = data.count(b"\r\nBEGIN:VEVENT\r\n")
        out(f"Wrote {count} interview{'s' if count != 1 else ''} to {written}")
    return EXIT_OK
