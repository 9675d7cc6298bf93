"""Full-text search over candidates (SQLite FTS5; PostgreSQL ``tsvector``).

Everything here is specific to the engine and stays inside ``store``: on a team
workbook (PostgreSQL) each function hands over to ``store.search_postgres``
(``tsvector`` with ``unaccent``), keeping its meaning. Services never write FTS5
syntax or SQL against the search table, and never ask which engine they talk to.

The table ``candidate_search`` (made by revision ``0002_candidate_search``) is a
normal FTS5 table holding its own copy of each candidate's text, one row per
candidate with ``rowid = candidate.id``. It is kept up to date explicitly, not by
triggers: whoever changes a candidate, their skills, tags or attachments calls
``index_candidate`` in the same transaction, and ``remove_candidate`` when the
candidate is deleted or erased (a plain DELETE removes the text completely).

Accents and case: the tokenizer (``unicode61 remove_diacritics 2``) folds case
and strips diacritics that decompose (é, å, ñ, ễ ...). Letters without a
decomposition (ø, ł, đ, æ, ß ...) are folded to ASCII by ``FOLD`` before indexing
and in queries, so "odegard", "Ødeg" and "ØDEGÅRD" all find "Ødegård".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from hiring_desk.store.engine import TEXT_CLEANED
from hiring_desk.store.models import Candidate
from hiring_desk.store.search_clause import SEARCH_TABLE, Matching

#: The FTS5 table (``SEARCH_TABLE``), and the shadow tables FTS5 keeps beside it.
SEARCH_TABLES: frozenset[str] = frozenset(
    {SEARCH_TABLE}
    | {f"{SEARCH_TABLE}_{suffix}" for suffix in ("data", "idx", "content", "docsize", "config")}
)

#: Letters the tokenizer does not fold to ASCII, as they have no Unicode
#: decomposition. Applied (case by case) to indexed text and to queries. If this
#: changes, add a revision that calls ``rebuild`` so old indexes match again.
FOLD: tuple[tuple[str, str], ...] = (
    ("Æ", "AE"),
    ("æ", "ae"),
    ("Ǽ", "AE"),
    ("ǽ", "ae"),
    ("Ð", "D"),
    ("ð", "d"),
    ("Đ", "D"),
    ("đ", "d"),
    ("Ø", "O"),
    ("ø", "o"),
    ("Ǿ", "O"),
    ("ǿ", "o"),
    ("Þ", "TH"),
    ("þ", "th"),
    ("ẞ", "SS"),
    ("ß", "ss"),
    ("Ħ", "H"),
    ("ħ", "h"),
    ("ı", "i"),
    ("Ĳ", "IJ"),
    ("ĳ", "ij"),
    ("Ŀ", "L"),
    ("ŀ", "l"),
    ("Ł", "L"),
    ("ł", "l"),
    ("Œ", "OE"),
    ("œ", "oe"),
    ("Ŧ", "T"),
    ("ŧ", "t"),
)

#: bm25 weights, in the column order of the table: name, email, phone, headline,
#: tags, skills, notes, cv_text.
_BM25 = f"bm25({SEARCH_TABLE}, 10.0, 8.0, 3.0, 2.0, 2.0, 4.0, 1.0, 1.0)"

_FOLD_TRANSLATION = str.maketrans(dict(FOLD))
#: The combining marks of the Combining Diacritical Marks block (U+0300-U+036F).
_LATIN_MARKS = re.compile(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]"
)
_FOLD_PARAMS: dict[str, str] = {
    name: value
    for i, (letter, ascii_text) in enumerate(FOLD)
    for name, value in ((f"fold_from_{i}", letter), (f"fold_to_{i}", ascii_text))
}

#: Letters and numbers only: everything else (quotes, operators, ``*``, ``:``,
#: ``^``, parentheses, ``_``, emoji, control characters) separates words.
_WORD = re.compile(r"[^\W_]+")


#: How many replace() calls are nested in one SELECT: SQLite's parser stack
#: overflows at about 30, so the folding is done in layers of subqueries.
_FOLD_LAYER = 10

_TEXT_COLUMNS = ("name", "email", "phone", "headline", "tags", "skills", "notes", "cv_text")


def _joined(table: str, column: str) -> str:
    return (
        f"COALESCE((SELECT group_concat(x.{column}, ' ') FROM {table} AS x "
        "WHERE x.candidate_id = c.id), '')"
    )


def _indexed_rows_sql(where: str = "") -> str:
    """SELECT id and the (folded) text columns of every candidate, or those ``where``."""
    raw = {
        "name": "c.name",
        "email": "c.email",
        "phone": "c.phone",
        "headline": "c.current_title || ' ' || c.location",
        "tags": _joined("candidate_tag", "tag"),
        "skills": _joined("candidate_skill", "skill"),
        "notes": "c.notes",
        "cv_text": _joined("attachment", "text"),
    }
    sql = (
        "SELECT c.id AS id, "
        + ", ".join(f"{raw[name]} AS {name}" for name in _TEXT_COLUMNS)
        + f" FROM candidate AS c{where}"
    )
    for start in range(0, len(FOLD), _FOLD_LAYER):
        folded = []
        for name in _TEXT_COLUMNS:
            expression = name
            for i in range(start, min(start + _FOLD_LAYER, len(FOLD))):
                expression = f"replace({expression}, :fold_from_{i}, :fold_to_{i})"
            folded.append(f"{expression} AS {name}")
        sql = f"SELECT id, {', '.join(folded)} FROM ({sql})"
    return sql


_INSERT = f"INSERT INTO {SEARCH_TABLE} (rowid, {', '.join(_TEXT_COLUMNS)}) "
# Parsed once: these statements are long, and building a text() clause per call was
# most of the time an import of thousands of candidates took.
_INSERT_ALL = sa.text(_INSERT + _indexed_rows_sql())
_INSERT_ONE = sa.text(_INSERT + _indexed_rows_sql(" WHERE c.id = :candidate_id"))
_INSERT_SOME = sa.text(_INSERT + _indexed_rows_sql(" WHERE c.id IN :candidate_ids")).bindparams(
    sa.bindparam("candidate_ids", expanding=True)
)
_DELETE_ONE = sa.text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid = :candidate_id")
_DELETE_SOME = sa.text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN :candidate_ids").bindparams(
    sa.bindparam("candidate_ids", expanding=True)
)
_INSERT_VALUES = _INSERT + "VALUES (?, " + ", ".join("?" for _ in _TEXT_COLUMNS) + ")"
_SET_SORT_NAME = sa.text("UPDATE candidate SET sort_name = :key WHERE id = :id")
#: Candidates indexed per statement by ``index_candidates``.
_CHUNK = 2000


def is_search_table(name: str) -> bool:
    """Whether ``name`` is the FTS5 table or one of its shadow tables.

    Those have no SQLModel model; Alembic's autogenerate must leave them alone.
    """
    return name in SEARCH_TABLES


# -- keeping the index up to date ------------------------------------------------------


def index_candidate(session: Session, candidate_id: int) -> None:
    """(Re)index one candidate from their current rows; just unindex them if gone.

    Pending ORM changes are flushed first, so the index sees them. The
    candidate's sort key (``candidate.sort_name``) is refreshed too.
    """
    session.flush()
    remove_candidate(session, candidate_id)
    if _on_postgres(session):
        session.execute(_postgres().INSERT_ONE, {"candidate_id": candidate_id})
    else:
        session.execute(_INSERT_ONE, {"candidate_id": candidate_id, **_FOLD_PARAMS})
    name = session.execute(
        sa.select(col(Candidate.name)).where(col(Candidate.id) == candidate_id)
    ).scalar_one_or_none()
    if name is not None:
        session.execute(
            sa.update(Candidate)
            .where(col(Candidate.id) == candidate_id)
            .values(sort_name=sort_name(name))
        )


def index_candidates(session: Session, candidate_ids: Iterable[int]) -> None:
    """``index_candidate`` for many candidates, a few statements per thousands of them."""
    session.flush()
    ids = sorted(set(candidate_ids))
    postgres = _postgres() if _on_postgres(session) else None
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        if postgres is not None:
            session.execute(postgres.DELETE_SOME, {"candidate_ids": chunk})
            session.execute(postgres.INSERT_SOME, {"candidate_ids": chunk})
        else:
            session.execute(_DELETE_SOME, {"candidate_ids": chunk})
            session.execute(_INSERT_SOME, {"candidate_ids": chunk, **_FOLD_PARAMS})
        names = session.execute(
            sa.select(col(Candidate.id), col(Candidate.name)).where(col(Candidate.id).in_(chunk))
        ).all()
        if names:
            session.execute(
                _SET_SORT_NAME, [{"id": cid, "key": sort_name(name)} for cid, name in names]
            )


class NewCandidateText(NamedTuple):
    """The text of a candidate just inserted, with no attachments yet (for ``index_rows``;
    a named tuple: an import makes one per row)."""

    candidate_id: int
    name: str
    email: str
    phone: str
    current_title: str
    location: str
    tags: Sequence[str]
    skills: Sequence[str]
    notes: str


def index_rows(candidates: Iterable[NewCandidateText]) -> list[tuple[object, ...]]:
    """The search table's rows for candidates just inserted (sort keys set), from their
    text in hand: what ``index_candidates`` would read back from the tables, folded in
    Python rather than SQL. For an import of many thousands; no I/O here, the rows go
    to ``insert_index_rows``. The candidates must not be indexed yet."""
    return [
        (
            c.candidate_id,
            _folded(c.name),
            _folded(c.email),
            _folded(c.phone),
            _folded(f"{c.current_title} {c.location}"),
            _folded(" ".join(c.tags)),
            _folded(" ".join(c.skills)),
            _folded(c.notes),
            "",
        )
        for c in candidates
    ]


def insert_index_rows(connection: sa.Connection, rows: list[tuple[object, ...]]) -> None:
    """Add rows made by ``index_rows``: one executemany (their text was cleaned)."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        _postgres().insert_rows(connection, rows)
    else:
        connection.exec_driver_sql(_INSERT_VALUES, rows, execution_options={TEXT_CLEANED: True})


