"""A global exception hook: log the traceback, tell the person, keep running."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication

from hiring_desk import paths
from hiring_desk.logs import scrub
from hiring_desk.ui import messages

_log = logging.getLogger("hiring_desk")
_showing = False
#: The title when the workbook's file or disk is the trouble (read-only, full, ...).
PROBLEM_TITLE = "Workbook Problem"


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    text = scrub("".join(traceback.format_exception(exc_type, exc, tb)))
    _log.error("Unexpected error\n%s", text)
    global _showing
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        from hiring_desk.services.common.errors import workbook_problem  # not needed before a crash

        problem = workbook_problem(exc)
        if problem is not None:  # the file or the disk, said in words: not a crash
            messages.show_error(
                QApplication.activeWindow(),
                PROBLEM_TITLE,
                f"{problem}\n\nThe details were written to the log file:\n{paths.log_file()}",
            )
            return
        reason = getattr(exc, "orig", None) or exc  # SQLAlchemy's own text quotes the SQL
        messages.show_error(
            QApplication.activeWindow(),
            "Something went wrong",
            f"Hiring Desk hit an unexpected error: {scrub(str(reason))}\n\n"
            "Your saved work is safe. The details were written to the log file:\n"
            f"{paths.log_file()}",
            details=text,
        )
    finally:
        _showing = False


#: The title when the workbook's file or disk is the trouble (read-only, full, ...).
PROBLEM_TITLE = "Workbook Problem"


def install() -> None:
    sys.excepthook = handle_exception
