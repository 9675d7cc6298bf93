"""Finding a person's name and details in free text, however they were written.

Text is compared as search compares names (``store.search.sort_name``): letters
folded (Ø as O, ß as ss), accents dropped, case folded, and every run of white
space, line breaks included, taken as one space. So "Anna  Kowalska",
"anna\\nkowalska" and "ÁNNA KOWALSKA" are all found for "Anna Kowalska", and what
is replaced is the text as it was written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from hiring_desk.store import search

#: What scrubbed text is replaced with.
ERASED_MARK = "[erased]"


class Scrubber:
    """Replaces every occurrence of some phrases (anywhere) and words (whole words only)."""

    def __init__(self, phrases: Iterable[str], words: Iterable[str] = ()) -> None:
        def longest_first(values: Iterable[str]) -> list[str]:
            keys = {search.sort_name(value) for value in values} - {""}
            return sorted((re.escape(key) for key in keys), key=len, reverse=True)

        alternatives = longest_first(phrases)
        alternatives += [rf"(?<!\w){word}(?!\w)" for word in longest_first(words)]
        self._pattern = re.compile("|".join(alternatives)) if alternatives else None

    def scrub(self, text: str) -> str:
        """``text`` with every occurrence replaced by ``ERASED_MARK`` (as it was if none)."""
        pattern = self._pattern
        if pattern is None or not text or not pattern.search(search.sort_name(text)):
            return text
        text = unicodedata.normalize("NFC", text)
        key, origin = _keyed(text)
        pieces: list[str] = []
        done = 0
        for match in pattern.finditer(key):
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            while end < len(text) and not _char_key(text[end]):
                end += 1  # an accent left on its own belongs to the last letter
            pieces += [text[done:start], ERASED_MARK]
            done = end
        return "".join(pieces) + text[done:]


def _keyed(text: str) -> tuple[str, list[int]]:
    """``text`` as ``sort_name`` compares it, and for each character of that, the index
    of the character of ``text`` it came from."""
    key: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        part = _char_key(char)
        if part == " " and (not key or key[-1] == " "):
            continue
        key.extend(part)
        origin.extend([index] * len(part))
    return "".join(key), origin


@lru_cache(maxsize=4096)
def _char_key(char: str) -> str:
    """One character as ``sort_name`` folds it inside a text; white space is " "."""
    folded = search.sort_name(char)
    if folded or not any(c.isspace() for c in unicodedata.normalize("NFKD", char)):
        return folded
    return " "
