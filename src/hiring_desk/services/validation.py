"""Field checks shared by the services. Each returns a message or None.

Text from outside (typed, pasted, imported, read from a file) goes through
``clean`` or ``plain_text`` before it is checked or stored:

- halves of characters (lone UTF-16 surrogates, from a broken paste or a file
  name in another encoding) are dropped: they cannot be stored, and nothing
  readable is lost;
- line endings become ``\\n``;
- control characters are dropped (NUL, BEL, ESC...), except line breaks and tabs
  in text that may have several lines, and so are private-use characters (no
  font draws them the same way);
- the invisible controls that reverse or embed the direction of the text around
  them (U+202A-U+202E, U+2066-U+2069) are dropped, so "cv\\u202etxt.exe" cannot
  pass for a harmless name; the marks U+200E and U+200F, which right-to-left
  scripts need, stay;
- the text is put in Unicode NFC form, so the same name typed on two systems
  compares equal.
"""

from __future__ import annotations

import unicodedata

from email_validator import EmailNotValidError, validate_email

#: Direction embeddings, overrides and isolates: invisible, and able to make text
#: read differently from what it is.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cs", "Co"})


def email_problem(value: str) -> str | None:
    """None if ``value`` is empty or a well-formed email address."""
    if not value:
        return None
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


def length_problem(value: str, limit: int) -> str | None:
    if len(value) > limit:
        return f"must be at most {limit} characters"
    return None


def normalise_text(value: str | None, *, multiline: bool = True) -> str:
    """``value`` as safe plain text (see the module notes); not stripped.

    Line breaks and tabs are kept when ``multiline``, dropped otherwise.
    """
    text = value or ""
    if text.isascii() and text.isprintable():
        return text
    # A valid surrogate pair (two halves of one character) becomes that character.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    keep = ("\n", "\t") if multiline else ()
    return "".join(
        ch
        for ch in text
        if ch in keep
        or (ch not in BIDI_CONTROLS and unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    )


def clean(value: str | None) -> str:
    """Safe plain text with surrounding whitespace stripped; None becomes "".

    Line breaks and tabs inside the text are kept (notes and answers have several
    lines); everything else ``normalise_text`` drops is dropped.
    """
    return normalise_text(value).strip()
