"""Finding candidates entered twice, and merging two records into one.

A candidate is a likely duplicate of another when they share an email address
(compared without regard to case), a phone number (digits only, compared on the
last nine digits so "+353 87 123 4567" and "087 1234567" agree), or a similar name:
``fuzz.token_sort_ratio`` of the two :func:`name_key` values is at least
``NAME_THRESHOLD``, so accents, case and word order do not matter.

:func:`find_duplicates` answers for one record (the editor, before saving);
:func:`batch_index` loads everything once for an import checking thousands of rows.
:func:`merge` folds one candidate into another in one transaction, losing no
files, applications, stage history, interviews or offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import func
from sqlmodel import col, select

from hiring_desk.store import Workbook, search
from hiring_desk.store.models import (
    Candidate,
)

__all__ = [
    "NAME_THRESHOLD",
    "PHONE_SUFFIX",
    "DuplicateIndex",
    "DuplicateMatch",
    "batch_index",
    "find_duplicates",
    "name_key",
    "normalise_email",
    "normalise_phone",
    "phone_key",
    "phones_match",
]

#: The least ``fuzz.token_sort_ratio`` (0-100) of two name keys that counts as similar.
NAME_THRESHOLD = 90

#: Phone numbers with at least this many digits are compared on their last ones,
#: so a number matches with or without its country code or trunk prefix.
PHONE_SUFFIX = 9

_WORD = re.compile(r"[^\W_]+")
_NOT_DIGITS = re.compile(r"[^0-9]+")


# -- normalising ---------------------------------------------------------------------------


def normalise_email(email: str) -> str:
    """``email`` stripped and case-folded (dots and ``+tags`` are kept: they may differ)."""
    return (email or "").strip().casefold()


def normalise_phone(phone: str) -> str:
    """The digits of ``phone`` only; a leading country code is kept."""
    return _NOT_DIGITS.sub("", phone or "")


def phone_key(digits: str) -> str:
    """What a normalised phone is compared on: its last digits, or all if it is short."""
    return digits[-PHONE_SUFFIX:] if len(digits) >= PHONE_SUFFIX else digits


def phones_match(a: str, b: str) -> bool:
    """Whether two phone numbers (as typed) are the same number."""
    key_a, key_b = phone_key(normalise_phone(a)), phone_key(normalise_phone(b))
    return bool(key_a) and key_a == key_b


def name_key(name: str) -> str:
    """``name`` without accents, case or punctuation, words separated by one space.

    "  José  GARCÍA-Ødegård " -> "jose garcia odegard". Word order is kept.
    """
    return " ".join(_WORD.findall(search.bare_letters(name or "").casefold()))


def _sorted_key(name: str) -> str:
    """The name key with its words sorted.

    ``fuzz.ratio`` of two of these equals ``fuzz.token_sort_ratio`` of the name keys;
    sorting once per name instead of once per comparison keeps big lists fast.
    """
    return " ".join(sorted(_WORD.findall(search.bare_letters(name or "").casefold())))


def name_similarity(a: str, b: str) -> int:
    """How alike two names are, 0-100 (``token_sort_ratio`` of their keys), rounded down."""
    return int(fuzz.token_sort_ratio(name_key(a), name_key(b)))


# -- finding -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateMatch:
    """A candidate who may be the same person, and why."""

    candidate_id: int
    name: str
    email: str
    reasons: tuple[str, ...]  # e.g. ("same email", "similar name (93%)")
    score: int  # name similarity, 0-100

    @property
    def strong(self) -> bool:
        """True when an email address or phone number is shared."""
        return any(r in ("same email", "same phone") for r in self.reasons)


def find_duplicates(
    workbook: Workbook,
    *,
    name: str,
    email: str = "",
    phone: str = "",
    exclude_id: int | None = None,
    limit: int = 5,
) -> list[DuplicateMatch]:
    """Candidates who may be the person described, most likely first (at most ``limit``).

    Shared email or phone first, then by name similarity. ``exclude_id`` is the
    record being edited.
    """
    if limit <= 0:
        return []
    email_n = normalise_email(email)
    phone_k = phone_key(normalise_phone(phone))
    query = _sorted_key(name)
    reasons: dict[int, list[str]] = {}
    with workbook.transaction() as session:
        if email_n:
            # Stored emails are lower-cased when saved; lower() again for old rows.
            variants = {email_n, email.strip().lower()}
            statement = select(Candidate.id).where(
                func.lower(col(Candidate.email)).in_(sorted(variants))
            )
            for cid in session.exec(statement):
                if cid is not None and cid != exclude_id:
                    reasons.setdefault(cid, []).append("same email")
        if phone_k:
            statement_p = select(Candidate.id, Candidate.phone).where(Candidate.phone != "")
            for cid, other in session.exec(statement_p):
                if (
                    cid is not None
                    and cid != exclude_id
                    and phone_key(normalise_phone(other)) == phone_k
                ):
                    reasons.setdefault(cid, []).append("same phone")
        people: dict[int, tuple[str, str]] = {
            cid: (n, e)
            for cid, n, e in session.exec(select(Candidate.id, Candidate.name, Candidate.email))
            if cid is not None and cid != exclude_id
        }
    scores: dict[int, int] = {}
    if query:
        found = process.extract(
            query,
            {cid: _sorted_key(n) for cid, (n, _e) in people.items()},
            scorer=fuzz.ratio,
            score_cutoff=NAME_THRESHOLD,
            limit=None,
        )
        for _, score, cid in found:
            scores[cid] = int(score)
            reasons.setdefault(cid, []).append(f"similar name ({int(score)}%)")
    matches = [
        DuplicateMatch(
            candidate_id=cid,
            name=people[cid][0],
            email=people[cid][1],
            reasons=tuple(why),
            score=scores.get(cid, name_similarity(name, people[cid][0])),
        )
        for cid, why in reasons.items()
        if cid in people
    ]
    matches.sort(key=lambda m: (not m.strong, -len(m.reasons), -m.score, m.candidate_id))
    return matches[:limit]


class DuplicateIndex:
    """Every candidate's email, phone and name in memory, for checking many rows fast.

    Made for imports, where a match means the row is skipped: a similar name alone
    is a match only when the contact details do not say otherwise (both have an
    email, or both a phone number, and they differ). A wrongly skipped row would be
    lost, while a duplicate let through can still be merged.
    """

    def __init__(self) -> None:
        self._emails: dict[str, int] = {}
        self._phones: dict[str, int] = {}
        # Names by which contact details their candidate has, (has email, has phone):
        # a row with an email can only match a name whose candidate has none, so it
        # is compared with those names alone. Each bucket holds parallel lists
        # (rapidfuzz is fastest on a list): sorted name keys, ids, order of adding.
        self._buckets: dict[tuple[bool, bool], _NameBucket] = {}
        self._count = 0
        #: Sorted name key -> the first candidate with it; and every candidate's name.
        self._same_names: dict[str, int] = {}
        self._names: dict[int, str] = {}

    def __len__(self) -> int:
        return self._count

    def add(self, candidate_id: int, name: str, email: str = "", phone: str = "") -> None:
        """Count this candidate too (the first one added keeps an email or phone)."""
        self._add(candidate_id, name, *_keys(name, email, phone))

    def match(self, name: str, email: str = "", phone: str = "") -> int | None:
        """The id of a candidate who is likely this person, or None.

        A shared email wins over a shared phone, which wins over the most similar
        name whose contact details do not differ (the first added among equals).
        """
        return self._match(*_keys(name, email, phone))

    def match_or_add(
        self, candidate_id: int, name: str, email: str = "", phone: str = ""
    ) -> tuple[int | None, int | None]:
        """For an import's row: ``(match, None)`` when it is someone already counted;
        else it is added as ``candidate_id``, and the answer is ``(None, same_name)``,
        the first candidate with the same name (but other contact details) or None."""
        keys = _keys(name, email, phone)
        same = self._match(*keys)
        if same is not None:
            return same, None
        similar = self._same_names.get(keys[2]) if keys[2] else None
        self._add(candidate_id, name, *keys)
        return None, similar

    def _add(self, candidate_id: int, name: str, email_n: str, phone_k: str, key: str) -> None:
        if email_n:
            self._emails.setdefault(email_n, candidate_id)
        if phone_k:
            self._phones.setdefault(phone_k, candidate_id)
        self._names[candidate_id] = name
        if key:
            self._same_names.setdefault(key, candidate_id)
            bucket = self._buckets.setdefault((bool(email_n), bool(phone_k)), _NameBucket())
            bucket.keys.append(key)
            bucket.ids.append(candidate_id)
            bucket.order.append(self._count)
            self._count += 1

    def _match(self, email_n: str, phone_k: str, query: str) -> int | None:
        if email_n and email_n in self._emails:
            return self._emails[email_n]
        if phone_k and phone_k in self._phones:
            return self._phones[phone_k]
        if not query:
            return None
        best: tuple[float, int, int] | None = None  # (-score, order, id)
        for (has_email, has_phone), bucket in self._buckets.items():
            if (email_n and has_email) or (phone_k and has_phone):
                continue  # both have one, and it differs (a same one returned above)
            found = process.extractOne(
                query, bucket.keys, scorer=fuzz.ratio, score_cutoff=NAME_THRESHOLD
            )
            if found is not None:
                _key, score, i = found
                candidate = (-score, bucket.order[i], bucket.ids[i])
                best = candidate if best is None else min(best, candidate)
        return best[2] if best is not None else None

    def name_of(self, candidate_id: int) -> str:
        return self._names.get(candidate_id, "")


def _keys(name: str, email: str, phone: str) -> tuple[str, str, str]:
    """What a person is compared on: email, phone key and sorted name key."""
    return normalise_email(email), phone_key(normalise_phone(phone)), _sorted_key(name)


@dataclass
class _NameBucket:
    keys: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    order: list[int] = field(default_factory=list)


def batch_index(workbook: Workbook) -> DuplicateIndex:
    """A :class:`DuplicateIndex` of every candidate in the workbook (one query)."""
    index = DuplicateIndex()
    with workbook.transaction() as session:
        rows = session.exec(
            select(Candidate.id, Candidate.name, Candidate.email, Candidate.phone).order_by(
                col(Candidate.id)
            )
        ).all()
    for cid, name, email, phone in rows:
        if cid is not None:
            index.add(cid, name, email, phone)
    return index


# -- merging -------------------------------------------------------------------------------
