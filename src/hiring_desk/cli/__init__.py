"""The ``hiring-desk`` command: the window, and headless commands over the services.

``hiring-desk [--workbook PATH]`` opens the window; so does ``hiring-desk FILE``
(how a file manager or the .desktop entry opens a workbook). Subcommands (``demo``,
``check``, ``list``, ...) do their work without Qt and exit 0 on success, or
non-zero with one line on stderr on failure.

Adding a subcommand is one function and one registration (see ``registry``)::

    @command("check", help="...", arguments=_check_arguments)
    def _run_check(args: argparse.Namespace) -> int:
        ...

This package imports nothing heavy at load time (no Qt, no SQLAlchemy), so
``hiring-desk --version`` is quick; each command imports what it needs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hiring_desk import APP_NAME, WORKBOOK_SUFFIX, __version__
from hiring_desk.cli import (  # noqa: F401  (registers)
    attach,
    backup_commands,
    basic_commands,
    documents,
    email_commands,
    imports,
    listing,
    privacy_commands,
    report_commands,
    stage_commands,
    team_commands,
    today_command,
)
from hiring_desk.cli.output import fail, one_line, os_error_message
from hiring_desk.cli.registry import (
    COMMANDS,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    PROG,
    CommandError,
    Handler,
)
from hiring_desk.services.workbook.locations import parse_location

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            f"{APP_NAME}: an offline hiring workbook. Without a command, opens the window; "
            "with one, does that work without a window."
        ),
        epilog=(
            f"'{PROG} FILE{WORKBOOK_SUFFIX}' opens that workbook in the window, "
            f"like --workbook. Run '{PROG} COMMAND --help' for the options of a command."
        ),
        allow_abbrev=False,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help="print the version and exit",
    )
    parser.add_argument(
        "--workbook",
        "-w",
        metavar="PATH",
        type=parse_location,
        default=None,
        help="the workbook to open in the window (default: the usual one, created on first run)",
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", required=False
    )
    for cmd in COMMANDS.values():
        sub = subparsers.add_parser(
            cmd.name, help=cmd.help, description=cmd.description, allow_abbrev=False
        )
        cmd.arguments(sub)
        sub.set_defaults(handler=cmd.run)
    return parser


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    return EXIT_FAILURE


def _run_gui(workbook: Path | None) -> int:
    from hiring_desk.app import NoDisplayError, run_gui

    try:
        return run_gui(workbook)
    except NoDisplayError as exc:
        raise CommandError(str(exc)) from None


def _workbook_file_as_option(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``hiring-desk FILE`` (as a file manager runs it) read as ``hiring-desk --workbook FILE``.

    Only the first positional argument is considered, and only when it is not a
    command name and names a workbook: an existing file, or a name ending in
    ``.hiringdesk``. Anything else (a mistyped command) stays argparse's usage error.
    """
    given_option = False
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            return argv
        if arg in ("--workbook", "-w"):
            given_option = True
            index += 2
            continue
        if arg.startswith(("--workbook=", "-w")):
            given_option = True
        elif not arg.startswith("-"):
            break
        index += 1
    else:
        return argv
    first = argv[index]
    if first in COMMANDS:
        return argv
    if not (first.lower().endswith(WORKBOOK_SUFFIX) or Path(first).is_file()):
        return argv
    if given_option:
        parser.error(f"give the workbook once: either {first} or --workbook, not both")
    return [*argv[:index], "--workbook", first, *argv[index + 1 :]]


def main(argv: list[str] | None = None) -> int:
    """Run ``hiring-desk`` with ``argv`` (default: the process's arguments)."""
    workbook: Path | None = None
    try:
        try:
            parser = build_parser()
            given = sys.argv[1:] if argv is None else argv
            args = parser.parse_args(_workbook_file_as_option(list(given), parser))
        except SystemExit as exc:  # --help, --version, usage errors (exit 2)
            return _exit_code(exc.code)
        workbook = args.workbook
        handler: Handler | None = getattr(args, "handler", None)
        if handler is None:
            return _run_gui(args.workbook)
        return _run_command(handler, args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_FAILURE
    except CommandError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(os_error_message(exc))
    except Exception as exc:
        _log_unexpected(exc)
        return fail(_known_error_message(exc, workbook))


def _run_command(handler: Handler, args: argparse.Namespace) -> int:
    """Run a command; the workbooks it opens say "a command-line run" to whoever else tries."""
    from hiring_desk.services.workbook.opening import as_command_line

    with as_command_line():
        return handler(args)


def _known_error_message(exc: Exception, workbook: Path | None = None) -> str:
    """The reason for a workbook or service error, or for a database error the
    workbook's file or disk caused (store.errors words it); the type as well for
    anything else. Never the SQL or its values."""
    try:
        from hiring_desk.services.common.errors import known_problem
    except Exception:  # the failure may be that this cannot be imported
        pass
    else:
        problem = known_problem(exc, workbook)
        if problem is not None:
            return problem
    from hiring_desk.logs import scrub

    detail = getattr(exc, "orig", None) or exc  # SQLAlchemy's own text quotes the SQL
    return f"unexpected error: {type(exc).__name__}: {one_line(scrub(str(detail)))}"


def _log_unexpected(exc: Exception) -> None:
    """Keep the traceback in the log file; the terminal gets one line."""
    try:
        from hiring_desk.logs import setup_logging

        setup_logging().error("Command failed", exc_info=exc)
    except Exception:  # logging must never turn one error into two
        pass


def _silence_stdout() -> None:
    """After the reader of our output went away, keep Python's exit flush quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
