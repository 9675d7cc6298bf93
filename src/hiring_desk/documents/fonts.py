"""The bundled DejaVu font families, registered with ReportLab once per process.

ReportLab's built-in Helvetica covers Western European text only; DejaVu Sans
covers Latin, Greek and Cyrillic (and much more), so names in any of those
scripts print correctly. A character no bundled font has prints as an empty
box, never as a wrong letter. The fonts and their license live in
``resources/fonts/``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from io import BytesIO

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hiring_desk import bundled

SANS = "HDSans"
SANS_BOLD = "HDSans-Bold"
SANS_ITALIC = "HDSans-Oblique"
SANS_BOLD_ITALIC = "HDSans-BoldOblique"
MONO = "HDSansMono"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}


@dataclass(frozen=True)
class FontFamily:
    """Registered font names: use ``sans`` in styles; ``<b>``/``<i>`` pick the rest."""

    sans: str
    sans_bold: str
    sans_italic: str
    sans_bold_italic: str
    mono: str


@functools.cache
def register_fonts() -> FontFamily:
    """Register the bundled fonts (first call only) and return their names."""
    for name, filename in _FILES.items():
        data = bundled.read_bytes("fonts", filename)
        pdfmetrics.registerFont(TTFont(name, BytesIO(data)))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC
    )
    # One mono face: bold or italic code still prints (in the regular face).
    pdfmetrics.registerFontFamily(MONO, normal=MONO, bold=MONO, italic=MONO, boldItalic=MONO)
    return FontFamily(SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC, MONO)
