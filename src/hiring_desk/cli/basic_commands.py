"""``demo`` and ``check``."""

from __future__ import annotations

import argparse

from hiring_desk.cli.output import out
from hiring_desk.cli.registry import EXIT_OK, CommandError, add_workbook_argument, command
from hiring_desk.services.workbook.locations import Location


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
