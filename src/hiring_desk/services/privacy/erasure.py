"""Erasing a candidate's personal data, leaving anonymous counts and no trace in the file.

``erase_candidate`` first backs the workbook up (reason "before-erasure"), then,
in one transaction:

* keeps the candidate row but empties every personal field (the name becomes
  "Erased candidate #<id>") and marks it erased;
* removes their skills, tags and files, and their search-index entry;
* scrubs their name, email and other contact details from free text: the notes
  of their stage moves, interviews, scorecards and ratings, and their offers'
  terms and printed letter (there also their first and last names on their own,
  so "Dear Ana," goes too); elsewhere in the workbook (another candidate's notes,
  the activity log) their full name and email;
* keeps applications, stage moves, interviews and offers, now anonymous, so
  counts per stage, source and role still add up.

Then the store rewrites the file so the old bytes are gone from it and from its
write-ahead log (``store.maintenance.scrub_free_pages``). Backups taken before
still hold the data until they are thinned away.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from hiring_desk.services.candidates import opened_copies
from hiring_desk.services.candidates.candidate_records import load_candidate
from hiring_desk.services.candidates.erased_guard import ErasedCandidateError
from hiring_desk.services.common import audit, match_scores
from hiring_desk.services.common.errors import NotFoundError, ServiceError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.privacy.text_scrubber import ERASED_MARK, Scrubber
from hiring_desk.store import Workbook, search
from hiring_desk.store.maintenance import scrub_free_pages
from hiring_desk.store.models import (
    Application,
    Attachment,
    AuditEvent,
    Candidate,
    CandidateMessage,
    CandidateSkill,
    CandidateTag,
    Interview,
    Offer,
    Scorecard,
    ScorecardRating,
    StageEvent,
    Task,
    TeamMember,
)
from hiring_desk.store.models._base import utcnow
from hiring_desk.store.models.candidates import CONTACT_FIELDS
from hiring_desk.store.workbook import ACTING_MEMBER

#: Name parts shorter than this are left alone (initials would scrub too much).
_MIN_PART = 2


@dataclass(frozen=True)
class ErasureReport:
    """What an erasure did."""

    candidate_ids: tuple[int, ...]
    #: The backup taken first; None on a team workbook (its server's administrator
    #: backs it up, with pg_dump).
    backup: Path | None
    texts_scrubbed: int  # free-text fields that mentioned the candidates
    log_emptied: bool  # False: the write-ahead log empties when the workbook closes

    @property
    def candidate_id(self) -> int:
        """The (first) candidate erased."""
        return self.candidate_ids[0]


def erased_name(candidate_id: int) -> str:
    return f"Erased candidate #{candidate_id}"


def erase_candidate(
    workbook: Workbook, candidate_id: int, member_id: int | None = None
) -> ErasureReport:
    """Erase a candidate's personal data (see the module's description); cannot be undone.

    ``member_id`` names the team member doing it, for the activity log (default:
    the workbook's acting member). Refused for an unknown or already erased
    candidate, and if the backup taken first fails.
    """
    require(workbook, Permission.PRIVACY)
    return erase_candidates(workbook, [candidate_id], member_id)


def erase_candidates(
    workbook: Workbook, candidate_ids: Sequence[int], member_id: int | None = None
) -> ErasureReport:
    """Erase several candidates at once: one backup, one transaction, one rewrite of the file.

    All or nothing: if one of them is unknown or already erased, none is erased.
    """
    require(workbook, Permission.PRIVACY)
    ids = tuple(dict.fromkeys(candidate_ids))
    if not ids:
        raise ServiceError("Choose the candidates to erase.")
    with workbook.transaction() as session:
        for candidate_id in ids:
            _erasable(session, candidate_id)
        if member_id is not None and session.get(TeamMember, member_id) is None:
            raise NotFoundError(f"Team member {member_id} does not exist.")
    backup = _backup_first(workbook)
    with workbook.transaction() as session:
        if member_id is not None:
            session.info[ACTING_MEMBER] = member_id
        found = [_erasable(session, candidate_id) for candidate_id in ids]
        scrubbed = _scrub_texts(session, found)
        for candidate in found:
            _remove_personal_data(session, candidate)
            audit.record(
                session, "erase", "candidate", candidate.id, {"texts": scrubbed, "of": len(ids)}
            )
        search.purge_removed(session)
        match_scores.refresh_for_candidates(session, ids)
    for candidate_id in ids:
        opened_copies.remove_candidate_copies(workbook.location, candidate_id)
    result = scrub_free_pages(workbook.engine)
    return ErasureReport(ids, backup, scrubbed, result.log_emptied)


def _remove_personal_data(session: Session, candidate: Candidate) -> None:
    """Empty the candidate's record; drop their skills, tags, files, messages, tasks and
    search entry."""
    assert candidate.id is not None
    for model in (CandidateSkill, CandidateTag, Attachment, CandidateMessage, Task):
        session.execute(sa.delete(model).where(col(model.candidate_id) == candidate.id))
    _anonymise(candidate)
    session.add(candidate)
    session.flush()
    search.remove_candidate(session, candidate.id)


def _erasable(session: Session, candidate_id: int) -> Candidate:
    candidate = load_candidate(session, candidate_id)
    if candidate.erased_at is not None:
        raise ErasedCandidateError(f"Candidate {candidate_id}'s personal data is already erased.")
    return candidate


def _backup_first(workbook: Workbook) -> Path | None:
    from hiring_desk.services.workbook.backups import BEFORE_ERASURE, backup_now

    if not workbook.is_file:  # no file to back up: the administrator's pg_dump does
        return None
    try:
        return backup_now(workbook, BEFORE_ERASURE).path
    except ServiceError as exc:
        raise ServiceError(
            f"Nothing was erased: the backup taken before erasing failed ({exc})."
        ) from None


def _anonymise(candidate: Candidate) -> None:
    assert candidate.id is not None
    candidate.name = erased_name(candidate.id)
    candidate.sort_name = search.sort_name(candidate.name)
    for field in (
        *CONTACT_FIELDS,
        "current_title",
        "notes",
        "consent_method",
    ):
        setattr(candidate, field, "")
    for field in (
        "years_experience",
        "salary_expectation_minor",
        "salary_expectation_max_minor",
        "salary_currency",
        "notice_weeks",
        "work_mode_preference",
        "consent_at",
        "consent_until",
        "retain_until",
    ):
        setattr(candidate, field, None)
    candidate.salary_period = "year"
    candidate.erased_at = candidate.updated_at = utcnow()


# -- finding the candidate in free text ------------------------------------------------------


def _own_scrubber(candidate: Candidate) -> Scrubber:
    """For the candidate's own records: every contact detail, and each part of their name."""
    name, email = candidate.name, candidate.email
    contact = [
        candidate.phone,
        candidate.postal_address,
        *candidate.postal_address.splitlines(),
        candidate.linkedin_url,
        candidate.github_url,
        candidate.portfolio_url,
    ]
    parts = [part for part in re.findall(r"[^\W\d_][\w'’-]*", name) if len(part) >= _MIN_PART]
    return Scrubber([name, email, *contact], parts)


# -- where free text lives -----------------------------------------------------------------


@dataclass(frozen=True)
class _TextColumns:
    model: Any
    columns: tuple[str, ...]
    #: (row id, candidate id) of the rows that belong to the candidates being erased.
    owners: sa.Select[Any] | None


def _text_places(candidate_ids: Sequence[int]) -> Sequence[_TextColumns]:
    owner = col(Application.candidate_id)
    theirs = owner.in_(candidate_ids)

    def rows_of(model: Any, *joins: tuple[Any, Any]) -> sa.Select[Any]:
        statement = sa.select(col(model.id), owner).select_from(model)
        for target, condition in joins:
            statement = statement.join(target, condition)
        return statement.where(theirs)

    to_application = (Application, col(Application.id) == col(Interview.application_id))
    to_interview = (Interview, col(Interview.id) == col(Scorecard.interview_id))
    return (
        _TextColumns(Application, ("closed_reason",), rows_of(Application)),
        _TextColumns(
            StageEvent,
            ("note",),
            rows_of(
                StageEvent, (Application, col(Application.id) == col(StageEvent.application_id))
            ),
        ),
        _TextColumns(
            Interview, ("notes", "location", "video_link"), rows_of(Interview, to_application)
        ),
        _TextColumns(Scorecard, ("notes",), rows_of(Scorecard, to_interview, to_application)),
        _TextColumns(
            ScorecardRating,
            ("note",),
            rows_of(
                ScorecardRating,
                (Scorecard, col(Scorecard.id) == col(ScorecardRating.scorecard_id)),
                to_interview,
                to_application,
            ),
        ),
        _TextColumns(
            Offer,
            (
                "bonus",
                "probation",
                "working_hours",
                "place_of_work",
                "benefits",
                "conditions",
                "letter_text",
            ),
            rows_of(Offer, (Application, col(Application.id) == col(Offer.application_id))),
        ),
        _TextColumns(Candidate, ("notes",), None),
        _TextColumns(AuditEvent, ("detail",), None),
    )


def _scrub_texts(session: Session, erasing: Sequence[Candidate]) -> int:
    """Scrub every place free text lives, in one pass; returns how many fields changed.

    Rows of an erased candidate lose all their contact details and name parts;
    everywhere, the full names and emails of everyone being erased go. Another
    candidate whose notes changed is reindexed for search.
    """
    ids = [candidate.id for candidate in erasing if candidate.id is not None]
    own = {candidate.id: _own_scrubber(candidate) for candidate in erasing}
    anywhere = Scrubber([v for c in erasing for v in (c.name, c.email)])
    changed_fields = 0
    for place in _text_places(ids):
        model = place.model
        owners: dict[int, int] = {}
        if place.owners is not None:
            owners = {int(r): int(c) for r, c in session.execute(place.owners)}
        columns = [getattr(model, name) for name in place.columns]
        statement = sa.select(col(model.id), *columns).where(sa.or_(*(c != "" for c in columns)))
        for row_id, *values in session.execute(statement).all():
            if model is Candidate and row_id in own:
                continue  # emptied by _anonymise
            changes = {}
            for name, value in zip(place.columns, values, strict=True):
                if value:
                    new = anywhere.scrub(
                        own[owners[row_id]].scrub(value) if row_id in owners else value
                    )
                    if new != value:
                        changes[name] = new
            if changes:
                session.execute(sa.update(model).where(col(model.id) == row_id).values(**changes))
                changed_fields += len(changes)
                if model is Candidate:
                    search.index_candidate(session, row_id)
    return changed_fields


__all__ = [
    "ERASED_MARK",
    "ErasureReport",
    "Scrubber",
    "erase_candidate",
    "erase_candidates",
    "erased_name",
]
