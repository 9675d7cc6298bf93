"""How well a candidate's skills cover a role's skills.

Skills are compared by :func:`skill_key`, so "PostgreSQL" matches "postgresql"
and "Node.js" matches "nodejs". Must-haves weigh 75% of the score and
nice-to-haves 25%; when the role lists only one kind, that kind weighs 100%.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

#: Share of the score carried by must-haves when the role also has nice-to-haves.
MUST_WEIGHT = Fraction(3, 4)
#: Share of the score carried by nice-to-haves when the role also has must-haves.
NICE_WEIGHT = 1 - MUST_WEIGHT

_IGNORED = re.compile(r"[\s./\-]+")


def skill_key(name: str) -> str:
    """The key two skill names are compared by.

    Accents are dropped, case is folded, and spaces, dots, hyphens and slashes
    are removed: "Node.js", "node js" and "NodeJS" share the key "nodejs".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _IGNORED.sub("", bare.casefold())


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


@dataclass(frozen=True)
class MatchResult:
    """The outcome of :func:`match`; skill names use the role's spelling and order."""

    score: int | None  # 0-100, None when the role lists no skills
    must_matched: tuple[str, ...]
    must_missing: tuple[str, ...]
    nice_matched: tuple[str, ...]
    nice_missing: tuple[str, ...]

    @property
    def summary(self) -> str:
        """One line such as "2 of 3 must-haves, 1 of 2 nice-to-haves"."""
        parts: list[str] = []
        must_total = len(self.must_matched) + len(self.must_missing)
        nice_total = len(self.nice_matched) + len(self.nice_missing)
        if must_total:
            noun = _plural(must_total, "must-have")
            parts.append(f"{len(self.must_matched)} of {must_total} {noun}")
        if nice_total:
            noun = _plural(nice_total, "nice-to-have")
            parts.append(f"{len(self.nice_matched)} of {nice_total} {noun}")
        return ", ".join(parts) if parts else "No skills listed for this role"


def _unique(names: Iterable[str], exclude: set[str]) -> list[tuple[str, str]]:
    """(key, name) for each distinct non-blank name, first spelling kept, in order."""
    seen = set(exclude)
    result: list[tuple[str, str]] = []
    for name in names:
        key = skill_key(name)
        if key and key not in seen:
            seen.add(key)
            result.append((key, name.strip()))
    return result


def _round_half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def match(
    candidate_skills: Iterable[str], must_have: Sequence[str], nice_to_have: Sequence[str]
) -> MatchResult:
    """Compare a candidate's skills with a role's must-haves and nice-to-haves.

    Duplicates (by :func:`skill_key`) count once; a skill listed both as a
    must-have and as a nice-to-have counts as a must-have. Blank names are ignored.
    """
    have = {key for key in map(skill_key, candidate_skills) if key}
    must = _unique(must_have, exclude=set())
    nice = _unique(nice_to_have, exclude={key for key, _ in must})

    must_matched = tuple(name for key, name in must if key in have)
    must_missing = tuple(name for key, name in must if key not in have)
    nice_matched = tuple(name for key, name in nice if key in have)
    nice_missing = tuple(name for key, name in nice if key not in have)

    score: int | None = None
    must_share = Fraction(len(must_matched), len(must)) if must else Fraction(0)
    nice_share = Fraction(len(nice_matched), len(nice)) if nice else Fraction(0)
    if must and nice:
        score = _round_half_up(100 * (MUST_WEIGHT * must_share + NICE_WEIGHT * nice_share))
    elif must:
        score = _round_half_up(100 * must_share)
    elif nice:
        score = _round_half_up(100 * nice_share)

    return MatchResult(score, must_matched, must_missing, nice_matched, nice_missing)