def _folded(text: str) -> str:
    """``text`` with the letters of ``FOLD`` replaced, as the indexing SQL does."""
    return text if text.isascii() else text.translate(_FOLD_TRANSLATION)


def remove_candidate(session: Session, candidate_id: int) -> None:
    """Remove a candidate's text from the index (nothing is kept)."""
    delete = _postgres().DELETE_ONE if _on_postgres(session) else _DELETE_ONE
    session.execute(delete, {"candidate_id": candidate_id})


def purge_removed(session: Session) -> None:
    """Rewrite the index so text of removed candidates is gone from it too.

    After ``remove_candidate`` the text is gone from the table, but FTS5 keeps the
    removed words in its index segments until they are merged. Run this after
    erasing personal data (then VACUUM, or use secure_delete, for freed pages).
    On PostgreSQL a deleted row holds no index segments of its own: nothing to do
    here (the server's autovacuum reclaims the space).
    """
    if _on_postgres(session):
        return
    session.execute(sa.text(f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('optimize')"))


def rebuild(session: Session) -> None:
    """Reindex every candidate and refresh every sort key."""
    session.flush()
    if _on_postgres(session):
        session.execute(_postgres().DELETE_ALL)
        session.execute(_postgres().INSERT_ALL)
    else:
        session.execute(sa.text(f"DELETE FROM {SEARCH_TABLE}"))
        session.execute(_INSERT_ALL, _FOLD_PARAMS)
    names = session.execute(sa.select(col(Candidate.id), col(Candidate.name))).all()
    if names:
        session.execute(
            _SET_SORT_NAME, [{"id": cid, "key": sort_name(name)} for cid, name in names]
        )


def sort_name(name: str) -> str:
    """The key names sort by: letters folded as in ``FOLD``, accents dropped, case folded.

    "Ødegård" gives "odegard", so it sorts among the Os rather than after Z.
    Scripts without a Latin form (Greek, Cyrillic, CJK) keep their letters and
    sort after Latin names, each script together.
    """
    return " ".join(bare_letters(name).casefold().split())


def bare_letters(text: str) -> str:
    """``text`` with the letters of ``FOLD`` spelled out and accents dropped (case kept).

    Decomposed (NFKD), then without its combining marks: "Ødegård" -> "Odegard".
    """
    if text.isascii():
        return text
    return _bare_non_ascii(text)


#: An import asks twice for each name (its duplicate check, then its sort key).
@functools.lru_cache(maxsize=16384)
def _bare_non_ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_TRANSLATION))
    bare = _LATIN_MARKS.sub("", decomposed)  # the usual accents, quickly
    if bare.isascii():
        return bare
    return "".join(ch for ch in bare if not unicodedata.combining(ch))


