"""``print comparison``: two to five candidates of a role side by side, as a PDF.

Registered as the ``comparison`` entry of ``documents.PRINTABLES``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hiring_desk.cli.output import out, writing_out_file
from hiring_desk.cli.registry import EXIT_OK, add_workbook_argument

HELP = "a shortlist comparison of 2 to 5 candidates of a role, as a landscape PDF"


def arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to read")
    parser.add_argument(
        "--role", required=True, metavar="ROLE", help="the role's id or its exact title (required)"
    )
    parser.add_argument(
        "--candidate",
        required=True,
        action="append",
        type=int,
        metavar="ID",
        dest="candidates",
        help="a candidate who applied to the role, by the id 'list candidates' shows; "
        "give it 2 to 5 times, in the order the columns should take",
    )
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the PDF file to write (required)"
    )


def run(args: argparse.Namespace) -> int:
    from hiring_desk.services.offers import comparison
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.workbook.opening import open_workbook

    with writing_out_file(args.out, args.workbook):
        with open_workbook(args.workbook) as workbook:
            role = role_records.find_role(workbook, args.role)
            written = comparison.export_pdf(workbook, role.id, args.candidates, args.out)
        count = len(dict.fromkeys(args.candidates))
        out(f"Wrote the comparison of {count} candidates for '{role.title}' to {written}")
    return EXIT_OK
