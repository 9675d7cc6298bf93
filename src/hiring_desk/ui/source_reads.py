"""Spare the start-up PySide6's read of every module's source.

shiboken6 (PySide6's binding layer) replaces ``__import__`` and, for every module
imported after PySide6, asks whether it uses PySide6 (for the optional ``__feature__``
switches, which Hiring Desk does not use) by searching the module's source for the
word "PySide6" with ``inspect.getsource``. That reads the file through ``linecache``,
which keeps every line: about 10 MB of text for the 690 modules the window imports
(SQLAlchemy's, SQLModel's and the app's own), 25 MB of memory for as long as the
window runs. ``spare_source_reads`` answers the same question the same way, reading
the file without keeping it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)


def uses_pyside(module: ModuleType) -> bool:
    """Whether the source of ``module`` names PySide6 (what shiboken6 asks), read
    without keeping it in ``linecache``."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # no source to search (as ``inspect.getsource`` failing)
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def spare_source_reads() -> bool:
    """Have shiboken6 use ``uses_pyside``; False where its hook is not there to replace."""
    try:
        from shibokensupport import feature
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.info("PySide6's import hook has changed; its source reads are left as they are")
        return False
    feature._mod_uses_pyside = uses_pyside
    return True
