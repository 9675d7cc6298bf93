"""Merging two records of the same person: nothing is lost.

The kept record's filled fields win; its empty ones are filled from the other;
skills, tags, files and applications are combined; where both applied to one
role, the further-along application stays and takes the other's history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from hiring_desk import clock
from hiring_desk.domain.vocab import PIPELINE, Source, Stage
from hiring_desk.services.candidates import opened_copies
from hiring_desk.services.candidates.candidate_records import (
    CandidateDetail,
    apply_record,
    detail_of,
    load_candidate,
)
from hiring_desk.services.candidates.duplicates import normalise_email, normalise_phone, phone_key
from hiring_desk.services.candidates.erased_guard import refuse_if_erased
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common import audit, match_scores
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.permissions import Permission, require
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
    Task,
)
from hiring_desk.store.models._base import utcnow


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
_SALARY_FIELDS = (
    "salary_expectation",
    "salary_expectation_max",
    "salary_currency",
    "salary_period",
)


def preview_merge(workbook: Workbook, keep_id: int, merge_id: int) -> MergePreview:
    """What merging ``merge_id`` into ``keep_id`` would give; nothing is changed."""
    with workbook.transaction() as session:
        keep, other = _pair(session, keep_id, merge_id)
        record = _merged_record(
            detail_of(session, keep).record, detail_of(session, other).record, clock.today()
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
    (except exact copies), every application and task moves; where both applied to one
    role, the application further along is kept and takes over the other's stage
    events, interviews and offers.
    """
    require(workbook, Permission.CANDIDATES)
    with workbook.transaction() as session:
        keep, other = _pair(session, keep_id, merge_id)
        record = _merged_record(
            detail_of(session, keep).record, detail_of(session, other).record, clock.today()
        )
        apply_record(keep, record)
        if keep.consent_at is None and other.consent_at is not None:
            keep.consent_at, keep.consent_method = other.consent_at, other.consent_method
            keep.consent_until = other.consent_until
        keep.retain_until = keep.retain_until or other.retain_until
        keep.updated_at = utcnow()
        session.add(keep)
        _move_attachments(session, keep_id, merge_id)
        _move_applications(session, keep_id, merge_id)
        session.execute(
            update(Task).where(col(Task.candidate_id) == merge_id).values(candidate_id=keep_id)
        )
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
        match_scores.refresh_for_candidates(session, [keep_id])
        audit.record(session, "merge", "candidate", keep_id, {"kept": keep_id, "merged": merge_id})
        detail = detail_of(session, keep)
    # Copies opened under the merged candidate's number would escape a later erasure.
    opened_copies.remove_candidate_copies(workbook.location, merge_id)
    return detail


def _pair(session: Session, keep_id: int, merge_id: int) -> tuple[Candidate, Candidate]:
    if keep_id == merge_id:
        raise ValidationError({"merge": "a candidate cannot be merged with themselves"})
    pair = load_candidate(session, keep_id), load_candidate(session, merge_id)
    refuse_if_erased(session, keep_id)
    refuse_if_erased(session, merge_id)
    return pair


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
        return phone_key(normalise_phone(value))
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
