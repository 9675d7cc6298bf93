"""The search condition of ``search.matching_ids_clause``, written for each engine.

One condition object; the SQL it becomes is chosen when the statement is compiled
for its engine (FTS5 MATCH on SQLite, a ``tsvector`` match on PostgreSQL), so the
services build one statement for both.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

#: The search table: FTS5 on SQLite, one ``tsvector`` per candidate on PostgreSQL.
SEARCH_TABLE = "candidate_search"


class Matching(sa.sql.functions.FunctionElement[bool]):
    """``matching_ids_clause``'s condition: the candidate id, the FTS5 MATCH string and
    the PostgreSQL ``tsquery`` text; each engine's SQL uses its own of the two."""

    name = "candidate_matches"
    type = sa.Boolean()
    inherit_cache = True


@compiles(Matching, "sqlite")
def _matching_sqlite(element: Matching, compiler: SQLCompiler, **kw: object) -> str:
    candidate_id, expression, _query = element.clauses.clauses
    return (
        f"{compiler.process(candidate_id, **kw)} IN (SELECT rowid FROM {SEARCH_TABLE} "
        f"WHERE {SEARCH_TABLE} MATCH {compiler.process(expression, **kw)})"
    )


@compiles(Matching, "postgresql")
def _matching_postgresql(element: Matching, compiler: SQLCompiler, **kw: object) -> str:
    candidate_id, _expression, query = element.clauses.clauses
    tsquery = f"to_tsquery('simple', unaccent({compiler.process(query, **kw)}))"
    return (
        f"{compiler.process(candidate_id, **kw)} IN (SELECT candidate_id FROM "
        f"{SEARCH_TABLE} WHERE document @@ {tsquery})"
    )
