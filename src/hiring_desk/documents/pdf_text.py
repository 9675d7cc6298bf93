"""User text on the page: safe Paragraph markup, and single lines drawn with font fallback.

Every string a person typed (a candidate's name, an address, a letter) reaches
ReportLab through this module, with these rules:

- Markup characters print literally: ``&``, ``<``, ``>`` and quotes are escaped,
  so ``AT&T <b>Smith</b>`` prints exactly that.
- Each character is drawn by the first bundled face that has it: DejaVu Sans
  (Latin, Greek, Cyrillic and much more), then Droid Sans Fallback (Chinese,
  Japanese, Korean), which is loaded only when some text needs it.
- A character no bundled face can draw never prints as an empty box: it is
  replaced by its code point in square brackets, ``[U+1F680]``; neighbouring
  ones share the brackets, ``[U+0928 U+093E]``. Invisible formatting characters
  no face has (joiners, variation selectors) are dropped.
- Right-to-left letters (Hebrew, Arabic) are replaced the same way: ReportLab
  neither reorders nor joins them, so they would print as a misspelt word.
- Control characters are dropped, a tab is a space, and every kind of line
  break is a newline (``<br/>`` in markup, a space on a single drawn line).
- Text is put in Unicode NFC form, so an "e" followed by a combining accent
  prints as the single letter "é".

``markup`` is for Paragraphs whose style uses the bundled sans family
(``fonts.register_fonts().sans``): a character counts as "in DejaVu" only when
all four of its faces have it, so bold or italic text never shows a box either.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hiring_desk.documents import fonts

__all__ = ["draw_text", "fit_line", "markup", "mono_markup", "text_width"]

ELLIPSIS = "…"

_OWN = ""  # a run in the text's own font (no <font> tag needed)
_DROP = "\x00"  # a character that is left out
_ENTITIES = {'"': "&quot;", "'": "&#39;"}
_BREAKS = str.maketrans(
    {"\r": "\n", "\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " "}
)
_RIGHT_TO_LEFT = frozenset({"R", "AL"})

Run = tuple[str | None, str]  # (face: _OWN, a font name, or None when replaced; characters)


# -- Paragraph markup ------------------------------------------------------------------------


def markup(text: str, *, bold: bool = False) -> str:
    """Safe Paragraph markup that prints ``text`` exactly (see the module docstring).

    ``bold`` wraps the whole in ``<b>``.
    """
    own = _family_coverage()
    body = "<br/>".join(
        _line_markup(line, own, (fonts.FALLBACK,)) for line in _normalise(text).split("\n")
    )
    return f"<b>{body}</b>" if bold and body else body


def mono_markup(text: str) -> str:
    """Like :func:`markup`, for text inside ``<font name=MONO>`` (code).

    Characters the monospaced face lacks are drawn in DejaVu Sans, then the
    fallback. Newlines stay newlines (for ``XPreformatted``).
    """
    own = fonts.coverage(fonts.MONO)
    others = (fonts.SANS, fonts.FALLBACK)
    return "\n".join(_line_markup(line, own, others) for line in _normalise(text).split("\n"))


def _line_markup(line: str, own: frozenset[int], others: Sequence[str]) -> str:
    parts: list[str] = []
    for face, chars in _runs(line, own, others):
        if face is None or face == _OWN:
            parts.append(escape(chars, _ENTITIES))
        else:
            parts.append(f'<font name="{face}">{escape(chars, _ENTITIES)}</font>')
    return "".join(parts)


@functools.cache
def _family_coverage() -> frozenset[int]:
    """The characters every face of the bundled sans family draws."""
    family = fonts.register_fonts()
    faces = (family.sans, family.sans_bold, family.sans_italic, family.sans_bold_italic)
    return frozenset.intersection(*(fonts.coverage(face) for face in faces))


# -- single lines on a canvas ----------------------------------------------------------------


def text_width(text: str, font_name: str, size: float) -> float:
    """The width :func:`draw_text` would take to draw ``text``."""
    return sum(stringWidth(chars, face, size) for face, chars in _line_runs(text, font_name))


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font_name: str,
    size: float,
    *,
    align: str = "left",
) -> float:
    """Draw ``text`` as one line at baseline ``y``; returns the width drawn.

    ``align`` says what ``x`` is: the left end ("left"), the right end
    ("right") or the middle ("center") of the line. Characters ``font_name``
    lacks are drawn in DejaVu Sans or the fallback face, or replaced visibly.
    The canvas's own font is left as it was.
    """
    runs = _line_runs(text, font_name)
    widths = [stringWidth(chars, face, size) for face, chars in runs]
    total = sum(widths)
    if align == "left":
        left = x
    elif align == "right":
        left = x - total
    elif align == "center":
        left = x - total / 2
    else:
        raise ValueError(f"align must be 'left', 'right' or 'center', not {align!r}")
    canvas.saveState()
    for (face, chars), width in zip(runs, widths, strict=True):
        canvas.setFont(face, size)
        canvas.drawString(left, y, chars)
        left += width
    canvas.restoreState()
    return total


def fit_line(text: str, font_name: str, size: float, max_width: float) -> str:
    """``text`` on one line (spaces collapsed), shortened with "…" to fit ``max_width``."""
    line = " ".join(_normalise(text).split())
    if text_width(line, font_name, size) <= max_width:
        return line
    low, high = 0, len(line)  # the longest prefix that fits lies in [low, high)
    while low < high - 1:
        middle = (low + high) // 2
        if text_width(line[:middle].rstrip() + ELLIPSIS, font_name, size) <= max_width:
            low = middle
        else:
            high = middle
    return line[:low].rstrip() + ELLIPSIS


def _line_runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """(font name, characters) runs of ``text`` as one line; replacements use ``font_name``."""
    line = _normalise(text).replace("\n", " ")
    others = tuple(name for name in (fonts.SANS, fonts.FALLBACK) if name != font_name)
    runs = _runs(line, fonts.coverage(font_name), others)
    return [(face or font_name, chars) for face, chars in runs]


# -- splitting text into runs by face --------------------------------------------------------


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").translate(_BREAKS))


def _runs(line: str, own: frozenset[int], others: Sequence[str]) -> list[Run]:
    """``line`` cut into runs drawn by one face each; characters no face has are replaced.

    A face in ``others`` is asked for its coverage only when an earlier face
    lacks a character, so the large fallback face is loaded only when needed.
    """
    if line.isascii() and line.isprintable() and own.issuperset(map(ord, line)):
        # Most text: printable ASCII (no control or right-to-left characters) that
        # the face draws whole; one run, without looking at each character.
        return [(_OWN, line)] if line else []
    runs: list[tuple[str | None, list[str]]] = []
    for ch in line:
        face = _face_for(ch, own, others)
        if face == _DROP:
            continue
        if runs and runs[-1][0] == face:
            runs[-1][1].append(ch)
        else:
            runs.append((face, [ch]))
    return [
        (face, "".join(chars) if face is not None else _replacement(chars)) for face, chars in runs
    ]


def _face_for(ch: str, own: frozenset[int], others: Sequence[str]) -> str | None:
    """_OWN, a font name from ``others``, _DROP, or None (to be replaced)."""
    category = unicodedata.category(ch)
    if category == "Cc":
        return _DROP
    if unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT and category != "Cf":
        return None
    codepoint = ord(ch)
    if codepoint in own:
        return _OWN
    for name in others:
        if codepoint in fonts.coverage(name):
            return name
    if category == "Cf" or _is_variation_selector(codepoint):
        return _DROP
    return None


def _is_variation_selector(codepoint: int) -> bool:
    return 0xFE00 <= codepoint <= 0xFE0F or 0xE0100 <= codepoint <= 0xE01EF


def _replacement(chars: Sequence[str]) -> str:
    """``[U+1F680]``: the code points of characters no bundled face can draw."""
    return "[" + " ".join(f"U+{ord(ch):04X}" for ch in chars) + "]"
