"""The candidate table's first page read with the standard library's ``sqlite3`` alone.

At start-up the window can show the first 200 candidates before SQLAlchemy, SQLModel
and the services are imported (about a second on a 50,000-candidate workbook): this
module reads them read-only (``mode=ro``), with the same columns and order as
``services.candidates.candidate_table.fetch_rows`` with no filter and the default
sort (by name, then id), and the scorecards of the applications shown. It imports
nothing of SQLAlchemy (``tests/ui/test_startup_imports.py`` checks it). The full
page replaces what it read as soon as the workbook is open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

#: The default first page, as ``candidate_table.fetch_rows`` builds it: the latest
#: application of each candidate (if any) with its role, by sort name then id.
_PAGE_SQL = """
SELECT candidate.id, candidate.name, candidate.email, candidate.location, candidate.source,
       application.stage, role.title, application.applied_at, application.id,
       application.match_score, application.role_id, role_stage.name
FROM candidate
LEFT OUTER JOIN application ON application.id = (
    SELECT max(latest.id) FROM application AS latest
    WHERE latest.candidate_id = candidate.id)
LEFT OUTER JOIN role ON role.id = application.role_id
LEFT OUTER JOIN role_stage ON role_stage.id = application.role_stage_id
ORDER BY candidate.sort_name ASC, candidate.id
LIMIT ?
"""

#: application id, scorecard id, recommendation, competency, rating (as
#: ``scorecard_aggregates.aggregates_for_applications`` reads them).
_SCORECARD_SQL = """
SELECT interview.application_id, scorecard.id, scorecard.recommendation,
       scorecard_rating.competency, scorecard_rating.rating
FROM scorecard
JOIN interview ON interview.id = scorecard.interview_id
LEFT OUTER JOIN scorecard_rating ON scorecard_rating.scorecard_id = scorecard.id
WHERE interview.application_id IN ({marks})
"""

_LOCALE_SQL = "SELECT locale FROM company_profile WHERE id = 1"

#: A candidate row: id, name, email, location, source, stage, role title, applied at
#: (as stored: ``YYYY-MM-DD HH:MM:SS.ffffff``), application id, match score, role id,
#: the name of the role's own stage it is at (None: the phase's standard stage).
PageRow = tuple[
    int,
    str,
    str,
    str,
    str,
    str | None,
    str | None,
    str | None,
    int | None,
    int | None,
    int | None,
    str | None,
]
#: application id, scorecard id, recommendation, competency, rating.
ScorecardRow = tuple[int, int, str, str | None, int | None]


class FirstPageRead:
    """What ``read_first_page`` found: the rows, their scorecards, the company's locale."""

    __slots__ = ("locale", "rows", "scorecards")

    def __init__(
        self, rows: list[PageRow], scorecards: list[ScorecardRow], locale: str | None
    ) -> None:
        self.rows = rows
        self.scorecards = scorecards
        self.locale = locale


def read_first_page(path: object, limit: int = 200) -> FirstPageRead | None:
    """The first ``limit`` rows of the candidate table in ``path``, read-only; None
    when the file cannot be read that way (missing, not a workbook, damaged): the
    full opening then says what is wrong. None for a team workbook on a server (not a
    ``Path``): its first page comes the normal way, once it is open."""
    if (
        not isinstance(path, Path) or not path.is_file()
    ):  # read-only: SQLite would not make it, but say so early
        return None
    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            conn.execute("PRAGMA query_only = ON")
            rows: list[PageRow] = conn.execute(_PAGE_SQL, (limit,)).fetchall()
            application_ids = [row[8] for row in rows if row[8] is not None]
            scorecards = _scorecards(conn, application_ids)
            found = conn.execute(_LOCALE_SQL).fetchone()
    except (sqlite3.Error, OSError):
        return None
    return FirstPageRead(rows, scorecards, found[0] if found else None)


def _scorecards(conn: sqlite3.Connection, application_ids: Sequence[int]) -> list[ScorecardRow]:
    if not application_ids:
        return []
    marks = ", ".join("?" for _ in application_ids)
    return conn.execute(_SCORECARD_SQL.format(marks=marks), list(application_ids)).fetchall()
