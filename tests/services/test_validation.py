"""The shared text cleaning every service applies to text from outside."""

from __future__ import annotations

import pytest

from hiring_desk.services.validation import clean, length_problem, normalise_text


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
