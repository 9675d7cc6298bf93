"""The subcommand registry: each command is a function plus a registration."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from hiring_desk.services.workbook.locations import parse_location

PROG = "hiring-desk"

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CommandError(Exception):
    """A command could not do its work; ``str(error)`` is the one-line reason."""


# -- command registry --------------------------------------------------------------

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    description: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Handler


#: Every subcommand, in the order ``--help`` lists them.
COMMANDS: dict[str, Command] = {}


def command(
    name: str,
    *,
    help: str,
    arguments: Callable[[argparse.ArgumentParser], None],
    description: str | None = None,
) -> Callable[[Handler], Handler]:
    """Register the decorated function as the subcommand ``name``."""

    def register(run: Handler) -> Handler:
        if name in COMMANDS:
            raise ValueError(f"subcommand {name!r} is registered twice")
        COMMANDS[name] = Command(name, help, description or help, arguments, run)
        return run

    return register


def add_workbook_argument(parser: argparse.ArgumentParser, help: str) -> None:
    """``--workbook PATH``: a workbook file, or a team workbook's PostgreSQL URL
    (``postgresql://user@host/database``), read by ``store.location.parse_location``."""
    parser.add_argument(
        "--workbook",
        "-w",
        metavar="PATH",
        type=parse_location,
        required=True,
        help=f"{help} (required; a file, or a PostgreSQL URL for a team workbook)",
    )
