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
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from hiring_desk.domain.vocab import PIPELINE, Source, Stage
from hiring_desk.services import audit
from hiring_desk.services.candidate_records import CandidateInput
from hiring_desk.services.candidates import (
    CandidateDetail,
    apply_record,
    detail_of,
    load_candidate,
)
from hiring_desk.services.errors import ValidationError
from hiring_desk.store import Workbook, search
from hiring_desk.store.models import (
    Application,
    Attachment,
    Candidate,
    CandidateSkill,
    CandidateTag,
    Interview,
    Offer,
    Role,
    StageEvent,
)
from hiring_desk.store.models._base import utcnow

__all__ = [
    "NAME_THRESHOLD",
    "PHONE_SUFFIX",
    "DuplicateIndex",
    "DuplicateMatch",
    "MergePreview",
    "batch_index",
    "find_duplicates",
    "merge",
    "name_key",
    "normalise_email",
    "normalise_phone",
    "phones_match",
    "preview_merge",
]

#: The least ``fuzz.token_sort_ratio`` (0-100) of two name keys that counts as similar.
NAME_THRESHOLD = 90

#: Phone numbers with at least this many digits are compared on their last ones,
#: so a number matches with or without its country code or trunk prefix.
PHONE_SUFFIX = 9

_FOLD = str.maketrans(dict(search.FOLD))
_WORD = re.compile(r"[^\W_]+")


# -- normalising ---------------------------------------------------------------------------


def normalise_email(email: str) -> str:
    """``email`` stripped and case-folded (dots and ``+tags`` are kept: they may differ)."""
    return (email or "").strip().casefold()


def normalise_phone(phone: str) -> str:
    """The digits of ``phone`` only; a leading country code is kept."""
    return "".join(ch for ch in phone or "" if ch.isdigit() and ch.isascii())


def _phone_key(digits: str) -> str:
    """What a normalised phone is compared on: its last digits, or all if it is short."""
    return digits[-PHONE_SUFFIX:] if len(digits) >= PHONE_SUFFIX else digits


def phones_match(a: str, b: str) -> bool:
    """Whether two phone numbers (as typed) are the same number."""
    key_a, key_b = _phone_key(normalise_phone(a)), _phone_key(normalise_phone(b))
    return bool(key_a) and key_a == key_b


def name_key(name: str) -> str:
    """``name`` without accents, case or punctuation, words separated by one space.

    "  José  GARCÍA-Ødegård " -> "jose garcia odegard". Word order is kept.
    """
    decomposed = unicodedata.normalize("NFKD", name or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = bare.translate(_FOLD).casefold()
    return " ".join(_WORD.findall(folded))


def _sorted_key(name: str) -> str:
    """The name key with its words sorted.

    ``fuzz.ratio`` of two of these equals ``fuzz.token_sort_ratio`` of the name keys;
    sorting once per name instead of once per comparison keeps big lists fast.
    """
    return " ".join(sorted(name_key(name).split()))


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
    phone_k = _phone_key(normalise_phone(phone))
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
                    and _phone_key(normalise_phone(other)) == phone_k
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
        # Parallel lists (rapidfuzz is fastest on a list): ids, their sorted name
        # keys, and their (normalised email, phone key).
        self._ids: list[int] = []
        self._keys: list[str] = []
        self._contacts: list[tuple[str, str]] = []

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, candidate_id: int, name: str, email: str = "", phone: str = "") -> None:
        """Count this candidate too (the first one added keeps an email or phone)."""
        email_n = normalise_email(email)
        phone_k = _phone_key(normalise_phone(phone))
        if email_n:
            self._emails.setdefault(email_n, candidate_id)
        if phone_k:
            self._phones.setdefault(phone_k, candidate_id)
        if key := _sorted_key(name):
            self._ids.append(candidate_id)
            self._keys.append(key)
            self._contacts.append((email_n, phone_k))

    def match(self, name: str, email: str = "", phone: str = "") -> int | None:
        """The id of a candidate who is likely this person, or None.

        A shared email wins over a shared phone, which wins over the most similar
        name whose contact details do not differ (the first added among equals).
        """
        email_n = normalise_email(email)
        if email_n and email_n in self._emails:
            return self._emails[email_n]
        phone_k = _phone_key(normalise_phone(phone))
        if phone_k and phone_k in self._phones:
            return self._phones[phone_k]
        query = _sorted_key(name)
        if not query or not self._keys:
            return None
        similar = process.extract(
            query, self._keys, scorer=fuzz.ratio, score_cutoff=NAME_THRESHOLD, limit=None
        )
        for _key, _score, i in similar:
            other_email, other_phone = self._contacts[i]
            if (email_n and other_email) or (phone_k and other_phone):
                continue  # both have one, and it differs (a same one returned above)
            return self._ids[i]
        return None


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