# -- searching ------------------------------------------------------------------------------


def fold(text: str) -> str:
    """``text`` in NFC with the letters of ``FOLD`` replaced, as indexed text is."""
    return unicodedata.normalize("NFC", text).translate(_FOLD_TRANSLATION)


def match_expression(text: str) -> str | None:
    """What a person typed as a safe FTS5 MATCH string, or None if it has no words.

    Every word becomes a quoted string (so ``AND``, ``OR``, ``NEAR``, column
    filters and other syntax are plain words), the words must all occur (implicit
    AND), and the last one is a prefix, so results come as you type:
    ``"kari ødeg"`` -> ``"kari" "odeg"*``.
    """
    words = _WORD.findall(fold(text))
    if not words:
        return None
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_ids(session: Session, text: str, limit: int | None = None) -> list[int]:
    """Ids of the candidates matching ``text``, best match first (bm25).

    A name match weighs most, then email, skills, phone, headline and tags, then
    notes and CV text. Blank text (or text without letters or digits) finds nothing.
    """
    expression = match_expression(text)
    if expression is None or (limit is not None and limit <= 0):
        return []
    if _on_postgres(session):
        return _postgres().search_ids(session, _tsquery(_words(text)), limit)
    sql = (
        f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :expression "
        f"ORDER BY {_BM25}, rowid"
    )
    params: dict[str, object] = {"expression": expression}
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [int(row[0]) for row in session.execute(sa.text(sql), params)]


