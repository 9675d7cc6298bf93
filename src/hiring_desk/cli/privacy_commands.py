"""``erase candidate`` and ``export candidate``: the right to erasure and the right of access.

``erase candidate ID`` asks before it erases when run in a terminal; anywhere else
(a script, a pipe) it needs ``--yes`` and refuses without it, so nothing is erased
by accident. ``export candidate`` is the ``candidate`` entry of
``documents.EXPORTABLES``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hiring_desk.cli.output import out, write, writing_out_file
from hiring_desk.cli.registry import EXIT_OK, CommandError, add_workbook_argument, command

EXPORT_HELP = (
    "everything held about one candidate (JSON and their files, zipped), for an access request"
)
_YES = frozenset({"y", "yes"})


def _candidate_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "id", type=int, metavar="ID", help="the candidate's id (see 'list candidates')"
    )


# -- export candidate ---------------------------------------------------------------------


def export_arguments(parser: argparse.ArgumentParser) -> None:
    _candidate_id(parser)
    add_workbook_argument(parser, "the workbook to read")
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE.zip",
        help="the zip file to write (required)",
    )


def run_export(args: argparse.Namespace) -> int:
    from hiring_desk.services.privacy import consent_retention
    from hiring_desk.services.workbook.opening import open_workbook

    with writing_out_file(args.out, args.workbook):
        with open_workbook(args.workbook) as workbook:
            report = consent_retention.export_candidate(workbook, args.id, args.out)
        files = f"{report.files} attached file{'s' if report.files != 1 else ''}"
        out(f"Wrote everything held about candidate {args.id} ({files}) to {report.path}")
    return EXIT_OK


# -- erase candidate ---------------------------------------------------------------------


def _erase_candidate_arguments(parser: argparse.ArgumentParser) -> None:
    _candidate_id(parser)
    add_workbook_argument(parser, "the workbook to change")
    parser.add_argument(
        "--yes",
        action="store_true",
        help="erase without asking (needed when not run in a terminal)",
    )


def _erase_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    help_text = "erase one candidate's personal data"
    _erase_candidate_arguments(sub.add_parser("candidate", help=help_text, description=help_text))


def _confirmed(candidate_id: int, name: str) -> bool:
    """Ask in the terminal; refuse (CommandError) when there is no terminal to ask in."""
    stdin = sys.stdin
    if stdin is None or not stdin.isatty():
        raise CommandError(
            "not erasing without confirmation: run in a terminal to be asked, or add --yes"
        )
    write(
        f"Erase the personal data of {name} (candidate {candidate_id})? "
        "Their name, contact details, notes and files are removed for good; "
        "anonymous counts stay.",
        sys.stdout,
    )
    sys.stdout.write("Type 'yes' to erase: ")
    sys.stdout.flush()
    return stdin.readline().strip().casefold() in _YES


@command(
    "erase",
    help="erase a candidate's personal data (asks first unless --yes)",
    description=(
        "Erase one candidate's personal data for good: their record is kept but "
        "anonymised (so counts per stage, source and role still add up), their files, "
        "skills, tags and search entry are removed, their name and email are scrubbed "
        "from notes, scorecards, offers and the activity log, and the workbook file is "
        "rewritten so no trace is left in it. A backup is taken first. In a terminal you "
        "are asked to confirm; elsewhere --yes is required."
    ),
    arguments=_erase_arguments,
)
def _run_erase(args: argparse.Namespace) -> int:
    from hiring_desk.services.candidates import candidate_records
    from hiring_desk.services.candidates.erased_guard import ErasedCandidateError
    from hiring_desk.services.privacy import consent_retention
    from hiring_desk.services.workbook.opening import open_workbook

    with open_workbook(args.workbook) as workbook:
        if consent_retention.privacy_info(workbook, args.id).is_erased:
            raise ErasedCandidateError(f"Candidate {args.id}'s personal data is already erased.")
        name = candidate_records.get_candidate(workbook, args.id).record.name
        if not args.yes and not _confirmed(args.id, name):
            raise CommandError("nothing was erased")
        report = consent_retention.erase_candidate(workbook, args.id)
    out(f"Erased the personal data of candidate {args.id}.")
    if report.backup is not None:
        out(f"A backup taken just before is at {report.backup}")
    return EXIT_OK
