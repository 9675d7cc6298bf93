"""``demo``, ``check`` and ``copy``."""

from __future__ import annotations

import argparse

from hiring_desk.cli.output import out
from hiring_desk.cli.registry import EXIT_OK, CommandError, add_workbook_argument, command
from hiring_desk.services.workbook.locations import Location, parse_location


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(
        parser, "where to create the demo workbook; an existing file is never overwritten"
    )


@command(
    "demo",
    help="create a workbook filled with sample roles, candidates, interviews and offers",
    description=(
        "Create a new workbook at PATH filled with sample data, to try Hiring Desk out. "
        "The path is used exactly as given, and an existing file is never overwritten. "
        "A PostgreSQL URL (postgresql://user@host/database) fills that database, which "
        "must exist and be empty."
    ),
    arguments=_demo_arguments,
)
def _run_demo(args: argparse.Namespace) -> int:
    from hiring_desk.services.workbook.opening import refuse_existing

    path: Location = args.workbook
    refuse_existing(path)  # before any demo code runs

    from hiring_desk.services.demo.demo_workbook import create_demo_workbook

    with create_demo_workbook(path):
        pass
    out(f"Created demo workbook {path}")
    return EXIT_OK


# -- check ----------------------------------------------------------------------------


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to check")


@command(
    "check",
    help="check a workbook's health without changing it",
    description=(
        "Check a workbook's integrity, its foreign keys, its schema version and that "
        "no table or column is missing, without changing it: the file is opened "
        'read-only, so a read-only folder is no obstacle. Prints "ok" and exits 0 when '
        "healthy; otherwise exits 1 with the problems on stderr (a file that cannot be "
        "read at all says why, and is not called damaged). Works while the workbook is "
        "open elsewhere."
    ),
    arguments=_check_arguments,
)
def _run_check(args: argparse.Namespace) -> int:
    from hiring_desk.services.workbook.opening import check_workbook

    path: Location = args.workbook
    problems = check_workbook(path)
    if problems:
        raise CommandError(f"{path.name}: {'; '.join(problems)}")
    out("ok")
    return EXIT_OK


# -- copy -----------------------------------------------------------------------------


def _copy_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source",
        metavar="SOURCE",
        type=parse_location,
        help="the workbook to copy: a file, or a PostgreSQL URL (it is only read)",
    )
    parser.add_argument(
        "destination",
        metavar="DEST",
        type=parse_location,
        help="where the copy goes: a new file, or an empty database's PostgreSQL URL",
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help=(
            "replace what DEST holds: a workbook file is replaced once the copy is complete; "
            "a team workbook's tables are emptied and filled in one transaction"
        ),
    )


@command(
    "copy",
    help="copy a whole workbook between a file and a team server (either way)",
    description=(
        "Copy every table of the workbook SOURCE (candidates, attachments, history, "
        "audit trail, settings) to DEST: a file to a PostgreSQL server to move a team up, "
        "a server to a file for a laptop copy or an archive, or file to file, server to "
        "server. SOURCE is opened read-only and never changed (one made by an older "
        "version must be opened once first). DEST gets the current schema; a DEST that "
        "is not empty is refused unless --replace. Before the copy is kept, every "
        "table's row count and every stored file's bytes are compared with SOURCE's; "
        "if anything differs, nothing is kept and the table is named. Prints the rows "
        "copied per table."
    ),
    arguments=_copy_arguments,
)
def _run_copy(args: argparse.Namespace) -> int:
    from hiring_desk.services.workbook.workbook_copy import copy_workbook

    result = copy_workbook(args.source, args.destination, replace=args.replace)
    for table, count in result.counts.items():
        out(f"{table:<24} {count:>8}")
    out(
        f"Copied {result.total} rows in {len(result.counts)} tables and "
        f"{result.files_checked} stored files (checked) from {result.source} to "
        f"{result.destination} in {result.seconds:.1f} s"
    )
    return EXIT_OK
