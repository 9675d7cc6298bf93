"""The rotating log file in the platform log folder."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from hiring_desk import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    return logger
