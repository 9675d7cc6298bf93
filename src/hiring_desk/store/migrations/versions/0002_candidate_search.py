"""Candidate search: an FTS5 table over each candidate's text, filled for existing ones.

Revision ID: 0002_candidate_search
Revises: 0001_initial
Create Date: 2026-11-24 11:02:00.000000

A normal FTS5 table (it stores its own copy of the text, so a DELETE erases it),
one row per candidate with rowid = candidate.id, kept up to date by
``hiring_desk.store.search``. This revision is frozen: the SQL below is a copy of
what that module did when it was written, on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002_candidate_search"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Letters the unicode61 tokenizer does not fold to ASCII (no decomposition).
_FOLD = (
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


_COLUMNS = ("name", "email", "phone", "headline", "tags", "skills", "notes", "cv_text")


def _joined(table: str, column: str) -> str:
    return (
        f"COALESCE((SELECT group_concat(x.{column}, ' ') FROM {table} AS x "
        "WHERE x.candidate_id = c.id), '')"
    )


def _rows() -> str:
    """SELECT id and the folded text columns of every candidate.

    Folded in layers of ten nested replace() calls: SQLite's parser stack
    overflows at about thirty.
    """
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
        + ", ".join(f"{raw[name]} AS {name}" for name in _COLUMNS)
        + " FROM candidate AS c"
    )
    for start in range(0, len(_FOLD), 10):
        folded = []
        for name in _COLUMNS:
            expression = name
            for letter, ascii_text in _FOLD[start : start + 10]:
                expression = f"replace({expression}, '{letter}', '{ascii_text}')"
            folded.append(f"{expression} AS {name}")
        sql = f"SELECT id, {', '.join(folded)} FROM ({sql})"
    return sql


#: On PostgreSQL: the words of each text, accents dropped by ``unaccent`` and split
#: on everything but letters and digits (as FTS5's unicode61 tokenizer splits).
_PG_WORDS = "regexp_replace(unaccent(coalesce({0}, '')), '[^[:alnum:]]+', ' ', 'g')"
#: The weight of each part of a candidate's text (A weighs most).
_PG_WEIGHTS = (
    ("c.name", "A"),
    ("c.email", "A"),
    ("c.phone", "B"),
    (
        "(SELECT string_agg(x.skill, ' ') FROM candidate_skill AS x WHERE x.candidate_id = c.id)",
        "B",
    ),
    ("c.current_title || ' ' || c.location", "C"),
    ("(SELECT string_agg(x.tag, ' ') FROM candidate_tag AS x WHERE x.candidate_id = c.id)", "C"),
    ("c.notes", "D"),
    ("(SELECT string_agg(x.text, ' ') FROM attachment AS x WHERE x.candidate_id = c.id)", "D"),
)


def _upgrade_postgresql() -> None:
    """A table of one ``tsvector`` per candidate (GIN-indexed), filled for existing ones.

    ``unaccent`` folds accents and letters such as Ø, so "odegard" finds "Ødegård";
    ``pg_trgm`` is there for similar-name lookups. Both ship with PostgreSQL and are
    trusted extensions (a database owner may create them).
    """
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(
        "CREATE TABLE candidate_search ("
        "candidate_id INTEGER PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE, "
        "document TSVECTOR NOT NULL)"
    )
    op.execute("CREATE INDEX ix_candidate_search_document ON candidate_search USING gin (document)")
    document = " || ".join(
        f"setweight(to_tsvector('simple', {_PG_WORDS.format(text)}), '{weight}')"
        for text, weight in _PG_WEIGHTS
    )
    op.execute(
        f"INSERT INTO candidate_search (candidate_id, document) SELECT c.id, {document} "
        "FROM candidate AS c"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
        return
    op.execute(
        "CREATE VIRTUAL TABLE candidate_search USING fts5("
        "name, email, phone, headline, tags, skills, notes, cv_text, "
        'tokenize = "unicode61 remove_diacritics 2")'
    )
    op.execute(f"INSERT INTO candidate_search (rowid, {', '.join(_COLUMNS)}) {_rows()}")


def downgrade() -> None:
    op.execute("DROP TABLE candidate_search")
