"""The built-in skills catalog (``resources/skills/catalog.toml``) and look-ups over it.

Matching ignores case, accents and surrounding spaces, so "postgres", "Postgres"
and " POSTGRES " all find PostgreSQL. Skills outside the catalog are allowed
everywhere: the catalog suggests, it does not restrict.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from hiring_desk import bundled


@dataclass(frozen=True)
class SkillGroup:
    name: str
    skills: tuple[str, ...]


@cache
def skill_groups() -> tuple[SkillGroup, ...]:
    """The catalog's groups, in the order the file lists them."""
    data = tomllib.loads(bundled.read_text("skills", "catalog.toml"))
    return tuple(
        SkillGroup(name=str(group["name"]), skills=tuple(str(s) for s in group["skills"]))
        for group in data["group"]
    )


@cache
def all_skills() -> tuple[str, ...]:
    """Every catalog skill, group by group, in catalog order."""
    return tuple(skill for group in skill_groups() for skill in group.skills)


def group_of(skill: str) -> str | None:
    """The name of the group ``skill`` belongs to, or None if it is not in the catalog."""
    entry = _index().get(_fold(skill))
    return entry[1] if entry else None


def search_skills(text: str, limit: int = 20) -> list[str]:
    """Catalog skills matching ``text``, best first, at most ``limit`` of them.

    An exact match comes first, then skills that start with the text, then skills that contain it,
    then skills that match once punctuation and spaces are ignored (so "nodejs"
    finds Node.js and "cicd" finds CI/CD). Catalog order is kept within each
    tier. An empty query matches nothing.
    """
    needle = _fold(text)
    if not needle or limit <= 0:
        return []
    compact_needle = _compact(needle)
    exact: list[str] = []
    prefix: list[str] = []
    inside: list[str] = []
    loose: list[str] = []
    for skill, folded in _folded_skills():
        if folded == needle:
            exact.append(skill)
        elif folded.startswith(needle):
            prefix.append(skill)
        elif needle in folded:
            inside.append(skill)
        elif compact_needle and compact_needle in _compact(folded):
            loose.append(skill)
    return (exact + prefix + inside + loose)[:limit]


@lru_cache(maxsize=4096)  # an import asks for the same few skills thousands of times
def canonical_skill(text: str) -> str:
    """The catalog's spelling of ``text`` if it names a catalog skill, else the text tidied.

    Tidying strips surrounding spaces and collapses runs of inner spaces.
    """
    tidy = " ".join(text.split())
    entry = _index().get(_fold(tidy))
    return entry[0] if entry else tidy


# -- matching ------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower-cased, accent-free, whitespace-normalised form used for every comparison."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _compact(folded: str) -> str:
    return "".join(ch for ch in folded if ch.isalnum())


@cache
def _folded_skills() -> tuple[tuple[str, str], ...]:
    return tuple((skill, _fold(skill)) for skill in all_skills())


@cache
def _index() -> dict[str, tuple[str, str]]:
    """Folded skill -> (catalog spelling, group name)."""
    index: dict[str, tuple[str, str]] = {}
    for group in skill_groups():
        for skill in group.skills:
            index.setdefault(_fold(skill), (skill, group.name))
    return index
