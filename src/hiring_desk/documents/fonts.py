"""The bundled fonts, registered with ReportLab once per process.

ReportLab's built-in Helvetica covers Western European text only; DejaVu Sans
covers Latin, Greek and Cyrillic (and much more), so names in any of those
scripts print correctly. Droid Sans Fallback covers Chinese, Japanese and
Korean; it is a 3.4 MB file, so it is registered only when some text needs it
(:func:`register_fallback`). :func:`coverage` says which characters a face can
draw; ``documents.pdf_text`` uses it to pick a face per run of characters and
to replace visibly what no face can draw. The fonts and their licences live in
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
FALLBACK = "HDSansFallback"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}
_FALLBACK_FILE = "DroidSansFallback.ttf"


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


@functools.cache
def register_fallback() -> str:
    """Register the CJK fallback face (first call only) and return its name.

    It has no bold or italic faces; ``<b>`` and ``<i>`` around it print it plain.
    """
    data = bundled.read_bytes("fonts", _FALLBACK_FILE)
    pdfmetrics.registerFont(TTFont(FALLBACK, BytesIO(data)))
    pdfmetrics.registerFontFamily(
        FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK, boldItalic=FALLBACK
    )
    return FALLBACK


@functools.cache
def coverage(font_name: str) -> frozenset[int]:
    """The code points the registered font ``font_name`` has a glyph for.

    The bundled faces are registered first when needed. For a TrueType face this
    is its character map; for one of ReportLab's standard fonts (Helvetica, ...)
    it is what their Windows ANSI encoding holds.
    """
    if font_name == FALLBACK:
        register_fallback()
    elif font_name in _FILES:
        register_fonts()
    font = pdfmetrics.getFont(font_name)
    if isinstance(font, TTFont):
        return frozenset(font.face.charWidths)
    if getattr(font.encoding, "name", "") == "WinAnsiEncoding":
        return frozenset(ord(ch) for ch in bytes(range(0x20, 0x100)).decode("cp1252", "ignore"))
    return frozenset(range(0x20, 0x7F))
