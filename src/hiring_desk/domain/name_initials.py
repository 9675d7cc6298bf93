"""What a card shows for a person's name at a glance: initials, a colour, a direction.

Names come in every script. Chinese, Japanese and Korean names have no capital
letters and often no spaces, and their first character (the family name) is
what people recognise, so that is the initial. Alphabetic names (Latin, Greek,
Cyrillic, Arabic, Hebrew...) take the first letter of the first and of the last
word; Arabic's article "ال" is skipped, as a person would.
"""

from __future__ import annotations

import unicodedata
import zlib

_CJK_PREFIXES = ("CJK UNIFIED", "CJK COMPATIBILITY", "HIRAGANA", "KATAKANA", "HANGUL")
_ARABIC_ARTICLE = "ال"


def is_cjk(char: str) -> bool:
    """True for a Chinese, Japanese or Korean character (ideograph, kana, hangul)."""
    return unicodedata.name(char, "").startswith(_CJK_PREFIXES)


def is_right_to_left(text: str) -> bool:
    """True when the first letter with a direction of its own is written right to left."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def initials(name: str) -> str:
    """One or two characters standing for ``name``; "?" for a name with no letters."""
    words = name.split()
    if not words:
        return "?"
    first = _first_letter(words[0])
    if first and is_cjk(first):
        return first
    last = _first_letter(words[-1]) if len(words) > 1 else ""
    return (first + last).upper() or "?"


def _first_letter(word: str) -> str:
    if word.startswith(_ARABIC_ARTICLE) and len(word) > len(_ARABIC_ARTICLE):
        word = word[len(_ARABIC_ARTICLE) :]
    return next((char for char in word if char.isalpha()), "")


def avatar_hue(name: str) -> int:
    """A hue (0-359) that is always the same for the same name, on any computer."""
    return zlib.crc32(unicodedata.normalize("NFC", name.strip()).encode("utf-8")) % 360
