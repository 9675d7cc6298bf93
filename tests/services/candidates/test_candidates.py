"""Candidates: records, checks, search, the SQL-paged table, applications and moves."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from hiring_desk.services.candidates import candidate_records, candidate_table
from hiring_desk.services.candidates.candidate_table import CandidateFilter, SortKey
from hiring_desk.services.candidates.record_checks import (
    CandidateInput,
    candidate_input,
    plain_text,
)
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.pipeline.stage_moves import MoveRefusedError
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook
from hiring_desk.store.models import Attachment


def add(workbook: Workbook, name: str, **fields: object) -> int:
    return candidate_records.create_candidate(workbook, CandidateInput(name=name, **fields)).id  # type: ignore[arg-type]


def test_create_round_trip_with_skills_tags_and_money(workbook: Workbook) -> None:
    cid = add(
        workbook,
        "  Ingrid Ødegård ",
        email="Ingrid@Example.NO",
        phone="+47 555 01 234",
        linkedin_url="linkedin.com/in/ingrid",
        skills=("python", "PostgreSQL", "Python"),
        tags=("strong CV", "strong cv"),
        salary_expectation=Decimal("650000"),
        salary_currency="nok",
        notice_weeks=8,
        notes="Line one\r\nLine two\x00",
    )
    record = candidate_records.get_candidate(workbook, cid).record
    assert record.name == "Ingrid Ødegård"
    assert record.email == "ingrid@example.no"
    assert record.linkedin_url == "https://linkedin.com/in/ingrid"
    assert record.skills == ("Python", "PostgreSQL")
    assert record.tags == ("strong CV",)
    assert record.salary_expectation == Decimal("650000") and record.salary_currency == "NOK"
    assert record.notes == "Line one\nLine two"


def test_a_salary_expectation_may_be_a_range(workbook: Workbook) -> None:
    cid = add(
        workbook,
        "Zoë Lambert",
        salary_expectation=Decimal("65000"),
        salary_expectation_max=Decimal("75000"),
        salary_currency="EUR",
    )
    record = candidate_records.get_candidate(workbook, cid).record
    assert (record.salary_expectation, record.salary_expectation_max) == (
        Decimal("65000.00"),
        Decimal("75000.00"),
    )
    same = add(
        workbook,
        "Ada Lovelace",
        salary_expectation=Decimal("70000"),
        salary_expectation_max=Decimal("70000"),
        salary_currency="EUR",
    )
    assert candidate_records.get_candidate(workbook, same).record.salary_expectation_max is None


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"name": " "}, "name"),
        (
            {
                "salary_expectation": Decimal(9),
                "salary_expectation_max": Decimal(5),
                "salary_currency": "EUR",
            },
            "salary_expectation",
        ),
        ({"salary_expectation_max": Decimal(5), "salary_currency": "EUR"}, "salary_expectation"),
        ({"email": "not-an-email"}, "email"),
        ({"phone": "call me"}, "phone"),
        ({"linkedin_url": "javascript:alert(1)"}, "linkedin_url"),
        ({"source": "newspaper"}, "source"),
        ({"salary_expectation": Decimal(5)}, "salary_currency"),
        ({"years_experience": 99}, "years_experience"),
    ],
)
def test_bad_fields_are_refused_and_nothing_saved(
    workbook: Workbook, fields: dict[str, object], key: str
) -> None:
    data = {"name": "Ada Lovelace", **fields}
    with pytest.raises(ValidationError) as caught:
        candidate_records.create_candidate(workbook, CandidateInput(**data))  # type: ignore[arg-type]
    assert key in caught.value.errors
    assert candidate_records.list_candidates(workbook) == []


def test_plain_text_removes_control_characters() -> None:
    assert plain_text("a\x07b\u200bc") == "ab\u200bc"
    assert plain_text("x\ny", multiline=True) == "x\ny"
    assert plain_text("x\ny") == "xy"


def test_search_names_accents_skills_notes_and_cv_text(workbook: Workbook) -> None:
    ingrid = add(workbook, "Ingrid Ødegård", skills=("Rust",))
    kenji = add(workbook, "渡辺健二", notes="Met at PyCon; wants hybrid work")
    other = add(workbook, "Zoë Lambert")
    with workbook.transaction() as session:
        session.add(
            Attachment(
                candidate_id=other,
                filename="cv.pdf",
                mime="application/pdf",
                size=3,
                sha256="x",
                content=b"pdf",
                text="Maintained a Kubernetes operator for Cassandra clusters",
            )
        )
    from hiring_desk.store import search

    with workbook.transaction() as session:
        search.index_candidate(session, other)
    assert [c.id for c in candidate_records.list_candidates(workbook, "ødegård")] == [ingrid]
    assert [c.id for c in candidate_records.list_candidates(workbook, "ODEGARD")] == [ingrid]
    assert [c.id for c in candidate_records.list_candidates(workbook, "rust")] == [ingrid]
    assert [c.id for c in candidate_records.list_candidates(workbook, "pycon")] == [kenji]
    assert [c.id for c in candidate_records.list_candidates(workbook, "cassandra")] == [other]
    for hostile in ('"', "%", "_", "a OR b", "NEAR(", "*", "'; DROP TABLE candidate; --"):
        assert isinstance(candidate_records.list_candidates(workbook, hostile), list)


def test_table_pages_sorts_and_filters_in_sql(workbook: Workbook) -> None:
    role = role_records.create_role(workbook, RoleBrief(title="Backend Developer"))
    ids = [
        add(workbook, f"Person {i:03d}", source="referral" if i % 2 else "linkedin")
        for i in range(250)
    ]
    for cid in ids[:10]:
        stage_moves.apply(workbook, cid, role.id)
    everyone = CandidateFilter()
    assert candidate_table.count_rows(workbook, everyone) == 250
    first = candidate_table.fetch_rows(workbook, everyone, SortKey.NAME, False, 0, 100)
    second = candidate_table.fetch_rows(workbook, everyone, SortKey.NAME, False, 100, 100)
    assert [r.name for r in first][:2] == ["Person 000", "Person 001"]
    assert second[0].name == "Person 100"
    last = candidate_table.fetch_rows(workbook, everyone, SortKey.NAME, True, 0, 1)
    assert last[0].name == "Person 249"
    for_role = CandidateFilter(role_id=role.id)
    assert candidate_table.count_rows(workbook, for_role) == 10
    assert candidate_table.count_rows(workbook, CandidateFilter(source="referral")) == 125
    assert candidate_table.count_rows(workbook, CandidateFilter(stage="applied")) == 10
    assert candidate_table.count_rows(workbook, CandidateFilter(search="Person 007")) == 1


def test_apply_move_and_timeline(workbook: Workbook) -> None:
    lead = team_members.add_member(workbook, "Tomás Ó Briain")
    role = role_records.create_role(
        workbook,
        RoleBrief(
            title="Backend Developer", skills=(SkillEntry("Python"), SkillEntry("Docker", "nice"))
        ),
    )
    cid = add(workbook, "Ada", skills=("python",))
    app = stage_moves.apply(workbook, cid, role.id, by_member_id=lead.id)
    assert app.stage == "applied" and app.match.score == 75
    with pytest.raises(ValidationError):
        stage_moves.apply(workbook, cid, role.id)
    moved = stage_moves.move(workbook, app.id, "interview", by_member_id=lead.id, note="Good CV")
    assert moved.stage == "interview"
    with pytest.raises(MoveRefusedError, match="Offer first"):
        stage_moves.move(workbook, app.id, "hired")
    with pytest.raises(MoveRefusedError, match="reason"):
        stage_moves.move(workbook, app.id, "rejected")
    rejected = stage_moves.move(workbook, app.id, "rejected", reason="Chose another candidate")
    assert rejected.closed_reason == "Chose another candidate"
    entries = stage_moves.timeline(workbook, cid)
    assert [(e.from_stage, e.to_stage) for e in entries] == [
        ("interview", "rejected"),
        ("applied", "interview"),
        (None, "applied"),
    ]
    assert entries[1].by == "Tomás Ó Briain" and entries[1].note == "Good CV"
    assert entries[0].note == "Chose another candidate"


def test_delete_removes_from_search(workbook: Workbook) -> None:
    cid = add(workbook, "Søren Kjær")
    candidate_records.delete_candidate(workbook, cid)
    assert candidate_records.list_candidates(workbook, "søren") == []


def test_move_many_lists_refusals_and_tag_many(workbook: Workbook) -> None:
    role = role_records.create_role(workbook, RoleBrief(title="Backend Developer"))
    ids = [add(workbook, name) for name in ("Ann", "Bob")]
    apps = [stage_moves.apply(workbook, cid, role.id).id for cid in ids]
    stage_moves.move(workbook, apps[1], "offer")
    result = stage_moves.move_many(workbook, apps, "hired")
    assert result.moved == 1 and result.refused[0][0] == "Ann"
    assert "Offer first" in result.refused[0][1]
    assert [stage_moves.applications_of(workbook, c)[0].stage for c in ids] == ["applied", "hired"]
    assert candidate_records.tag_many(workbook, ids, "keep warm") == 2
    assert candidate_records.tag_many(workbook, ids, "Keep Warm") == 0
    with pytest.raises(ValidationError):
        candidate_records.tag_many(workbook, ids, "  ")
    assert [c.id for c in candidate_records.list_candidates(workbook, "warm")] == ids


def test_a_record_made_for_an_import_is_the_record_the_editor_makes() -> None:
    values: dict[str, object] = {
        "name": "Ann Lee",
        "email": "ann@example.com",
        "salary_expectation": Decimal("50000"),
        "salary_currency": "GBP",
        "skills": ("Python",),
    }
    made = candidate_input(values)
    usual = CandidateInput(**values)  # type: ignore[arg-type]
    assert made == usual and hash(made) == hash(usual) and repr(made) == repr(usual)
    assert made.tags == () and made.salary_period == "year"  # the defaults
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "Someone Else"  # type: ignore[misc]
