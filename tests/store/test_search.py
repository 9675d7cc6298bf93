"""Candidate search (FTS5): indexing, matching, ranking and hostile input."""

from __future__ import annotations

import sqlite3
import unicodedata
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select

from hiring_desk.store import Workbook
from hiring_desk.store.models import Attachment, Candidate, CandidateSkill, CandidateTag
from hiring_desk.store.search import (
    SEARCH_TABLES,
    index_candidate,
    match_expression,
    matching_ids_clause,
    purge_removed,
    rebuild,
    remove_candidate,
    search_ids,
)

# -- helpers --------------------------------------------------------------------


def _add(
    session: Session,
    name: str,
    *,
    skills: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    cv: str = "",
    **fields: Any,
) -> int:
    candidate = Candidate(name=name, **fields)
    session.add(candidate)
    session.flush()
    assert candidate.id is not None
    for skill in skills:
        session.add(CandidateSkill(candidate_id=candidate.id, skill=skill))
    for tag in tags:
        session.add(CandidateTag(candidate_id=candidate.id, tag=tag))
    if cv:
        session.add(
            Attachment(
                candidate_id=candidate.id,
                filename="cv.txt",
                mime="text/plain",
                size=len(cv),
                sha256="0" * 64,
                content=cv.encode(),
                text=cv,
            )
        )
    index_candidate(session, candidate.id)
    return candidate.id


def _search(workbook: Workbook, text: str, limit: int | None = None) -> list[int]:
    with workbook.transaction() as session:
        return search_ids(session, text, limit)


@pytest.fixture
def people(workbook: Workbook) -> dict[str, int]:
    with workbook.transaction() as session:
        return {
            "kari": _add(
                session,
                "Kari Ødegård",
                email="kari.odegaard@example.no",
                phone="+47 912 34 567",
                current_title="Backend Developer",
                location="Bergen, Norway",
                skills=("Python", "PostgreSQL"),
                tags=("referral",),
                cv="Built payment pipelines at Vipps; likes orienteering and quokkas.",
            ),
            "lukasz": _add(
                session,
                "Łukasz Wiśniewski",
                email="lukasz.w@example.pl",
                current_title="PHP Developer",
                location="Kraków",
                skills=("PHP", "Symfony"),
                notes="Strong on Kubernetes; asked about Python roles.",
            ),
            "siobhan": _add(
                session,
                "Siobhán Kearney",
                email="siobhan@example.ie",
                current_title="Data Engineer",
                location="Dublin",
                skills=("Python", "Airflow"),
                tags=("silver-medallist",),
            ),
        }


# -- match_expression --------------------------------------------------------------------


def test_match_expression_quotes_words_and_makes_the_last_a_prefix() -> None:
    assert match_expression("kari") == '"kari"*'
    assert match_expression("  Kari   Ødeg ") == '"Kari" "Odeg"*'
    assert match_expression("siobhan@example.ie") == '"siobhan" "example" "ie"*'


@pytest.mark.parametrize("text", ["", "   ", "\t\n", "\"'%_*-^:()", "🙂🙂", "\x00"])
def test_match_expression_is_none_without_words(text: str) -> None:
    assert match_expression(text) is None


def test_match_expression_turns_syntax_into_plain_words() -> None:
    assert match_expression("a OR b") == '"a" "OR" "b"*'
    assert match_expression("NEAR(a b)") == '"NEAR" "a" "b"*'
    assert match_expression("name:x") == '"name" "x"*'
    assert match_expression('-x "y" ^z') == '"x" "y" "z"*'
    assert match_expression("AND") == '"AND"*'


def test_match_expression_joins_decomposed_accents() -> None:
    decomposed = unicodedata.normalize("NFD", "Ødegård")
    assert decomposed != "Ødegård"
    assert match_expression(decomposed) == match_expression("Ødegård") == '"Odegård"*'


# -- finding -----------------------------------------------------------------------------------


def test_blank_text_finds_nothing(workbook: Workbook, people: dict[str, int]) -> None:
    assert _search(workbook, "") == []
    assert _search(workbook, "   ") == []


def test_search_by_name_word(workbook: Workbook, people: dict[str, int]) -> None:
    assert _search(workbook, "Kearney") == [people["siobhan"]]
    assert _search(workbook, "siobhan kear") == [people["siobhan"]]


def test_search_by_email_fragment(workbook: Workbook, people: dict[str, int]) -> None:
    assert _search(workbook, "odegaard@exa") == [people["kari"]]
    assert _search(workbook, "example.pl") == [people["lukasz"]]


