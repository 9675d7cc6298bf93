"""``print offer``: an offer's letter as a PDF.

The first print keeps the letter with the offer; every later print gives the
same letter. ``--regenerate`` makes it again from a template, which is allowed
only while the offer is a draft or approved. A letter with unknown or empty
merge fields is refused, with every problem named. A letter of an offer not
yet approved is printed with DRAFT across every page, and stderr says why.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hiring_desk.cli.output import out, write, writing_out_file
from hiring_desk.cli.registry import EXIT_OK, add_workbook_argument

HELP = "an offer's letter as a PDF (the first print is kept; reprints give the same letter)"


def arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to read")
    parser.add_argument(
        "--offer", required=True, type=int, metavar="ID", help="the offer's id (required)"
    )
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the PDF file to write (required)"
    )
    parser.add_argument(
        "--template",
        metavar="KEY",
        help="the letter template: full-time-employee, part-time-employee, "
        "fixed-term-contractor or user:ID (default: the one for the offer's employment type, "
        "or the one it was printed from)",
    )
    parser.add_argument(
        "--regenerate",
        action="store_true",
        help="make the letter again from the template instead of reprinting the kept one "
        "(only while the offer is a draft or approved)",
    )


def run(args: argparse.Namespace) -> int:
    from hiring_desk.domain.formatting import format_day
    from hiring_desk.services.offers import offer_letters
    from hiring_desk.services.team import company
    from hiring_desk.services.workbook.opening import open_workbook

    with writing_out_file(args.out, args.workbook):
        with open_workbook(args.workbook) as workbook:
            before = offer_letters.letter_state(workbook, args.offer)
            written = offer_letters.write_letter_pdf(
                workbook, args.offer, args.out, args.template, regenerate=args.regenerate
            )
            after = offer_letters.letter_state(workbook, args.offer)
            locale = company.get_company(workbook).locale
        if before.frozen and not args.regenerate:
            when = format_day(
                before.printed_at.astimezone().date() if before.printed_at else None, locale
            )
            how = f"the letter as first printed on {when}"
        else:
            how = f"the letter from template '{after.template_key}', now kept with the offer"
        out(f"Wrote the offer letter for {after.candidate_name} to {written} ({how})")
        if after.draft_reason:
            write(f"Note: {after.draft_reason} Approve the offer to print it clean.", sys.stderr)
    return EXIT_OK
