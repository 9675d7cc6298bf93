"""Writing the checked rows of an import: one transaction, all or nothing.

Rows are written in batches with SQLAlchemy Core ``executemany`` inserts (one
statement per table and batch), not one ORM object at a time, and the new
candidates get their ids here (after the largest in use) so nothing is read back.
Their sort keys go in with them and their search entries are made from the text in
hand (``search.index_rows``). Cancelling (the progress callback answering False)
rolls the whole transaction back: nothing is half-imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from hiring_desk.domain.formatting import major_to_minor
from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates.bulk_work import cyclic_gc_paused
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common import audit, match_scores
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.store import Workbook, search
from hiring_desk.store.engine import TEXT_CLEANED, bulk_writing, ids_given
from hiring_desk.store.models import (
    Application,
    Candidate,
    CandidateSkill,
    CandidateTag,
    StageEvent,
)
from hiring_desk.store.models._base import utcnow
from hiring_desk.store.models.candidates import CONTACT_FIELDS

BATCH = 2000
#: SQLite's page cache while importing (KiB; the default is 2 MB): the indexes of a
#: big import outgrow the default, and each batch would read their pages again.
IMPORT_CACHE_KB = 64 * 1024
#: Every string written went through ``check_candidate``'s cleaning.
_CLEANED = {TEXT_CLEANED: True}
IMPORT_NOTE = "Imported from CSV"

#: (done, total) -> keep going?
Progress = Callable[[int, int], bool]


class ImportCancelledError(ServiceError):
    """The person cancelled the import; nothing was imported."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was imported.")


def store_records(
    workbook: Workbook,
    records: Sequence[CandidateInput],
    *,
    role_id: int | None,
    progress: Progress | None = None,
) -> list[int]:
    """Insert the checked records in one transaction; their new ids, in order."""
    total = len(records)
    ids: list[int] = []
    with cyclic_gc_paused(), workbook.transaction() as session:
        connection = session.connection()
        candidates = _table(Candidate)
        next_id = int(connection.execute(select(func.max(candidates.c.id))).scalar() or 0) + 1
        # The timestamp as the driver stores it, converted once rather than per row.
        to_driver = candidates.c.created_at.type.bind_processor(connection.dialect)
        now = utcnow()
        stamp = to_driver(now) if to_driver else now
        with bulk_writing(connection, cache_kb=IMPORT_CACHE_KB):
            for start in range(0, total, BATCH):
                batch = records[start : start + BATCH]
                batch_ids = list(range(next_id, next_id + len(batch)))
                next_id += len(batch)
                _write(connection, _Batch.of(batch_ids, batch, stamp), role_id, now)
                ids += batch_ids
                if progress is not None and not progress(len(ids), total):
                    raise ImportCancelledError
        ids_given(connection, ("candidate", "application"))
        if role_id is not None:
            match_scores.refresh_for_candidates(session, ids)
        audit.record(session, "import", "candidate", None, {"rows": len(ids)})
    return ids


@dataclass(frozen=True)
class _Batch:
    """One batch's rows for each table, ready for the driver."""

    ids: list[int]
    candidates: list[tuple[object, ...]]
    skills: list[tuple[object, ...]]
    tags: list[tuple[object, ...]]
    search_rows: list[tuple[object, ...]]

    @classmethod
    def of(cls, ids: list[int], records: Sequence[CandidateInput], stamp: object) -> _Batch:
        pairs = list(zip(ids, records, strict=True))
        return cls(
            ids=ids,
            candidates=[(cid, *candidate_values(r), stamp, stamp) for cid, r in pairs],
            skills=[(cid, skill) for cid, r in pairs for skill in r.skills],
            tags=[(cid, tag) for cid, r in pairs for tag in r.tags],
            search_rows=search.index_rows(_search_text(cid, r) for cid, r in pairs),
        )


def _write(connection: Connection, batch: _Batch, role_id: int | None, now: datetime) -> None:
    _insert_many(connection, _table(Candidate), _CANDIDATE_ROW, batch.candidates)
    _insert_many(connection, _table(CandidateSkill), ("candidate_id", "skill"), batch.skills)
    _insert_many(connection, _table(CandidateTag), ("candidate_id", "tag"), batch.tags)
    search.insert_index_rows(connection, batch.search_rows)
    if role_id is not None:
        _apply_all(connection, batch.ids, role_id, now)


def _search_text(candidate_id: int, r: CandidateInput) -> search.NewCandidateText:
    # Positional: a named tuple made with keywords takes twice as long, once a row.
    return search.NewCandidateText(
        candidate_id,
        r.name,
        r.email,
        r.phone,
        r.current_title,
        r.location,
        r.tags,
        r.skills,
        r.notes,
    )


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def _insert_many(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[object, ...]]
) -> None:
    """One ``executemany`` INSERT of ``rows`` (values in ``columns`` order, as the driver
    takes them): no per-row parameter processing, which for tens of thousands of rows
    took longer than SQLite's work."""
    if not rows:
        return
    for name in columns:
        assert name in table.c, name  # names from the metadata, never from outside
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join(mark for _ in columns)})"
    )
    connection.exec_driver_sql(sql, rows, execution_options=_CLEANED)


def _apply_all(
    connection: Connection, candidate_ids: list[int], role_id: int, now: datetime
) -> None:
    """An application to ``role_id`` at Applied for each candidate, with its first event."""
    applications = _table(Application)
    first = int(connection.execute(select(func.max(applications.c.id))).scalar() or 0) + 1
    application_ids = range(first, first + len(candidate_ids))
    connection.execute(
        insert(applications),
        [
            {
                "id": aid,
                "candidate_id": cid,
                "role_id": role_id,
                "stage": Stage.APPLIED.value,
                "applied_at": now,
                "updated_at": now,
            }
            for aid, cid in zip(application_ids, candidate_ids, strict=True)
        ],
    )
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


#: The candidate columns ``candidate_values`` gives, in its order.
CANDIDATE_COLUMNS = (
    "name",
    "sort_name",
    *CONTACT_FIELDS,
    "source",
    "current_title",
    "years_experience",
    "salary_expectation_minor",
    "salary_expectation_max_minor",
    "salary_currency",
    "salary_period",
    "notice_weeks",
    "work_mode_preference",
    "notes",
    "consent_method",
)


_CANDIDATE_ROW = ("id", *CANDIDATE_COLUMNS, "created_at", "updated_at")


def candidate_values(data: CandidateInput) -> tuple[object, ...]:
    """The candidate row for a checked record, in ``CANDIDATE_COLUMNS`` order: the columns
    ``candidates.apply_record`` sets (money in minor units), and the sort key."""
    currency = data.salary_currency
    low, high = data.salary_expectation, data.salary_expectation_max
    return (
        data.name,
        search.sort_name(data.name),
        data.email,
        data.phone,
        data.location,
        data.postal_address,
        data.linkedin_url,
        data.github_url,
        data.portfolio_url,
        data.source,
        data.current_title,
        data.years_experience,
        None if low is None or not currency else major_to_minor(low, currency),
        None if high is None or not currency else major_to_minor(high, currency),
        currency,
        data.salary_period,
        data.notice_weeks,
        data.work_mode_preference,
        data.notes,
        "",
    )
