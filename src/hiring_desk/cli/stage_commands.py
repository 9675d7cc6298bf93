"""``stages ROLE_ID``: a role's stages, and adding, renaming, hiding or removing its own."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hiring_desk.cli.output import Column, format_table, out
from hiring_desk.cli.registry import EXIT_OK, CommandError, add_workbook_argument, command

if TYPE_CHECKING:
    from hiring_desk.services.pipeline.role_stages import StageInfo
    from hiring_desk.services.workbook.opening import Workbook


def _stage_arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook")
    parser.add_argument("role_id", type=int, metavar="ROLE_ID", help="the role's id")
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    add = sub.add_parser(
        "add",
        help="add a stage of the role's own inside a phase",
        description="Add a stage inside one phase of the pipeline (Applied to Offer).",
    )
    add.add_argument("name", metavar="NAME", help="the new stage's name")
    add.add_argument(
        "--phase", required=True, metavar="PHASE", help="the phase it belongs to (required)"
    )
    add.add_argument("--after", metavar="NAME", help="the stage of that phase it comes after")
    rename = sub.add_parser("rename", help="show a stage under another name")
    rename.add_argument("name", metavar="NAME", help="the stage's name now")
    rename.add_argument("new_name", metavar="NEW_NAME", help="its new name")
    for action, words in (("hide", "hide a stage the role does not use"), ("show", "show it")):
        hidden = sub.add_parser(action, help=words)
        hidden.add_argument("name", metavar="NAME", help="the stage's name")
    remove = sub.add_parser(
        "remove",
        help="remove a stage; its applications go to another stage of its phase",
        description=(
            "Remove a stage. The applications at it go to the stage named by --to (of the "
            "same phase), or to the phase's first stage; their history keeps the old name."
        ),
    )
    remove.add_argument("name", metavar="NAME", help="the stage's name")
    remove.add_argument("--to", metavar="NAME", help="where its applications go")
    copy = sub.add_parser("copy", help="start from another role's stages")
    copy.add_argument("--from", dest="from_role", type=int, required=True, metavar="ROLE_ID")


@command(
    "stages",
    help="list a role's stages, or add, rename, hide, show, remove or copy its own",
    description=(
        "List the stages of a role in pipeline order with how many applications are at "
        "each. ACTION changes them: add NAME --phase PHASE [--after NAME], rename NAME "
        "NEW_NAME, hide NAME, show NAME, remove NAME [--to NAME], copy --from ROLE_ID."
    ),
    arguments=_stage_arguments,
)
def _run_stages(args: argparse.Namespace) -> int:
    from hiring_desk.services.pipeline import role_stage_edits as edits
    from hiring_desk.services.pipeline import role_stages
    from hiring_desk.services.workbook.opening import open_workbook, open_workbook_to_read

    if args.action is None:
        with open_workbook_to_read(args.workbook) as workbook:
            _list(role_stages.stages(workbook, args.role_id))
        return EXIT_OK
    with open_workbook(args.workbook) as workbook:
        role = args.role_id
        if args.action == "add":
            phase = edits.phase_named(args.phase)
            made = edits.add_stage(workbook, role, args.name, phase, after=args.after)
            out(f"Added {made.shown_name}")
        elif args.action == "rename":
            edits.rename_stage(workbook, role, _key(workbook, role, args.name), args.new_name)
            out(f"Renamed {args.name} to {args.new_name.strip()}")
        elif args.action in ("hide", "show"):
            hidden = args.action == "hide"
            edits.set_hidden(workbook, role, _key(workbook, role, args.name), hidden)
            out(f"{'Hid' if hidden else 'Showed'} {args.name}")
        elif args.action == "remove":
            target = _key(workbook, role, args.to) if args.to else None
            moved = edits.remove_stage(
                workbook, role, _key(workbook, role, args.name), move_to=target
            )
            out(f"Removed {args.name}" + (f"; moved {moved} applications" if moved else ""))
        else:
            edits.copy_stages(workbook, role, args.from_role)
            out(f"Copied the stages of role {args.from_role}")
        _list(role_stages.stages(workbook, role))
    return EXIT_OK


def _key(workbook: Workbook, role_id: int, name: str) -> str:
    """The key of the role's stage called ``name`` (any case)."""
    from hiring_desk.services.pipeline import role_stages

    wanted = name.strip().casefold()
    for stage in role_stages.stages(workbook, role_id):
        if wanted in (stage.name.casefold(), stage.key):
            return stage.key
    raise CommandError(f"Role {role_id} has no stage called '{name}'.")


def _list(stages: list[StageInfo]) -> None:
    rows = [[s.phase.label, s.name, "yes" if s.hidden else "", str(s.applications)] for s in stages]
    columns = (
        Column("Phase"),
        Column("Stage"),
        Column("Hidden"),
        Column("Applications", right=True),
    )
    out(format_table(columns, rows))
