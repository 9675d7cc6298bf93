"""The bundled fonts, offered to Qt so names in every script show in the window.

A desktop without Chinese, Japanese or Korean fonts would draw those names as
empty boxes; the bundled Droid Sans Fallback (the same face the PDFs use) fills
the gap. Qt picks it only for characters the system fonts lack. It is 3.4 MB,
so it is registered after the window's first paint, before any data is shown, and
by its file name where it is a file (Qt then reads the glyphs from the file as
they are needed instead of holding a copy of the whole face in memory).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase

from hiring_desk import bundled

log = logging.getLogger(__name__)

FALLBACK_FILE = "DroidSansFallback.ttf"


@functools.cache
def register_bundled_fonts() -> tuple[str, ...]:
    """Register the fallback face once; the family names Qt now knows from it."""
    node = bundled.resource("fonts", FALLBACK_FILE)
    if isinstance(node, Path) and node.is_file():
        font_id = QFontDatabase.addApplicationFont(str(node))
    else:  # inside an archive (a frozen bundle): from a copy in memory
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(node.read_bytes()))
    if font_id < 0:
        log.warning("Qt could not load the bundled font %s", FALLBACK_FILE)
        return ()
    return tuple(QFontDatabase.applicationFontFamilies(font_id))
