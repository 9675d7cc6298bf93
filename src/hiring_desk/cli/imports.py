"""``import candidates FILE`` and ``import email FILE...``: the window's imports and reports."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiring_desk.cli.output import out
from hiring_desk.cli.registry import EXIT_OK, add_workbook_argument, command


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    candidates = sub.add_parser(
        "candidates",
        help="candidates from a CSV or tab-separated file, in any common encoding",
        description=(
            "Import candidates from a spreadsheet export (CSV or tab-separated text; "
            "UTF-8, UTF-16 or Windows-1252; commas, semicolons or tabs) whose header "
            "names the columns: name (or first and last name), email, phone, location, "
            "source, current title, years of experience, salary expectation, currency, "
            "notice, skills, tags, LinkedIn, GitHub, portfolio, notes and their usual "
            "synonyms. Other columns are kept in each candidate's notes. An amount "
            "without a currency takes the workbook's default currency (or --currency); "
            "a value that cannot be read is kept in the notes and named in the report. "
            "Rows of people already in the workbook (same email or phone, or a very "
            "similar name) are skipped; every skipped row is listed by line number."
        ),
    )
    candidates.add_argument("file", type=Path, metavar="FILE", help="the file to read")
    add_workbook_argument(candidates, "the workbook to import into")
    candidates.add_argument(
        "--role", metavar="ROLE", help="also apply every imported candidate to this role"
    )
    candidates.add_argument(
        "--currency",
        metavar="CODE",
        help="the currency of amounts that name none (default: the workbook's)",
    )
    candidates.add_argument(
        "--skip-possible-duplicates",
        action="store_true",
        help="do not import rows whose name is a candidate's but whose email or phone differ",
    )
    email = sub.add_parser(
        "email",
        help="applications received by email: .eml files or .mbox mailboxes",
        description=(
            "Import applications received by email, saved from a mail program as .eml "
            "files or an .mbox mailbox. Each sender becomes a candidate (name and address "
            "from the message), the message is kept in their notes, and attached CVs (PDF, "
            "Word .docx, OpenDocument .odt, text) are attached and their text searched. "
            "Programs, archives and other files are refused and never stored. Senders "
            "already in the workbook (same email address) are skipped and listed."
        ),
    )
    email.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="the .eml or .mbox files to read"
    )
    add_workbook_argument(email, "the workbook to import into")
    email.add_argument(
        "--role", metavar="ROLE", help="also apply every imported candidate to this role"
    )
    email.add_argument(
        "--skip-possible-duplicates",
        action="store_true",
        help="do not import senders whose name is a candidate's but whose address differs",
    )


@command(
    "import",
    help="import candidates from a CSV file, or applications received by email",
    description="Import records from files. WHAT is: candidates, email.",
    arguments=_import_arguments,
)
def _run_import(args: argparse.Namespace) -> int:
    if args.what == "email":
        return _import_email(args)
    from dataclasses import replace

    from hiring_desk.services.candidates.csv_import import (
        default_options,
        import_candidates,
        read_delimited,
    )
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.workbook.opening import open_workbook

    path: Path = args.file
    table = read_delimited(path.read_bytes(), path.name)
    with open_workbook(args.workbook) as workbook:
        options = default_options(workbook, table)
        if args.role:
            options = replace(options, role_id=role_records.find_role(workbook, args.role).id)
        if args.currency:
            options = replace(options, default_currency=args.currency.strip().upper())
        report = import_candidates(
            workbook, table, options, skip_possible_duplicates=args.skip_possible_duplicates
        )
    out(report.text())
    return EXIT_OK


def _import_email(args: argparse.Namespace) -> int:
    from hiring_desk.services.candidates.email_applications import import_email_files
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.workbook.opening import open_workbook

    with open_workbook(args.workbook) as workbook:
        role_id = role_records.find_role(workbook, args.role).id if args.role else None
        report = import_email_files(
            workbook,
            args.files,
            role_id=role_id,
            skip_possible_duplicates=args.skip_possible_duplicates,
        )
    out(report.text())
    return EXIT_OK