def matching_ids_clause(text: str) -> sa.ColumnElement[bool] | None:
    """A WHERE condition keeping the candidates that match ``text``; None if blank.

    ``candidate.id IN (SELECT rowid FROM candidate_search WHERE candidate_search
    MATCH :q)`` on SQLite, the ``tsvector`` match on PostgreSQL (chosen when the
    statement is compiled for its engine), so a service can filter by search in SQL
    and still sort and page there, e.g.
    ``select(Candidate).where(clause).order_by(...).limit(...)``. Callers only ever
    see an opaque condition.
    """
    expression = match_expression(text)
    if expression is None:
        return None
    return Matching(
        col(Candidate.id),
        sa.bindparam("search_match", expression, type_=sa.String, unique=True),
        sa.bindparam("search_query", _tsquery(_words(text)), type_=sa.String, unique=True),
    )


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _tsquery(words: list[str]) -> str:
    """The words (letters and digits only) as a PostgreSQL ``to_tsquery`` text: all
    must occur, the last as a prefix (``'kari' & 'odeg':*``)."""
    quoted = [f"'{word}'" for word in words]
    quoted[-1] += ":*"
    return " & ".join(quoted)


def _on_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _postgres() -> ModuleType:
    """``store.search_postgres``, loaded the first time a team workbook searches."""
    from hiring_desk.store import search_postgres

    return search_postgres
