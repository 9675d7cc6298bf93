"""``print pack``: the interview pack as a PDF, for a role's candidates or one interview.

Registered as the ``pack`` entry of ``documents.PRINTABLES``. On a terminal, each
candidate laid out is reported on stderr; stdout gets one line when it is done.
A role with no interview plan prints without questions; stderr then says so and
how to give the role its suggested plan.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hiring_desk.cli.output import out, write, writing_out_file
from hiring_desk.cli.registry import EXIT_OK, CommandError, add_workbook_argument

HELP = (
    "the interview pack (cover, schedule, profiles, questions, scorecards) as a PDF, "
    "for a role's candidates or one interview"
)


def arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to read")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--role",
        metavar="ROLE",
        help="the role's id or exact title: by default its candidates at the Interview or "
        "Shortlisted stage and any with an interview scheduled",
    )
    which.add_argument(
        "--interview",
        type=int,
        metavar="ID",
        help="one interview, by the id 'list interviews' shows",
    )
    parser.add_argument(
        "--candidate",
        type=int,
        action="append",
        metavar="ID",
        help="with --role: print these candidates instead (repeat for more)",
    )
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the PDF file to write (required)"
    )


def run(args: argparse.Namespace) -> int:
    from hiring_desk.services.interviews import interview_records, packs
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.workbook.opening import open_workbook_to_read

    if args.candidate and args.interview is not None:
        raise CommandError("--candidate goes with --role, not with --interview")
    with writing_out_file(args.out, args.workbook):
        with open_workbook_to_read(args.workbook) as workbook:
            if args.interview is not None:
                data = packs.pack_for_interview(workbook, args.interview)
                role_id = interview_records.get_interview(workbook, args.interview).role_id
            else:
                role_id = role_records.find_role(workbook, args.role).id
                data = packs.pack_for_role(workbook, role_id, args.candidate)
            no_plan = packs.missing_plan(workbook, role_id)
        chatty = sys.stderr.isatty()
        for step in packs.write_pack(data, args.out):
            if chatty:
                print(f"[{step.done}/{step.total}] {step.candidate}", file=sys.stderr)
        count = len(data.candidates)
        people = f"{count} candidate{'s' if count != 1 else ''}"
        out(f"Wrote the interview pack for {people} to {args.out}")
        if no_plan is not None:
            write(
                f"Note: {no_plan.sentence()} To use it, open the window, choose the role on the "
                "Roles page and click Interview Plan… (or Use Suggested Questions when printing "
                "the pack), then print again.",
                sys.stderr,
            )
    return EXIT_OK
