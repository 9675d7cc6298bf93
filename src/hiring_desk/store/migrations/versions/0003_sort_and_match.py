"""Derived columns for the candidate table: a name sort key and a stored match score.

Revision ID: 0003_sort_and_match
Revises: 0002_candidate_search
Create Date: 2026-11-24 11:40:00.000000

``candidate.sort_name`` is the name folded for sorting (accents dropped, letters
such as Ø and Æ spelled out, case folded), so "Ødegård" sorts with the Os rather
than after Z. ``application.match_score`` is how well the candidate's skills cover
the role's (0-100, NULL when the role lists no skills), so the table sorts and
filters by it in SQL. The app keeps both up to date (``store.search`` and
``services.match_scores``); this revision fills them for existing rows. It is
frozen: the functions below are copies of what the app did when it was written.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from fractions import Fraction

import sqlalchemy as sa
from alembic import op

revision: str = "0003_sort_and_match"
down_revision: str | None = "0002_candidate_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LETTERS = str.maketrans(
    {
        "Æ": "AE", "æ": "ae", "Ǽ": "AE", "ǽ": "ae", "Ð": "D", "ð": "d", "Đ": "D", "đ": "d",
        "Ø": "O", "ø": "o", "Ǿ": "O", "ǿ": "o", "Þ": "TH", "þ": "th", "ẞ": "SS", "ß": "ss",
        "Ħ": "H", "ħ": "h", "ı": "i", "Ĳ": "IJ", "ĳ": "ij", "Ŀ": "L", "ŀ": "l", "Ł": "L",
        "ł": "l", "Œ": "OE", "œ": "oe", "Ŧ": "T", "ŧ": "t",
    }
)  # fmt: skip
_SKILL_IGNORED = re.compile(r"[\s./\-]+")


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _sort_name(name: str) -> str:
    return " ".join(_bare(name).casefold().split())


def _skill_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SKILL_IGNORED.sub("", bare.casefold())


def _score(have: set[str], must: set[str], nice: set[str]) -> int | None:
    nice = nice - must
    must_share = Fraction(len(must & have), len(must)) if must else Fraction(0)
    nice_share = Fraction(len(nice & have), len(nice)) if nice else Fraction(0)
    if must and nice:
        value = 100 * (Fraction(3, 4) * must_share + Fraction(1, 4) * nice_share)
    elif must:
        value = 100 * must_share
    elif nice:
        value = 100 * nice_share
    else:
        return None
    return math.floor(value + Fraction(1, 2))


def upgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("sort_name", sa.String(), nullable=False, server_default=""))
        batch.create_index("ix_candidate_sort_name", ["sort_name"])
    with op.batch_alter_table("application") as batch:
        batch.add_column(sa.Column("match_score", sa.Integer(), nullable=True))
        batch.create_index("ix_application_match_score", ["match_score"])

    conn = op.get_bind()
    names = conn.execute(sa.text("SELECT id, name FROM candidate")).all()
    if names:
        conn.execute(
            sa.text("UPDATE candidate SET sort_name = :key WHERE id = :id"),
            [{"id": cid, "key": _sort_name(name)} for cid, name in names],
        )

    have: dict[int, set[str]] = defaultdict(set)
    for cid, skill in conn.execute(sa.text("SELECT candidate_id, skill FROM candidate_skill")):
        have[cid].add(_skill_key(skill))
    wanted: dict[int, dict[str, set[str]]] = defaultdict(lambda: {"must": set(), "nice": set()})
    for rid, skill, importance in conn.execute(
        sa.text("SELECT role_id, skill, importance FROM role_skill")
    ):
        if importance in ("must", "nice"):
            wanted[rid][importance].add(_skill_key(skill))
    scores = [
        {"id": aid, "score": _score(have[cid], wanted[rid]["must"], wanted[rid]["nice"])}
        for aid, cid, rid in conn.execute(
            sa.text("SELECT id, candidate_id, role_id FROM application")
        )
    ]
    if scores:
        conn.execute(sa.text("UPDATE application SET match_score = :score WHERE id = :id"), scores)


def downgrade() -> None:
    with op.batch_alter_table("application") as batch:
        batch.drop_index("ix_application_match_score")
        batch.drop_column("match_score")
    with op.batch_alter_table("candidate") as batch:
        batch.drop_index("ix_candidate_sort_name")
        batch.drop_column("sort_name")
