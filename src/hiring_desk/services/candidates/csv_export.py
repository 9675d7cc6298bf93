"""Candidates to CSV: the rows of a table view, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlmodel import col, select

from hiring_desk import safe_output
from hiring_desk.domain.formatting import minor_to_major
from hiring_desk.services.candidates import candidate_table
from hiring_desk.services.candidates.candidate_table import CandidateFilter, SortKey
from hiring_desk.services.common.errors import reporting_write_failures
from hiring_desk.store import Workbook
from hiring_desk.store.models import Candidate, CandidateSkill, CandidateTag

#: The columns written, in order; import understands the same names.
HEADER = (
    "name",
    "email",
    "phone",
    "location",
    "source",
    "current title",
    "years of experience",
    "salary expectation",
    "salary expectation max",
    "currency",
    "notice weeks",
    "skills",
    "tags",
    "linkedin",
    "github",
    "portfolio",
    "notes",
    "stage",
    "role",
)
_PAGE = 1000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def export_csv(
    workbook: Workbook,
    out: Path,
    flt: CandidateFilter | None = None,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
) -> int:
    """Write the candidates of a view to ``out`` (UTF-8 with BOM); return how many."""
    flt = flt or CandidateFilter()
    written = 0
    with (
        reporting_write_failures(out),
        safe_output.open_text(out, encoding="utf-8-sig", newline="") as fh,
    ):
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        offset = 0
        while True:
            rows = candidate_table.fetch_rows(workbook, flt, sort, descending, offset, _PAGE)
            if not rows:
                break
            details = _details(workbook, [r.id for r in rows])
            for row in rows:
                writer.writerow(
                    neutralise(v) for v in details[row.id] + [row.stage or "", row.role_title or ""]
                )
            written += len(rows)
            offset += len(rows)
    return written


def _details(workbook: Workbook, ids: list[int]) -> dict[int, list[str]]:
    with workbook.transaction() as session:
        people = session.exec(select(Candidate).where(col(Candidate.id).in_(ids))).all()
        skills: dict[int, list[str]] = {}
        for cid, skill in session.exec(
            select(CandidateSkill.candidate_id, CandidateSkill.skill)
            .where(col(CandidateSkill.candidate_id).in_(ids))
            .order_by(col(CandidateSkill.id))
        ):
            skills.setdefault(cid, []).append(skill)
        tags: dict[int, list[str]] = {}
        for cid, tag in session.exec(
            select(CandidateTag.candidate_id, CandidateTag.tag)
            .where(col(CandidateTag.candidate_id).in_(ids))
            .order_by(col(CandidateTag.id))
        ):
            tags.setdefault(cid, []).append(tag)
    result: dict[int, list[str]] = {}
    for c in people:
        assert c.id is not None
        salary = _amount(c.salary_expectation_minor, c.salary_currency)
        salary_max = _amount(c.salary_expectation_max_minor, c.salary_currency)
        result[c.id] = [
            c.name,
            c.email,
            c.phone,
            c.location,
            c.source,
            c.current_title,
            "" if c.years_experience is None else str(c.years_experience),
            salary,
            salary_max,
            c.salary_currency or "",
            "" if c.notice_weeks is None else str(c.notice_weeks),
            "; ".join(skills.get(c.id, [])),
            "; ".join(tags.get(c.id, [])),
            c.linkedin_url,
            c.github_url,
            c.portfolio_url,
            c.notes,
        ]
    return result


def _amount(minor: int | None, currency: str | None) -> str:
    """An amount in major units with a dot for decimals (``72000.00``); empty if none."""
    if minor is None or not currency:
        return ""
    return format(minor_to_major(minor, currency), "f")
