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

import functools
import re
import unicodedata

#: Direction embeddings, overrides and isolates: invisible, and able to make text
#: read differently from what it is.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Control (Cc) and private-use (Co) characters, fixed ranges of Unicode, and the
#: direction controls, as one pattern (halves of characters are gone before it applies).
_PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_DROPPED = re.compile(f"[\x00-\x1f\x7f-\x9f{_PRIVATE_USE}{''.join(sorted(BIDI_CONTROLS))}]")
_DROPPED_KEEPING_LINES = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_PRIVATE_USE}{''.join(sorted(BIDI_CONTROLS))}]"
)


#: Plain ASCII addresses of the usual shape, which ``email_validator`` always accepts:
#: they are taken without it (an import checks thousands; it takes 0.1 ms each).
_PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
    r"@(?:(?!-)(?!.{2}--)[A-Za-z0-9-]{1,63}(?<!-)\.)+[A-Za-z]{2,63}"
)


@functools.cache
def _special_use_domains() -> frozenset[str]:
    # email-validator is imported on the first check, not with the services (it is
    # not needed to show a page, and takes a few hundredths of a second to load).
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    return frozenset(SPECIAL_USE_DOMAIN_NAMES)


def email_problem(value: str) -> str | None:
    """None if ``value`` is empty or a well-formed email address."""
    if not value or _plainly_valid_email(value):
        return None
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


def _plainly_valid_email(value: str) -> bool:
    if len(value) > 254 or not _PLAIN_EMAIL.fullmatch(value):
        return False
    local, _, domain = value.rpartition("@")
    labels = domain.lower().split(".")
    return len(local) <= 64 and not _special_use_domains().intersection(labels[-2:])


def length_problem(value: str, limit: int) -> str | None:
    if len(value) > limit:
        return too_long(limit)
    return None


def too_long(limit: int) -> str:
    """What is said of a value longer than ``limit`` characters."""
    return f"must be at most {limit} characters"


def normalise_text(value: str | None, *, multiline: bool = True) -> str:
    """``value`` as safe plain text (see the module notes); not stripped.

    Line breaks and tabs are kept when ``multiline``, dropped otherwise.
    """
    text = value or ""
    if text.isprintable():  # no control, private-use or format character, no half of one
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    # A valid surrogate pair (two halves of one character) becomes that character.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return (_DROPPED_KEEPING_LINES if multiline else _DROPPED).sub("", text)


def clean(value: str | None) -> str:
    """Safe plain text with surrounding whitespace stripped; None becomes "".

    Line breaks and tabs inside the text are kept (notes and answers have several
    lines); everything else ``normalise_text`` drops is dropped.
    """
    return normalise_text(value).strip()