@dataclass(frozen=True)
class MergePreview:
    """What :func:`merge` would do, for the person to confirm."""

    keep_id: int
    merge_id: int
    record: CandidateInput  # the kept candidate's record after the merge
    moved_attachments: int  # files that move (exact copies of kept files are dropped)
    moved_applications: int  # applications to roles only the merged candidate applied to
    conflicting_applications: tuple[str, ...]  # role titles both applied to (combined)


#: Contact fields whose value is noted when the kept record's different value wins.
_NOTED_FIELDS: tuple[tuple[str, str], ...] = (
    ("email", "Email"),
    ("phone", "Phone"),
    ("linkedin_url", "LinkedIn"),
    ("github_url", "GitHub"),
    ("portfolio_url", "Portfolio"),
)

#: Fields moved together: the amount means nothing without its currency and period.
_SALARY_FIELDS = ("salary_expectation", "salary_currency", "salary_period")


def preview_merge(workbook: Workbook, keep_id: int, merge_id: int) -> MergePreview:
    """What merging ``merge_id`` into ``keep_id`` would give; nothing is changed."""
    with workbook.transaction() as session:
        keep, other = _pair(session, keep_id, merge_id)
        record = _merged_record(
            detail_of(session, keep).record, detail_of(session, other).record, date.today()
        )
        kept_hashes = _hashes(session, keep_id)
        moved_files = sum(1 for h in _hashes(session, merge_id) if h not in kept_hashes)
        kept_roles = _applications(session, keep_id)
        other_roles = _applications(session, merge_id)
        shared = [role_id for role_id in other_roles if role_id in kept_roles]
        titles = _role_titles(session, shared)
    return MergePreview(
        keep_id=keep_id,
        merge_id=merge_id,
        record=record,
        moved_attachments=moved_files,
        moved_applications=len(other_roles) - len(shared),
        conflicting_applications=tuple(titles[r] for r in shared),
    )


def merge(workbook: Workbook, keep_id: int, merge_id: int) -> CandidateDetail:
    """Fold candidate ``merge_id`` into ``keep_id`` and delete it, in one transaction.

    The kept record's filled-in fields win and its empty ones are filled from the
    other; skills and tags are combined; the other's notes (and contact details
    that lost out) are added under a "Merged from ..." heading. Every file moves
    (except exact copies), every application moves; where both applied to one
    role, the application further along is kept and takes over the other's stage
    events, interviews and offers.
    """
    with workbook.transaction() as session:
        keep, other = _pair(session, keep_id, merge_id)
        record = _merged_record(
            detail_of(session, keep).record, detail_of(session, other).record, date.today()
        )
        apply_record(keep, record)
        keep.consent_at = keep.consent_at or other.consent_at
        keep.retain_until = keep.retain_until or other.retain_until
        keep.updated_at = utcnow()
        session.add(keep)
        _move_attachments(session, keep_id, merge_id)
        _move_applications(session, keep_id, merge_id)
        # Lists: the other's rows go with it; the kept candidate gets the union.
        session.execute(delete(CandidateSkill).where(col(CandidateSkill.candidate_id) == keep_id))
        session.execute(delete(CandidateTag).where(col(CandidateTag.candidate_id) == keep_id))
        session.add_all(CandidateSkill(candidate_id=keep_id, skill=s) for s in record.skills)
        session.add_all(CandidateTag(candidate_id=keep_id, tag=t) for t in record.tags)
        session.flush()
        session.delete(other)
        session.flush()
        search.remove_candidate(session, merge_id)
        search.index_candidate(session, keep_id)
        audit.record(session, "merge", "candidate", keep_id, {"kept": keep_id, "merged": merge_id})
        return detail_of(session, keep)


def _pair(session: Session, keep_id: int, merge_id: int) -> tuple[Candidate, Candidate]:
    if keep_id == merge_id:
        raise ValidationError({"merge": "a candidate cannot be merged with themselves"})
    return load_candidate(session, keep_id), load_candidate(session, merge_id)


def _is_empty(value: object) -> bool:
    return value is None or value == ""