def test_search_by_phone_and_headline(workbook: Workbook, people: dict[str, int]) -> None:
    assert _search(workbook, "912 34") == [people["kari"]]
    assert _search(workbook, "dublin") == [people["siobhan"]]
    assert _search(workbook, "data engineer") == [people["siobhan"]]


def test_search_by_skill_and_tag(workbook: Workbook, people: dict[str, int]) -> None:
    assert _search(workbook, "symfony") == [people["lukasz"]]
    assert sorted(_search(workbook, "airflow")) == [people["siobhan"]]
    assert _search(workbook, "referral") == [people["kari"]]
    assert _search(workbook, "medallist") == [people["siobhan"]]


def test_search_by_a_word_only_in_the_cv(workbook: Workbook, people: dict[str, int]) -> None:
    assert _search(workbook, "orienteering") == [people["kari"]]
    assert _search(workbook, "vipps") == [people["kari"]]


@pytest.mark.parametrize(
    "text",
    ["Ødeg", "odegard", "ØDEGÅRD", "ødegård", "Odegård", "odeg", "ODEGA"],
)
def test_accents_and_case_do_not_matter(
    workbook: Workbook, people: dict[str, int], text: str
) -> None:
    assert _search(workbook, text) == [people["kari"]]


@pytest.mark.parametrize("text", ["lukasz", "Łukasz", "ŁUKASZ", "wisniewski", "WIŚN", "krakow"])
def test_letters_without_decomposition_are_folded(
    workbook: Workbook, people: dict[str, int], text: str
) -> None:
    assert _search(workbook, text) == [people["lukasz"]]


