"""The bundled fonts, offered to Qt so names in every script show in the window.

A desktop without Chinese, Japanese or Korean fonts would draw those names as
empty boxes; the bundled Droid Sans Fallback (the same face the PDFs use) fills
the gap. Qt picks it only for characters the system fonts lack. It is 3.4 MB,
so it is registered after the window's first paint, before any data is shown.
"""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase

from hiring_desk import bundled

log = logging.getLogger(__name__)

FALLBACK_FILE = "DroidSansFallback.ttf"


@functools.cache
def register_bundled_fonts() -> tuple[str, ...]:
    """Register the fallback face once; the family names Qt now knows from it."""
    data = bundled.read_bytes("fonts", FALLBACK_FILE)
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(bytes(data)))
    if font_id < 0:
        log.warning("Qt could not load the bundled font %s", FALLBACK_FILE)
        return ()
    return tuple(QFontDatabase.applicationFontFamilies(font_id))
