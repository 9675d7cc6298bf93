"""``import candidates FILE.csv``: the same import as the window's, without a window."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiring_desk.cli.output import out
from hiring_desk.cli.registry import EXIT_OK, add_workbook_argument, command


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    candidates = sub.add_parser(
        "candidates",
        help="candidates from a CSV file (comma or semicolon, UTF-8 or Windows-1252)",
        description=(
            "Import candidates from a CSV file whose header names the columns (name or "
            "first/last name, email, phone, location, source, current title, years of "
            "experience, salary expectation, currency, notice weeks, skills, tags, "
            "linkedin, github, portfolio, notes). Good rows are imported together; "
            "rows that cannot be are listed with their line numbers. Candidates already "
            "in the workbook (same email or phone, or a very similar name) are skipped."
        ),
    )
    candidates.add_argument("file", type=Path, metavar="FILE.csv", help="the CSV file to read")
    add_workbook_argument(candidates, "the workbook to import into")
    candidates.add_argument(
        "--role", metavar="ROLE", help="also apply every imported candidate to this role"
    )


@command(
    "import",
    help="import candidates from a CSV file",
    description="Import records from a file. WHAT is: candidates.",
    arguments=_import_arguments,
)
def _run_import(args: argparse.Namespace) -> int:
    from hiring_desk.services import roles
    from hiring_desk.services.candidate_import import auto_map, import_candidates, read_csv
    from hiring_desk.services.workbooks import open_workbook

    path: Path = args.file
    parsed = read_csv(path.read_bytes(), path.name)
    with open_workbook(args.workbook) as workbook:
        role_id = roles.find_role(workbook, args.role).id if args.role else None
        result = import_candidates(workbook, parsed, auto_map(parsed.header), role_id=role_id)
    out(f"Imported {result.imported}, skipped {len(result.skipped)}")
    for line, reason in result.skipped:
        out(f"  line {line}: {reason}")
    return EXIT_OK
