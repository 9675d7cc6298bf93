"""Roles: the brief's checks, create/edit/delete, skills, lookup by id or title."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlmodel import select

from hiring_desk.services.common.errors import InUseError, NotFoundError, ValidationError
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry, parse_money
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, RoleSkill

TODAY = date(2026, 11, 24)


def brief(**changes: object) -> RoleBrief:
    base = RoleBrief(
        title="Senior Backend Developer",
        seniority="senior",
        work_mode="remote",
        location="Remote within Ireland",
        salary_min=Decimal("78000"),
        salary_max=Decimal("95000"),
        salary_currency="EUR",
        start_by=TODAY + timedelta(days=60),
        skills=(SkillEntry("python", "must"), SkillEntry("PostgreSQL", "must")),
    )
    return RoleBrief(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_create_and_get_round_trip(workbook: Workbook) -> None:
    manager = team_members.add_member(workbook, "Tomás Ó Briain", "Head of Engineering")
    created = role_records.create_role(workbook, brief(hiring_manager_id=manager.id), today=TODAY)
    detail = role_records.get_role(workbook, created.id)
    assert detail.brief.title == "Senior Backend Developer"
    assert detail.brief.salary_min == Decimal("78000") and detail.brief.salary_max == Decimal(
        "95000"
    )
    assert detail.hiring_manager == "Tomás Ó Briain"
    # Catalog spelling is used for a skill typed in another case.
    assert [s.skill for s in detail.brief.skills] == ["Python", "PostgreSQL"]
    with workbook.transaction() as session:
        stored = session.exec(select(RoleSkill)).all()
    assert [(s.skill, s.importance, s.position) for s in stored] == [
        ("Python", "must", 0),
        ("PostgreSQL", "must", 1),
    ]
    assert [r.title for r in role_records.list_roles(workbook)] == ["Senior Backend Developer"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "   "}, "title"),
        ({"salary_min": Decimal("99000")}, "salary_min"),
        ({"start_by": TODAY - timedelta(days=1)}, "start_by"),
        ({"target_date": TODAY - timedelta(days=3)}, "target_date"),
        ({"headcount": 0}, "headcount"),
        ({"salary_currency": "XYZ"}, "salary_currency"),
        ({"salary_min": Decimal("-5")}, "salary_min"),
        ({"salary_min": Decimal("10.555")}, "salary_min"),
        ({"min_years_experience": 99}, "min_years_experience"),
        ({"status": "archived"}, "status"),
        ({"hiring_manager_id": 999}, "hiring_manager"),
    ],
)
def test_bad_input_is_refused_at_the_field_and_nothing_saved(
    workbook: Workbook, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        role_records.create_role(workbook, brief(**changes), today=TODAY)
    assert field in caught.value.errors
    assert role_records.list_roles(workbook) == []


def test_update_keeps_old_past_dates_but_refuses_new_ones(workbook: Workbook) -> None:
    created = role_records.create_role(workbook, brief(), today=TODAY)
    later = created.brief.start_by + timedelta(days=10)  # type: ignore[operator]
    # Months later the start date has passed; other edits still save.
    updated = role_records.update_role(
        workbook, created.id, brief(title="Backend Lead"), today=later
    )
    assert updated.brief.title == "Backend Lead"
    with pytest.raises(ValidationError) as caught:
        role_records.update_role(
            workbook, created.id, brief(start_by=later - timedelta(days=1)), today=later
        )
    assert "start_by" in caught.value.errors
    assert role_records.get_role(workbook, created.id).brief.title == "Backend Lead"


def test_skills_are_deduplicated_and_replaced(workbook: Workbook) -> None:
    skills = (
        SkillEntry("Python", "must"),
        SkillEntry(" python ", "nice"),
        SkillEntry("Docker", "nice"),
    )
    created = role_records.create_role(workbook, brief(skills=skills), today=TODAY)
    assert [(s.skill, s.importance) for s in created.brief.skills] == [
        ("Python", "must"),
        ("Docker", "nice"),
    ]
    updated = role_records.update_role(
        workbook, created.id, brief(skills=(SkillEntry("Rust", "must"),)), today=TODAY
    )
    assert [s.skill for s in updated.brief.skills] == ["Rust"]


def test_free_skill_entries_are_allowed(workbook: Workbook) -> None:
    created = role_records.create_role(
        workbook, brief(skills=(SkillEntry("Temporal workflows", "nice"),)), today=TODAY
    )
    assert created.brief.skills[0].skill == "Temporal workflows"


def test_delete_refused_while_candidates_apply(workbook: Workbook) -> None:
    created = role_records.create_role(workbook, brief(), today=TODAY)
    with workbook.transaction() as session:
        candidate = Candidate(name="Ada")
        session.add(candidate)
        session.flush()
        assert candidate.id is not None
        session.add(Application(candidate_id=candidate.id, role_id=created.id))
    with pytest.raises(InUseError, match="1 candidate"):
        role_records.delete_role(workbook, created.id)
    other = role_records.create_role(workbook, brief(title="Junior"), today=TODAY)
    role_records.delete_role(workbook, other.id)
    assert [r.title for r in role_records.list_roles(workbook)] == ["Senior Backend Developer"]


def test_find_role_by_id_or_exact_title(workbook: Workbook) -> None:
    created = role_records.create_role(workbook, brief(), today=TODAY)
    assert role_records.find_role(workbook, str(created.id)).id == created.id
    assert role_records.find_role(workbook, "Senior Backend Developer").id == created.id
    with pytest.raises(NotFoundError):
        role_records.find_role(workbook, "senior backend developer")
    role_records.create_role(workbook, brief(), today=TODAY)
    with pytest.raises(NotFoundError, match="Several roles"):
        role_records.find_role(workbook, "Senior Backend Developer")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("65000", Decimal("65000")),
        ("65,000", Decimal("65000")),
        (" 45.50 ", Decimal("45.50")),
    ],
)
def test_parse_money(text: str, value: Decimal | None) -> None:
    assert parse_money(text) == value


@pytest.mark.parametrize("text", ["lots", "1e999999", "NaN", "12abc"])
def test_parse_money_refuses_non_amounts(text: str) -> None:
    with pytest.raises(ValueError, match="is not an amount"):
        parse_money(text)
