"""``team``: who signs in to a team workbook and as what (add, list, set-role, remove).

Only for a team workbook on a PostgreSQL server, run by one of its admins (the
server is asked, not trusted: it refuses anyone else). ``team add`` prints the
one-time password of a login it made, once; the person changes it when they first
sign in (File ▸ Change My Password…).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from hiring_desk.cli.output import Column, Json, format_table, out, out_json
from hiring_desk.cli.registry import EXIT_OK, EXIT_USAGE, command
from hiring_desk.services.workbook.locations import parse_location

if TYPE_CHECKING:
    from hiring_desk.services.team.team_access import Person

_ROLES = "admin, recruiter, hiring_manager or interviewer"


def _workbook_option(parser: argparse.ArgumentParser, default: object) -> None:
    """``--workbook``, accepted before the action or after it ("team add NAME ... -w URL")."""
    parser.add_argument(
        "--workbook",
        "-w",
        metavar="URL",
        type=parse_location,
        default=default,
        help="the team workbook's PostgreSQL URL (required, before or after the action)",
    )


def _team_arguments(parser: argparse.ArgumentParser) -> None:
    _workbook_option(parser, None)
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    workbook = argparse.ArgumentParser(add_help=False)
    _workbook_option(workbook, argparse.SUPPRESS)
    add = sub.add_parser(
        "add",
        parents=[workbook],
        help="let a person sign in with a role",
        description=(
            "Add NAME to the team, signing in as LOGIN with ROLE. A login the server does "
            "not have yet is created, and its one-time password printed once; an existing "
            "login is used as it is. A team member of the same name becomes that person."
        ),
    )
    add.add_argument("name", metavar="NAME", help="the person's name")
    add.add_argument("--login", required=True, metavar="LOGIN", help="their PostgreSQL login")
    add.add_argument("--role", required=True, metavar="ROLE", help=_ROLES)
    list_parser = sub.add_parser(
        "list", parents=[workbook], help="everyone who signs in, with their role"
    )
    list_parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    set_role = sub.add_parser("set-role", parents=[workbook], help="change a person's role")
    set_role.add_argument("login", metavar="LOGIN", help="their login")
    set_role.add_argument("role", metavar="ROLE", help=_ROLES)
    remove = sub.add_parser(
        "remove",
        parents=[workbook],
        help="stop a person signing in (their history stays)",
        description=(
            "Disable LOGIN and take it off the team. What they did stays in the history, "
            "under their name."
        ),
    )
    remove.add_argument("login", metavar="LOGIN", help="their login")


def _record(person: Person) -> dict[str, Json]:
    return {
        "member_id": person.member_id,
        "name": person.name,
        "login": person.login,
        "role": person.role.value,
        "removed": person.removed,
        "removed_at": person.removed_at.isoformat() if person.removed_at else None,
    }


@command(
    "team",
    help="who signs in to a team workbook: add, list, set-role, remove",
    description=(
        "Manage who signs in to a team workbook and their role: add NAME --login LOGIN "
        f"--role ROLE, list [--json], set-role LOGIN ROLE, remove LOGIN. ROLE is {_ROLES}."
    ),
    arguments=_team_arguments,
)
def _run_team(args: argparse.Namespace) -> int:
    from hiring_desk.services.team import team_access
    from hiring_desk.services.workbook.opening import open_workbook

    if args.workbook is None:
        print("hiring-desk team: error: --workbook URL is required", file=sys.stderr)
        return EXIT_USAGE
    with open_workbook(args.workbook) as workbook:
        if args.action == "list":
            people = team_access.people(workbook)
            if args.json:
                out_json([_record(person) for person in people])
            else:
                _table(people)
        elif args.action == "add":
            added = team_access.add_person(workbook, args.name, args.login, args.role)
            person = added.person
            out(f"Added {person.name} as {person.role.label}, signing in as {person.login}")
            if added.password is not None:
                out(f"One-time password: {added.password}")
                out("Hand it over in person; they change it when they first sign in.")
        elif args.action == "set-role":
            person = team_access.set_role(workbook, args.login, args.role)
            out(f"{person.name} ({person.login}) is now {person.role.label}")
        else:
            person = team_access.remove_person(workbook, args.login)
            out(f"Removed {person.name}: {person.login} can no longer sign in; their history stays")
    return EXIT_OK


def _table(people: list[Person]) -> None:
    if not people:
        out("Nobody signs in yet besides the workbook's owner.")
        return
    columns = [
        Column("Name"),
        Column("Login"),
        Column("Role"),
        Column("Status"),
    ]
    rows = [[p.name, p.login, p.role.label, "removed" if p.removed else "active"] for p in people]
    out(format_table(columns, rows))
