"""The shared text cleaning every service applies to text from outside."""

from __future__ import annotations

import pytest

from hiring_desk.services.common.validation import clean, length_problem, normalise_text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("  Ada  ", "Ada"),
        (None, ""),
        ("A\x00d\x1ba\x7f", "Ada"),
        ("\x85Ada\x9b", "Ada"),  # C1 controls
        ("Ad\ud800a\udfff", "Ada"),  # halves of characters
        ("\ud83d\ude00", "😀"),  # two halves that make one character
        ("cv\u202efdp.exe", "cvfdp.exe"),
        ("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069x", "x"),
        ("\u200fשלום\u200e", "\u200fשלום\u200e"),  # the marks right-to-left text needs
        ("a\u200db", "a\u200db"),  # the joiner some scripts and emoji need
        ("\ue000x", "x"),  # private use
        ("Zoe\u0308", "Zoë"),
        ("one\r\ntwo\rthree\n\tfour", "one\ntwo\nthree\n\tfour"),
    ],
)
def test_clean(given: str | None, expected: str) -> None:
    assert clean(given) == expected


def test_single_line_text_loses_line_breaks_and_tabs() -> None:
    assert normalise_text("a\r\nb\tc", multiline=False) == "abc"
    assert normalise_text(" a ", multiline=False) == " a "  # not stripped


def test_plain_ascii_is_returned_unchanged() -> None:
    text = "Senior Backend Developer (Python, PostgreSQL) - 100% remote"
    assert normalise_text(text) is text


def test_length_problem() -> None:
    assert length_problem("x" * 200, 200) is None
    assert length_problem("x" * 201, 200) == "must be at most 200 characters"


def test_the_quick_email_check_agrees_with_email_validator() -> None:
    import random
    import string

    from email_validator import EmailNotValidError, validate_email

    from hiring_desk.services.common.validation import _plainly_valid_email, email_problem

    rng = random.Random(7)
    letters = string.ascii_letters + string.digits + "._%+-"
    domain_letters = string.ascii_lowercase + string.digits + "-"
    for _ in range(20_000):
        local = "".join(rng.choice(letters) for _ in range(rng.randint(1, 10)))
        labels = [
            "".join(rng.choice(domain_letters) for _ in range(rng.randint(1, 6)))
            for _ in range(rng.randint(1, 3))
        ]
        tld = rng.choice(["com", "de", "test", "local", "c0", "x-", "museum", "io"])
        address = f"{local}@{'.'.join(labels)}.{tld}"
        if _plainly_valid_email(address):
            try:
                validate_email(address, check_deliverability=False)
            except EmailNotValidError as exc:  # pragma: no cover - the failure to report
                pytest.fail(f"{address}: taken as valid, but {exc}")
    assert email_problem("ada@example.com") is None
    assert email_problem("ada@example.test") is not None
    assert email_problem("ada..l@example.com") is not None


def test_every_character_dropped_is_a_control_private_use_or_direction_control() -> None:
    import sys
    import unicodedata

    from hiring_desk.services.common.validation import (
        _DROPPED,
        _DROPPED_KEEPING_LINES,
        BIDI_CONTROLS,
    )

    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue  # halves of characters: dropped before these apply
        ch = chr(code)
        dropped = ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Co")
        assert bool(_DROPPED.fullmatch(ch)) is dropped, hex(code)
        assert bool(_DROPPED_KEEPING_LINES.fullmatch(ch)) is (dropped and ch not in "\n\t")
