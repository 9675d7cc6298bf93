"""Writing the checked rows of an import: one transaction, duplicates skipped.

Rows are written in batches with SQLAlchemy Core bulk inserts (one statement per
table and batch, ids returned in row order), not one ORM object at a time: ten
thousand rows take about a second rather than half a minute. The search index, the
sort keys and the match scores are then brought up to date for the whole import at
once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert
from sqlmodel import Session

from hiring_desk.domain.formatting import major_to_minor
from hiring_desk.domain.vocab import Stage
from hiring_desk.services import audit, match_scores
from hiring_desk.services.candidate_import import ImportCancelledError, ImportResult, Progress
from hiring_desk.services.candidate_records import CandidateInput
from hiring_desk.services.duplicates import batch_index
from hiring_desk.store import Workbook, search
from hiring_desk.store.models import (
    Application,
    Candidate,
    CandidateSkill,
    CandidateTag,
    StageEvent,
)
from hiring_desk.store.models._base import utcnow

BATCH = 500
IMPORT_NOTE = "Imported from CSV"


def store_rows(
    workbook: Workbook,
    rows: list[tuple[int, CandidateInput]],
    result: ImportResult,
    *,
    role_id: int | None,
    progress: Progress | None,
) -> ImportResult:
    index = batch_index(workbook)
    total = len(rows)
    # Rows not written yet are in the duplicate index under a placeholder id (minus
    # their position), so a later row of the same file is found as their duplicate.
    placeholders: list[int] = []
    duplicates: list[tuple[int, int]] = []  # (line, id or placeholder of the first)
    with workbook.transaction() as session:
        pending: list[CandidateInput] = []
        for done, (line, record) in enumerate(rows, start=1):
            existing = index.match(record.name, record.email, record.phone)
            if existing is not None:
                duplicates.append((line, existing))
            else:
                index.add(-done, record.name, record.email, record.phone)
                placeholders.append(-done)
                pending.append(record)
            if (
                progress is not None
                and (done % 100 == 0 or done == total)
                and not progress(done, total)
            ):
                raise ImportCancelledError("The import was cancelled; nothing was imported.")
            if len(pending) >= BATCH:
                result.candidate_ids += _insert_batch(session, pending, role_id)
                pending = []
        if pending:
            result.candidate_ids += _insert_batch(session, pending, role_id)
        real = dict(zip(placeholders, result.candidate_ids, strict=True))
        result.skipped += [
            (line, f"a duplicate of candidate {real.get(first, first)}")
            for line, first in duplicates
        ]
        search.index_candidates(session, result.candidate_ids)
        match_scores.refresh_for_candidates(session, result.candidate_ids)
        audit.record(session, "import", "candidate", None, {"rows": len(result.candidate_ids)})
    result.imported = len(result.candidate_ids)
    result.skipped.sort()
    return result


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def _insert_batch(
    session: Session, records: list[CandidateInput], role_id: int | None
) -> list[int]:
    """Insert the candidates, their skills and tags (and applications); their new ids."""
    connection = session.connection()
    now = utcnow()
    candidates = _table(Candidate)
    ids = [
        int(row[0])
        for row in connection.execute(
            insert(candidates).returning(candidates.c.id, sort_by_parameter_order=True),
            [candidate_values(r, now) for r in records],
        )
    ]
    skills = [
        {"candidate_id": cid, "skill": skill}
        for cid, r in zip(ids, records, strict=True)
        for skill in r.skills
    ]
    if skills:
        connection.execute(insert(_table(CandidateSkill)), skills)
    tags = [
        {"candidate_id": cid, "tag": tag}
        for cid, r in zip(ids, records, strict=True)
        for tag in r.tags
    ]
    if tags:
        connection.execute(insert(_table(CandidateTag)), tags)
    if role_id is not None:
        _apply_all(session, ids, role_id, now)
    return ids


def _apply_all(session: Session, candidate_ids: list[int], role_id: int, now: datetime) -> None:
    """An application to ``role_id`` at Applied for each candidate, with its first event."""
    connection = session.connection()
    applications = _table(Application)
    application_ids = [
        int(row[0])
        for row in connection.execute(
            insert(applications).returning(applications.c.id, sort_by_parameter_order=True),
            [
                {
                    "candidate_id": cid,
                    "role_id": role_id,
                    "stage": Stage.APPLIED.value,
                    "applied_at": now,
                    "updated_at": now,
                }
                for cid in candidate_ids
            ],
        )
    ]
    connection.execute(
        insert(_table(StageEvent)),
        [
            {
                "application_id": aid,
                "from_stage": None,
                "to_stage": Stage.APPLIED.value,
                "at": now,
                "note": IMPORT_NOTE,
            }
            for aid in application_ids
        ],
    )


def candidate_values(data: CandidateInput, now: datetime) -> dict[str, object]:
    """The candidate row for a checked record: the columns ``candidates.apply_record`` sets
    (money in minor units), and the timestamps."""
    currency = data.salary_currency
    return {
        "name": data.name,
        "email": data.email,
        "phone": data.phone,
        "location": data.location,
        "postal_address": data.postal_address,
        "linkedin_url": data.linkedin_url,
        "github_url": data.github_url,
        "portfolio_url": data.portfolio_url,
        "source": data.source,
        "current_title": data.current_title,
        "years_experience": data.years_experience,
        "salary_expectation_minor": (
            major_to_minor(data.salary_expectation, currency)
            if data.salary_expectation is not None and currency
            else None
        ),
        "salary_currency": currency,
        "salary_period": data.salary_period,
        "notice_weeks": data.notice_weeks,
        "work_mode_preference": data.work_mode_preference,
        "notes": data.notes,
        "created_at": now,
        "updated_at": now,
    }
