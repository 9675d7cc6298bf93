"""The rotating log file in the platform log folder; it never holds candidates' data.

A database error's text carries the statement and the values it was given (a
candidate's name, email, notes ...). Engines are made with ``hide_parameters``
(``store.engine``), and ``scrub`` takes the statement and values out of any text
before it is logged or shown, whichever engine or library it came from.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler

from hiring_desk import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

#: SQLAlchemy's "[SQL: statement]" and "[parameters: values]" (or "[SQL parameters
#: hidden ...]"): up to the "(Background on this error ...)" line that follows them,
#: whatever the values hold; without that line, the statement up to a "]" ending a
#: line and the values to the end of theirs (a repr has no line breaks).
_DATABASE_DETAILS = re.compile(
    r"\[SQL: .*?(?=\(Background on this error)"
    r"|\[SQL: .*?\]$\n?"
    r"|\[(?:SQL )?parameters\b[^\n]*\n?",
    re.DOTALL | re.MULTILINE,
)
_REMOVED = "[statement and values not logged]"
_REPEATED = re.compile(f"(?:{re.escape(_REMOVED)}\n)+")


def scrub(text: str) -> str:
    """``text`` without the statement and values of a database error."""
    if "[SQL" not in text and "[parameters" not in text:
        return text
    scrubbed = _DATABASE_DETAILS.sub(_REMOVED + "\n", text)
    return _REPEATED.sub(_REMOVED + "\n", scrubbed)


class _ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def setup_logging(level: int = logging.INFO) -> logging.Logger:
    """Log to ``paths.log_file()``, keeping a few rotated files. Safe to call twice."""
    logger = logging.getLogger("hiring_desk")
    logger.setLevel(level)
    target = paths.log_file()
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and handler.baseFilename == str(target):
            return logger
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=512 * 1024, backupCount=3, encoding="utf-8")
    except OSError:
        return logger  # no log folder: keep going without a file log
    handler.setFormatter(_ScrubbingFormatter(_FORMAT))
    logger.addHandler(handler)
    return logger
