"""Candidate search on a team workbook (PostgreSQL): ``tsvector`` with ``unaccent``.

The counterpart of the FTS5 part of ``store.search``, which calls in here when its
session is on PostgreSQL; nothing else imports this module. The table
``candidate_search`` (revision 0002 on PostgreSQL) holds one ``document`` per
candidate: the words of each part of their text, accents folded by ``unaccent``
(Ø, æ, ł ... too), split on everything but letters and digits as FTS5 splits them,
each part weighted (A: name and email, B: phone and skills, C: headline and tags,
D: notes and CV text). A query is every word typed, the last as a prefix, folded the
same way, so "odegard", "Ødeg" and "ØDEGÅRD" all find "Ødegård".
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

#: A text's words as indexed: accents dropped, split on all but letters and digits.
_WORDS = "regexp_replace(unaccent(coalesce({0}, '')), '[^[:alnum:]]+', ' ', 'g')"


def _document(parts: Sequence[tuple[str, str]]) -> str:
    return " || ".join(
        f"setweight(to_tsvector('simple', {_WORDS.format(text)}), '{weight}')"
        for text, weight in parts
    )


def _joined(table: str, column: str) -> str:
    return f"(SELECT string_agg(x.{column}, ' ') FROM {table} AS x WHERE x.candidate_id = c.id)"


#: The parts of a candidate's text read from the tables, and their weights.
_FROM_TABLES = _document(
    (
        ("c.name", "A"),
        ("c.email", "A"),
        ("c.phone", "B"),
        (_joined("candidate_skill", "skill"), "B"),
        ("c.current_title || ' ' || c.location", "C"),
        (_joined("candidate_tag", "tag"), "C"),
        ("c.notes", "D"),
        (_joined("attachment", "text"), "D"),
    )
)
_INSERT = f"INSERT INTO candidate_search (candidate_id, document) SELECT c.id, {_FROM_TABLES} "
INSERT_ALL = sa.text(_INSERT + "FROM candidate AS c")
INSERT_ONE = sa.text(_INSERT + "FROM candidate AS c WHERE c.id = :candidate_id")
INSERT_SOME = sa.text(_INSERT + "FROM candidate AS c WHERE c.id IN :candidate_ids").bindparams(
    sa.bindparam("candidate_ids", expanding=True)
)
DELETE_ALL = sa.text("DELETE FROM candidate_search")
DELETE_ONE = sa.text("DELETE FROM candidate_search WHERE candidate_id = :candidate_id")
DELETE_SOME = sa.text(
    "DELETE FROM candidate_search WHERE candidate_id IN :candidate_ids"
).bindparams(sa.bindparam("candidate_ids", expanding=True))
#: The rows ``search.index_rows`` makes (id, name, email, phone, headline, tags,
#: skills, notes, cv text), the same weights as above.
INSERT_VALUES = sa.text(
    "INSERT INTO candidate_search (candidate_id, document) VALUES (:p0, "
    + _document(
        (
            (":p1", "A"),
            (":p2", "A"),
            (":p3", "B"),
            (":p6", "B"),
            (":p4", "C"),
            (":p5", "C"),
            (":p7", "D"),
            (":p8", "D"),
        )
    )
    + ")"
)

#: The weights of D, C, B and A for ``ts_rank``.
_RANK_WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'"
QUERY = "to_tsquery('simple', unaccent({0}))"


def search_ids(session: Session, tsquery: str, limit: int | None) -> list[int]:
    """Ids of the candidates matching the ``to_tsquery`` text, best ranked first
    (then by id)."""
    query = QUERY.format(":query")
    sql = (
        f"SELECT candidate_id FROM candidate_search WHERE document @@ {query} "
        f"ORDER BY ts_rank({_RANK_WEIGHTS}, document, {query}) DESC, candidate_id"
    )
    params: dict[str, object] = {"query": tsquery}
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [int(row[0]) for row in session.execute(sa.text(sql), params)]


def insert_rows(connection: sa.Connection, rows: list[tuple[object, ...]]) -> None:
    connection.execute(
        INSERT_VALUES, [{f"p{i}": value for i, value in enumerate(row)} for row in rows]
    )