def _merged_record(keep: CandidateInput, other: CandidateInput, today: date) -> CandidateInput:
    """``keep`` with its empty fields filled from ``other``, lists and notes combined."""
    changes: dict[str, object] = {}
    for f in fields(CandidateInput):
        if f.name in ("skills", "tags", "notes", *_SALARY_FIELDS):
            continue
        mine, theirs = getattr(keep, f.name), getattr(other, f.name)
        if f.name == "source":
            if mine == Source.OTHER.value and theirs != Source.OTHER.value:
                changes["source"] = theirs
        elif _is_empty(mine) and not _is_empty(theirs):
            changes[f.name] = theirs
    if keep.salary_expectation is None and other.salary_expectation is not None:
        changes.update({name: getattr(other, name) for name in _SALARY_FIELDS})
    changes["skills"] = _union(keep.skills, other.skills)
    changes["tags"] = _union(keep.tags, other.tags)
    changes["notes"] = _merged_notes(keep, other, today)
    return replace(keep, **changes)  # type: ignore[arg-type]


def _merged_notes(keep: CandidateInput, other: CandidateInput, today: date) -> str:
    lost = [
        f"{label}: {getattr(other, name)}"
        for name, label in _NOTED_FIELDS
        if getattr(other, name)
        and getattr(keep, name)
        and _comparable(name, getattr(other, name)) != _comparable(name, getattr(keep, name))
    ]
    if not other.notes and not lost:
        return keep.notes
    lines = [f"Merged from {other.name} ({today.isoformat()}):", *lost]
    if other.notes:
        lines.append(other.notes)
    section = "\n".join(lines)
    return f"{keep.notes}\n\n{section}" if keep.notes else section


def _comparable(name: str, value: str) -> str:
    if name == "email":
        return normalise_email(value)
    if name == "phone":
        return _phone_key(normalise_phone(value))
    return value.strip().casefold()


def _union(first: Iterable[str], second: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    result: list[str] = []
    for value in (*first, *second):
        if value.casefold() not in seen:
            seen.add(value.casefold())
            result.append(value)
    return tuple(result)


def _hashes(session: Session, candidate_id: int) -> list[str]:
    return list(
        session.exec(select(Attachment.sha256).where(Attachment.candidate_id == candidate_id))
    )


def _applications(session: Session, candidate_id: int) -> dict[int, Application]:
    """A candidate's applications by role id."""
    rows = session.exec(
        select(Application)
        .where(Application.candidate_id == candidate_id)
        .order_by(col(Application.id))
    )
    return {a.role_id: a for a in rows}


def _role_titles(session: Session, role_ids: list[int]) -> Mapping[int, str]:
    if not role_ids:
        return {}
    rows = session.exec(select(Role.id, Role.title).where(col(Role.id).in_(role_ids)))
    return {rid: title for rid, title in rows if rid is not None}


def _progress(stage: str) -> int:
    """How far along an application is: its place in the pipeline; closed without a hire
    (rejected, withdrawn) counts least. Hired is the end of the pipeline."""
    current = Stage(stage)
    return PIPELINE.index(current) if current in PIPELINE else -1


def _move_attachments(session: Session, keep_id: int, merge_id: int) -> None:
    """Every file of the other candidate moves, except exact copies of kept files."""
    kept = _hashes(session, keep_id)
    statement = update(Attachment).where(col(Attachment.candidate_id) == merge_id)
    if kept:
        statement = statement.where(col(Attachment.sha256).not_in(kept))
    session.execute(statement.values(candidate_id=keep_id))


def _move_applications(session: Session, keep_id: int, merge_id: int) -> None:
    kept = _applications(session, keep_id)
    for role_id, theirs in _applications(session, merge_id).items():
        mine = kept.get(role_id)
        if mine is None:
            theirs.candidate_id = keep_id
            session.add(theirs)
            continue
        winner, loser = (
            (theirs, mine) if _progress(theirs.stage) > _progress(mine.stage) else (mine, theirs)
        )
        assert winner.id is not None and loser.id is not None
        for model in (StageEvent, Interview, Offer):
            session.execute(
                update(model)
                .where(col(model.application_id) == loser.id)
                .values(application_id=winner.id)
            )
        winner.applied_at = min(winner.applied_at, loser.applied_at)
        winner.updated_at = utcnow()
        session.delete(loser)
        session.flush()  # the unique (candidate, role) pair is free before the winner moves
        winner.candidate_id = keep_id
        session.add(winner)
    session.flush()
