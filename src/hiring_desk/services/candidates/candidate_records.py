"""Candidates: their records, skills and tags; kept in the search index as they change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from hiring_desk.domain.formatting import major_to_minor, minor_to_major
from hiring_desk.domain.vocab import PayPeriod, Source, Stage
from hiring_desk.services.candidates.erased_guard import refuse_if_erased
from hiring_desk.services.candidates.record_checks import CandidateInput, check_candidate
from hiring_desk.services.common import audit, match_scores
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require, salaries_hidden
from hiring_desk.services.team.company import currency_codes
from hiring_desk.store import Workbook, search, snapshots
from hiring_desk.store.models import (
    Application,
    Candidate,
    CandidateSkill,
    CandidateTag,
    Role,
)
from hiring_desk.store.models._base import utcnow
from hiring_desk.store.snapshots import Snapshot

__all__ = [
    "CandidateDetail",
    "CandidateInput",
    "CandidateSummary",
    "create_candidate",
    "delete_candidate",
    "get_candidate",
    "list_candidates",
    "update_candidate",
]


@dataclass(frozen=True)
class CandidateSummary:
    id: int
    name: str
    email: str
    stage: str | None
    role_title: str | None
    source: str
    location: str

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label if self.stage else ""

    @property
    def source_label(self) -> str:
        return Source(self.source).label


@dataclass(frozen=True)
class CandidateDetail:
    id: int
    record: CandidateInput
    created_at: datetime
    updated_at: datetime
    #: True when the person's role may not see salaries (the expectation is left out).
    salaries_hidden: bool = False


def list_candidates(workbook: Workbook, search_text: str = "") -> list[CandidateSummary]:
    """Candidates with the stage and role of their latest application.

    With ``search_text``: only those it finds, best match first; otherwise by name.
    """
    latest = (
        select(
            Application.candidate_id,
            func.max(Application.id).label("application_id"),
        )
        .group_by(col(Application.candidate_id))
        .subquery()
    )
    statement = (
        select(Candidate, col(Application.stage), col(Role.title))
        .outerjoin(latest, latest.c.candidate_id == col(Candidate.id))
        .outerjoin(Application, col(Application.id) == latest.c.application_id)
        .outerjoin(Role, col(Role.id) == Application.role_id)
    )
    with workbook.transaction() as session:
        ranked: list[int] | None = None
        if search_text.strip():
            ranked = search.search_ids(session, search_text)
            statement = statement.where(col(Candidate.id).in_(ranked))
        rows = [
            CandidateSummary(
                id=c.id or 0,
                name=c.name,
                email=c.email,
                stage=stage,
                role_title=title,
                source=c.source,
                location=c.location,
            )
            for c, stage, title in session.exec(statement)
        ]
    if ranked is not None:
        order = {cid: i for i, cid in enumerate(ranked)}
        return sorted(rows, key=lambda r: order[r.id])
    # The same order as the candidate table: letters folded (Ø with O), accents ignored.
    return sorted(rows, key=lambda r: (search.sort_name(r.name), r.id))


def get_candidate(workbook: Workbook, candidate_id: int) -> CandidateDetail:
    with workbook.transaction() as session:
        return detail_of(session, load_candidate(session, candidate_id))


def create_candidate(workbook: Workbook, data: CandidateInput) -> CandidateDetail:
    require(workbook, Permission.CANDIDATES)
    cleaned = _checked(data)
    with workbook.transaction() as session:
        return detail_of(session, add_candidate(session, cleaned))


def add_candidate(session: Session, data: CandidateInput) -> Candidate:
    """Add a candidate inside the caller's transaction (for services that do more in one go).

    ``data`` is checked first: a ``ValidationError`` leaves the session untouched.
    """
    cleaned = _checked(data)
    candidate = Candidate(name=cleaned.name)
    apply_record(candidate, cleaned)
    session.add(candidate)
    session.flush()
    assert candidate.id is not None
    _replace_lists(session, candidate.id, cleaned)
    search.index_candidate(session, candidate.id)
    match_scores.refresh_for_candidates(session, [candidate.id])
    audit.record(session, "add", "candidate", candidate.id)
    return candidate


def update_candidate(
    workbook: Workbook, candidate_id: int, data: CandidateInput
) -> CandidateDetail:
    require(workbook, Permission.CANDIDATES)
    cleaned = _checked(data)
    with workbook.transaction() as session:
        candidate = load_candidate(session, candidate_id)
        refuse_if_erased(session, candidate_id)
        apply_record(candidate, cleaned)
        candidate.updated_at = utcnow()
        session.add(candidate)
        _replace_lists(session, candidate_id, cleaned)
        search.index_candidate(session, candidate_id)
        match_scores.refresh_for_candidates(session, [candidate_id])
        audit.record(session, "edit", "candidate", candidate_id)
        return detail_of(session, candidate)


def tag_many(workbook: Workbook, candidate_ids: list[int], tag: str) -> int:
    """Add ``tag`` to every listed candidate who lacks it; returns how many got it."""
    require(workbook, Permission.CANDIDATES)
    from hiring_desk.services.candidates.record_checks import TAG_LIMIT, plain_text

    text = plain_text(tag)
    if not text:
        raise ValidationError({"tag": "is empty"})
    if len(text) > TAG_LIMIT:
        raise ValidationError({"tag": f"must be at most {TAG_LIMIT} characters"})
    added = 0
    with workbook.transaction() as session:
        for candidate_id in candidate_ids:
            load_candidate(session, candidate_id)
            refuse_if_erased(session, candidate_id)
            have = session.exec(
                select(CandidateTag.tag).where(CandidateTag.candidate_id == candidate_id)
            ).all()
            if text.casefold() in {t.casefold() for t in have}:
                continue
            session.add(CandidateTag(candidate_id=candidate_id, tag=text))
            session.flush()
            search.index_candidate(session, candidate_id)
            added += 1
        audit.record(session, "tag", "candidate", None, {"count": added})
    return added


def delete_candidate(workbook: Workbook, candidate_id: int) -> Snapshot:
    """Delete a candidate with their files, applications and history.

    Returns what went, for ``services.undo.restore_deleted``.
    """
    require(workbook, Permission.CANDIDATES)
    with workbook.transaction() as session:
        candidate = load_candidate(session, candidate_id)
        snapshot = snapshots.take(session, "candidate", candidate_id)
        session.delete(candidate)
        search.remove_candidate(session, candidate_id)
        audit.record(session, "remove", "candidate", candidate_id)
        return snapshot


def _checked(data: CandidateInput) -> CandidateInput:
    cleaned, errors = check_candidate(data, currency_codes())
    if errors:
        raise ValidationError(errors)
    return cleaned


def apply_record(candidate: Candidate, data: CandidateInput) -> None:
    """Copy a checked record onto a candidate row (money into minor units)."""
    candidate.name = data.name
    candidate.email = data.email
    candidate.phone = data.phone
    candidate.location = data.location
    candidate.postal_address = data.postal_address
    candidate.linkedin_url = data.linkedin_url
    candidate.github_url = data.github_url
    candidate.portfolio_url = data.portfolio_url
    candidate.source = data.source
    candidate.current_title = data.current_title
    candidate.years_experience = data.years_experience
    currency = data.salary_currency
    candidate.salary_expectation_minor = (
        major_to_minor(data.salary_expectation, currency)
        if data.salary_expectation is not None and currency
        else None
    )
    candidate.salary_expectation_max_minor = (
        major_to_minor(data.salary_expectation_max, currency)
        if data.salary_expectation_max is not None and currency
        else None
    )
    candidate.salary_currency = currency
    candidate.salary_period = data.salary_period
    candidate.notice_weeks = data.notice_weeks
    candidate.work_mode_preference = data.work_mode_preference
    candidate.notes = data.notes


def _replace_lists(session: Session, candidate_id: int, data: CandidateInput) -> None:
    session.execute(delete(CandidateSkill).where(col(CandidateSkill.candidate_id) == candidate_id))
    session.execute(delete(CandidateTag).where(col(CandidateTag.candidate_id) == candidate_id))
    session.add_all(CandidateSkill(candidate_id=candidate_id, skill=s) for s in data.skills)
    session.add_all(CandidateTag(candidate_id=candidate_id, tag=t) for t in data.tags)
    session.flush()


def detail_of(session: Session, c: Candidate) -> CandidateDetail:
    assert c.id is not None
    skills = session.exec(
        select(CandidateSkill.skill)
        .where(CandidateSkill.candidate_id == c.id)
        .order_by(col(CandidateSkill.id))
    ).all()
    tags = session.exec(
        select(CandidateTag.tag)
        .where(CandidateTag.candidate_id == c.id)
        .order_by(col(CandidateTag.id))
    ).all()
    salary: Decimal | None = None
    salary_max: Decimal | None = None
    hidden = salaries_hidden(session)  # an interviewer's: the server refuses salaries
    if hidden:
        currency, period = None, PayPeriod.YEAR.value
    else:
        currency, period = c.salary_currency, c.salary_period
    if not hidden and c.salary_expectation_minor is not None and c.salary_currency:
        salary = minor_to_major(c.salary_expectation_minor, c.salary_currency)
        if c.salary_expectation_max_minor is not None:
            salary_max = minor_to_major(c.salary_expectation_max_minor, c.salary_currency)
    record = CandidateInput(
        name=c.name,
        email=c.email,
        phone=c.phone,
        location=c.location,
        postal_address=c.postal_address,
        linkedin_url=c.linkedin_url,
        github_url=c.github_url,
        portfolio_url=c.portfolio_url,
        source=c.source,
        current_title=c.current_title,
        years_experience=c.years_experience,
        salary_expectation=salary,
        salary_expectation_max=salary_max,
        salary_currency=currency,
        salary_period=period,
        notice_weeks=c.notice_weeks,
        work_mode_preference=c.work_mode_preference,
        notes=c.notes,
        skills=tuple(skills),
        tags=tuple(tags),
    )
    return CandidateDetail(
        id=c.id,
        record=record,
        created_at=c.created_at,
        updated_at=c.updated_at,
        salaries_hidden=hidden,
    )


def load_candidate(session: Session, candidate_id: int) -> Candidate:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFoundError(f"Candidate {candidate_id} does not exist.")
    return candidate