def test_decomposed_stored_text_is_found(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        zoe = _add(session, unicodedata.normalize("NFD", "Zoë Ångström"))
    assert _search(workbook, "zoe") == [zoe]
    assert _search(workbook, "Ångström") == [zoe]
    assert _search(workbook, "ANGSTR") == [zoe]


def test_every_word_must_match(workbook: Workbook, people: dict[str, int]) -> None:
    assert sorted(_search(workbook, "python")) == sorted(people.values())
    assert _search(workbook, "python bergen") == [people["kari"]]
    assert _search(workbook, "python nowhere") == []


def test_a_name_match_ranks_above_a_notes_only_match(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        in_notes = _add(session, "Ada Lovelace", notes="Worked with Babbage on the engine.")
        in_name = _add(session, "Charles Babbage")
        in_cv = _add(session, "Mary Somerville", cv="Corresponded with Babbage.")
    found = _search(workbook, "babbage")
    assert found[0] == in_name
    assert sorted(found) == sorted([in_name, in_notes, in_cv])
    assert _search(workbook, "babbage", limit=1) == [in_name]
    assert _search(workbook, "babbage", limit=0) == []


def test_updating_and_reindexing_changes_the_results(
    workbook: Workbook, people: dict[str, int]
) -> None:
    kari = people["kari"]
    with workbook.transaction() as session:
        candidate = session.get(Candidate, kari)
        assert candidate is not None
        candidate.name = "Kari Nordmann"
        candidate.location = "Tromsø"
        skill = session.exec(
            select(CandidateSkill).where(
                CandidateSkill.candidate_id == kari, CandidateSkill.skill == "PostgreSQL"
            )
        ).one()
        session.delete(skill)
        session.add(CandidateSkill(candidate_id=kari, skill="Rust"))
        # Not yet reindexed: the index still has the old text.
        assert search_ids(session, "nordmann") == []
        index_candidate(session, kari)

    assert _search(workbook, "odegard") == []
    assert _search(workbook, "nordmann") == [kari]
    assert _search(workbook, "tromso") == [kari]
    assert _search(workbook, "postgresql") == []
    assert _search(workbook, "rust") == [kari]


def test_index_candidate_twice_keeps_one_row(workbook: Workbook, people: dict[str, int]) -> None:
    with workbook.transaction() as session:
        index_candidate(session, people["kari"])
        index_candidate(session, people["kari"])
    assert _search(workbook, "kari") == [people["kari"]]
    assert _row_count(workbook) == len(people)


def test_remove_candidate_removes_them(workbook: Workbook, people: dict[str, int]) -> None:
    with workbook.transaction() as session:
        remove_candidate(session, people["kari"])
    assert _search(workbook, "kari") == []
    assert _search(workbook, "orienteering") == []
    assert sorted(_search(workbook, "python")) == sorted([people["lukasz"], people["siobhan"]])
    assert _row_count(workbook) == len(people) - 1


def test_indexing_a_deleted_candidate_just_removes_them(
    workbook: Workbook, people: dict[str, int]
) -> None:
    with workbook.transaction() as session:
        candidate = session.get(Candidate, people["siobhan"])
        assert candidate is not None
        session.delete(candidate)
        index_candidate(session, people["siobhan"])
    assert _search(workbook, "kearney") == []
    assert _row_count(workbook) == len(people) - 1


@pytest.mark.sqlite_only  # FTS5's shadow tables (PostgreSQL keeps no copy of deleted rows)
def test_erased_text_is_gone_from_the_search_tables(
    workbook: Workbook, people: dict[str, int]
) -> None:
    with workbook.transaction() as session:
        candidate = session.get(Candidate, people["kari"])
        assert candidate is not None
        session.delete(candidate)
        remove_candidate(session, people["kari"])
    assert _search(workbook, "quokkas") == []
    # FTS5 keeps removed words in its index segments until they are merged.
    with workbook.transaction() as session:
        purge_removed(session)
    assert not _in_search_tables(workbook, "quokkas")
    assert _in_search_tables(workbook, "airflow")  # the others are still there
    assert _search(workbook, "airflow") == [people["siobhan"]]


def _in_search_tables(workbook: Workbook, word: str) -> bool:
    """Whether ``word`` is anywhere in the FTS5 table or its shadow tables."""
    conn = sqlite3.connect(str(workbook.path))
    try:
        for table in sorted(SEARCH_TABLES):
            for row in conn.execute(f"SELECT * FROM {table}"):
                for value in row:
                    raw = value if isinstance(value, bytes) else str(value).encode()
                    if word.encode() in raw.lower():
                        return True
        return False
    finally:
        conn.close()


def test_rebuild_reindexes_everything(workbook: Workbook, people: dict[str, int]) -> None:
    with workbook.transaction() as session:
        # Changed behind the index's back, then rebuilt.
        session.add(Candidate(name="Grace Hopper"))
        remove_candidate(session, people["kari"])
        rebuild(session)
    assert len(_search(workbook, "grace")) == 1
    assert _search(workbook, "kari") == [people["kari"]]
    assert _row_count(workbook) == len(people) + 1


def test_matching_ids_clause_filters_in_sql(workbook: Workbook, people: dict[str, int]) -> None:
    assert matching_ids_clause("") is None
    assert matching_ids_clause("🙂") is None
    clause = matching_ids_clause("python")
    assert clause is not None
    with workbook.transaction() as session:
        statement = (
            select(Candidate.name)
            .where(clause)
            .where(col(Candidate.id) != people["lukasz"])
            .order_by(col(Candidate.name))
        )
        assert list(session.exec(statement)) == ["Kari Ødegård", "Siobhán Kearney"]
        # Usable twice in one query (each has its own parameter).
        both = matching_ids_clause("kari")
        assert both is not None
        statement2 = select(Candidate.id).where(clause).where(both)
        assert list(session.exec(statement2)) == [people["kari"]]


HOSTILE = [
    '"',
    "'",
    "%",
    "_",
    "*",
    "a OR b",
    "NEAR(",
    "name:x",
    ")(",
    "-x",
    "x" * 10_000,
    " ".join(["ab"] * 5_000),
    "🙂 kari 🙂",
    "ka\x00ri",
    "\x00",
    "AND",
    "OR kari",
    "kari NOT",
    "{name email}: kari",
    "^kari",
    "kari*",
    '"kari',
    "kari'--",
    "'; DROP TABLE candidate; --",
    "\\",
    "%kari%",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_raise(workbook: Workbook, people: dict[str, int], text: str) -> None:
    found = _search(workbook, text)
    assert isinstance(found, list)
    assert all(isinstance(i, int) for i in found)
    clause = matching_ids_clause(text)
    if clause is not None:
        with workbook.transaction() as session:
            assert isinstance(list(session.exec(select(Candidate.id).where(clause))), list)
    assert _row_count(workbook) == len(people)


def test_syntax_words_are_literal(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        andy = _add(session, "Andy Or", notes="near the sea")
        other = _add(session, "Bob Smith")
    assert _search(workbook, "AND") == [andy]  # prefix of "andy", not an operator
    assert _search(workbook, "or") == [andy]
    assert _search(workbook, "near") == [andy]
    assert _search(workbook, "bob OR andy") == []  # every word must match
    assert other not in _search(workbook, "NOT andy")


def _row_count(workbook: Workbook) -> int:
    with workbook.transaction() as session:
        return int(session.execute(sa.text("SELECT count(*) FROM candidate_search")).scalar_one())
