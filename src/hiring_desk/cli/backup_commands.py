"""``backup`` and ``restore``: consistent copies of a workbook, and putting one back."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiring_desk.cli.output import out
from hiring_desk.cli.registry import EXIT_OK, add_workbook_argument, command


def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to back up")
    parser.add_argument(
        "--out",
        metavar="FILE",
        type=Path,
        default=None,
        help=(
            "write the backup to FILE (never over an existing file) instead of the "
            "workbook's backups folder"
        ),
    )


@command(
    "backup",
    help="take a consistent, checked backup of a workbook",
    description=(
        "Copy a workbook through SQLite's backup API, check the copy and only then give "
        "it its name. Without --out the backup goes to the workbook's own backups folder, "
        "where older backups are thinned; prints the backup's path. Works while the "
        "workbook is open in the window, and from a read-only folder. A workbook that "
        "fails its integrity check is not backed up (exit 1), and its existing backups "
        "are left alone. A backup that cannot be written (a full or read-only disk, an "
        "input/output error) says why (exit 1); the workbook is not changed."
    ),
    arguments=_backup_arguments,
)
def _run_backup(args: argparse.Namespace) -> int:
    from hiring_desk.services.workbook import backups

    info = backups.backup_file(args.workbook, backups.MANUAL, out=args.out)
    out(str(info.path))
    return EXIT_OK


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to replace (it must not be open)")
    parser.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        type=Path,
        required=True,
        help="the backup to restore, e.g. one from the workbook's backups folder (required)",
    )


@command(
    "restore",
    help="replace a workbook with one of its backups, keeping the current file",
    description=(
        "Check FILE (a Hiring Desk workbook, of a schema this version knows, intact) and "
        "put a copy of it in place of the workbook. The current workbook is kept first: "
        "backed up as 'before-restore', or, if it is damaged, renamed beside it to "
        "NAME.damaged-DATE.hiringdesk. The workbook must be closed. Prints where the "
        "previous file was kept."
    ),
    arguments=_restore_arguments,
)
def _run_restore(args: argparse.Namespace) -> int:
    from hiring_desk.services.workbook import backups

    result = backups.restore_backup(args.workbook, args.source)
    out(f"Restored {result.workbook} from {result.restored_from}")
    if result.kept_aside is None:
        out("There was no previous file to keep.")
    elif result.previous_was_damaged:
        out(f"The damaged previous file was kept as {result.kept_aside}")
    else:
        out(f"The previous file was kept as {result.kept_aside}")
    return EXIT_OK
