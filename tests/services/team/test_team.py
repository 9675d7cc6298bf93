"""The team: people who hire, interview, approve and sign."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlmodel import col, select

from hiring_desk.services.common.errors import InUseError, NotFoundError, ValidationError
from hiring_desk.services.team import company, team_members
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    AuditEvent,
    Candidate,
    Interview,
    InterviewInterviewer,
    Role,
    Scorecard,
    TeamMember,
)

# -- helpers --------------------------------------------------------------------


def _audit(workbook: Workbook) -> list[tuple[str, str, int | None]]:
    with workbook.transaction() as session:
        rows = session.exec(select(AuditEvent).order_by(col(AuditEvent.id)))
        return [(e.action, e.entity, e.entity_id) for e in rows]


def _member_rows(workbook: Workbook) -> list[tuple[str, str, str]]:
    with workbook.transaction() as session:
        rows = session.exec(select(TeamMember).order_by(col(TeamMember.id)))
        return [(m.name, m.title, m.email) for m in rows]


def _interview_for(workbook: Workbook) -> int:
    """An interview (with its candidate, role and application); returns its id."""
    with workbook.transaction() as session:
        role = Role(title="Engineer")
        candidate = Candidate(name="Casey")
        session.add(role)
        session.add(candidate)
        session.flush()
        assert role.id is not None and candidate.id is not None
        application = Application(candidate_id=candidate.id, role_id=role.id)
        session.add(application)
        session.flush()
        assert application.id is not None
        interview = Interview(application_id=application.id, starts_at=datetime.now(UTC))
        session.add(interview)
        session.flush()
        assert interview.id is not None
        return interview.id


# -- add, list, get --------------------------------------------------------------------


def test_an_empty_workbook_has_no_team(workbook: Workbook) -> None:
    assert team_members.list_members(workbook) == []


def test_add_returns_the_saved_member(workbook: Workbook) -> None:
    info = team_members.add_member(workbook, "Ada Lovelace", "CTO", "ada@example.com")
    assert info.id > 0
    assert (info.name, info.title, info.email) == ("Ada Lovelace", "CTO", "ada@example.com")
    assert team_members.get_member(workbook, info.id) == info
    assert team_members.list_members(workbook) == [info]
    assert _member_rows(workbook) == [("Ada Lovelace", "CTO", "ada@example.com")]


def test_title_and_email_are_optional(workbook: Workbook) -> None:
    info = team_members.add_member(workbook, "Grace")
    assert (info.title, info.email) == ("", "")


def test_add_strips_surrounding_whitespace(workbook: Workbook) -> None:
    info = team_members.add_member(workbook, "  Ada  ", "\tCTO \n", "  ada@example.com ")
    assert (info.name, info.title, info.email) == ("Ada", "CTO", "ada@example.com")
    assert _member_rows(workbook) == [("Ada", "CTO", "ada@example.com")]


def test_list_is_sorted_by_name_ignoring_case(workbook: Workbook) -> None:
    for name in ["bob", "Carol", "alice", "Bea", "ALAN"]:
        team_members.add_member(workbook, name)
    assert [m.name for m in team_members.list_members(workbook)] == [
        "ALAN",
        "alice",
        "Bea",
        "bob",
        "Carol",
    ]


def test_list_is_sorted_ignoring_case_for_accented_names_too(workbook: Workbook) -> None:
    for name in ["Öscar", "ölaf", "Émile", "élodie"]:
        team_members.add_member(workbook, name)
    names = [m.name for m in team_members.list_members(workbook)]
    assert names == sorted(names, key=str.casefold)
    assert names == ["élodie", "Émile", "ölaf", "Öscar"]


def test_members_with_the_same_name_are_all_kept(workbook: Workbook) -> None:
    first = team_members.add_member(workbook, "Sam")
    second = team_members.add_member(workbook, "Sam")
    assert first.id != second.id
    assert {m.id for m in team_members.list_members(workbook)} == {first.id, second.id}


def test_get_of_a_missing_member_is_not_found(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError, match="999"):
        team_members.get_member(workbook, 999)


# -- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_name_is_required(workbook: Workbook, name: str) -> None:
    with pytest.raises(ValidationError) as info:
        team_members.add_member(workbook, name, "CTO", "ada@example.com")
    assert set(info.value.errors) == {"name"}
    assert "required" in info.value.errors["name"]
    assert "Name" in str(info.value)
    assert _member_rows(workbook) == []
    assert _audit(workbook) == []


def test_name_has_a_length_limit(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as info:
        team_members.add_member(workbook, "x" * (team_members.NAME_LIMIT + 1))
    assert set(info.value.errors) == {"name"}
    team_members.add_member(workbook, "x" * team_members.NAME_LIMIT)
    assert len(_member_rows(workbook)) == 1


def test_title_has_a_length_limit(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as info:
        team_members.add_member(workbook, "Ada", "t" * (team_members.NAME_LIMIT + 1))
    assert set(info.value.errors) == {"title"}
    assert _member_rows(workbook) == []


@pytest.mark.parametrize("email", ["not-an-email", "ada@", "@example.com", "a b@example.com"])
def test_email_must_be_well_formed(workbook: Workbook, email: str) -> None:
    with pytest.raises(ValidationError) as info:
        team_members.add_member(workbook, "Ada", "", email)
    assert set(info.value.errors) == {"email"}
    assert _member_rows(workbook) == []
    assert _audit(workbook) == []


def test_all_problems_are_reported_at_once(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as info:
        team_members.add_member(workbook, " ", "t" * 500, "nope")
    assert set(info.value.errors) == {"name", "title", "email"}
    message = str(info.value)
    assert "Name" in message
    assert "Email" in message


# -- update ---------------------------------------------------------------------------------


def test_update_changes_the_member(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada", "Engineer", "ada@example.com")
    other = team_members.add_member(workbook, "Grace")

    updated = team_members.update_member(
        workbook, ada.id, "  Ada L. ", " CTO ", " ada@newco.example "
    )

    assert updated.id == ada.id
    assert (updated.name, updated.title, updated.email) == ("Ada L.", "CTO", "ada@newco.example")
    assert team_members.get_member(workbook, ada.id) == updated
    assert team_members.get_member(workbook, other.id) == other


def test_an_invalid_update_changes_nothing(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada", "CTO", "ada@example.com")
    audit_before = _audit(workbook)

    with pytest.raises(ValidationError) as info:
        team_members.update_member(workbook, ada.id, "", "CTO", "broken@")

    assert set(info.value.errors) == {"name", "email"}
    assert team_members.get_member(workbook, ada.id) == ada
    assert _audit(workbook) == audit_before


def test_update_of_a_missing_member_is_not_found(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        team_members.update_member(workbook, 42, "Nobody")
    assert _member_rows(workbook) == []
    assert _audit(workbook) == []


# -- remove ----------------------------------------------------------------------------------


def test_remove_deletes_the_member(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada")
    grace = team_members.add_member(workbook, "Grace")

    team_members.remove_member(workbook, ada.id)

    assert team_members.list_members(workbook) == [grace]
    with pytest.raises(NotFoundError):
        team_members.get_member(workbook, ada.id)


def test_remove_of_a_missing_member_is_not_found(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        team_members.remove_member(workbook, 7)
    ada = team_members.add_member(workbook, "Ada")
    team_members.remove_member(workbook, ada.id)
    with pytest.raises(NotFoundError):
        team_members.remove_member(workbook, ada.id)


def test_a_hiring_manager_cannot_be_removed(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada Lovelace")
    with workbook.transaction() as session:
        session.add(Role(title="Engineer", hiring_manager_id=ada.id))
        session.add(Role(title="Designer", hiring_manager_id=ada.id))
    audit_before = _audit(workbook)

    with pytest.raises(InUseError) as info:
        team_members.remove_member(workbook, ada.id)

    message = str(info.value)
    assert "Ada Lovelace" in message
    assert "hiring manager of 2 roles" in message
    assert team_members.get_member(workbook, ada.id) == ada
    assert _audit(workbook) == audit_before


def test_the_company_signatory_cannot_be_removed(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada Lovelace")
    company.update_company(
        workbook,
        name="Analytical Engines Ltd",
        address="",
        signatory_id=ada.id,
        default_currency="GBP",
        locale="en_GB",
    )

    with pytest.raises(InUseError) as info:
        team_members.remove_member(workbook, ada.id)

    message = str(info.value)
    assert "Ada Lovelace" in message
    assert "signatory" in message
    assert "hiring manager" not in message
    assert team_members.get_member(workbook, ada.id) == ada
    assert company.get_company(workbook).signatory_id == ada.id


def test_an_interviewer_and_scorecard_author_cannot_be_removed(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada")
    interview_id = _interview_for(workbook)
    with workbook.transaction() as session:
        session.add(InterviewInterviewer(interview_id=interview_id, member_id=ada.id))
        session.add(
            Scorecard(interview_id=interview_id, interviewer_id=ada.id, recommendation="yes")
        )

    with pytest.raises(InUseError) as info:
        team_members.remove_member(workbook, ada.id)

    message = str(info.value)
    assert "interviewer in 1 interview" in message
    assert "author of 1 scorecard" in message
    assert team_members.get_member(workbook, ada.id) == ada


def test_every_use_is_named_together(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada")
    with workbook.transaction() as session:
        session.add(Role(title="Engineer", hiring_manager_id=ada.id))
    company.update_company(
        workbook,
        name="Co",
        address="",
        signatory_id=ada.id,
        default_currency="EUR",
        locale="en_GB",
    )
    with pytest.raises(InUseError) as info:
        team_members.remove_member(workbook, ada.id)
    assert "hiring manager of 1 role" in str(info.value)
    assert "signatory" in str(info.value)


def test_a_member_is_removable_once_no_longer_in_use(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada")
    grace = team_members.add_member(workbook, "Grace")
    with workbook.transaction() as session:
        role = Role(title="Engineer", hiring_manager_id=ada.id)
        session.add(role)
    with pytest.raises(InUseError):
        team_members.remove_member(workbook, ada.id)

    with workbook.transaction() as session:
        saved = session.exec(select(Role)).one()
        saved.hiring_manager_id = grace.id
        session.add(saved)

    team_members.remove_member(workbook, ada.id)
    assert team_members.list_members(workbook) == [grace]
    with pytest.raises(InUseError):
        team_members.remove_member(workbook, grace.id)


def test_a_member_of_other_roles_only_is_removable(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada")
    grace = team_members.add_member(workbook, "Grace")
    with workbook.transaction() as session:
        session.add(Role(title="Engineer", hiring_manager_id=grace.id))
    team_members.remove_member(workbook, ada.id)
    assert [m.name for m in team_members.list_members(workbook)] == ["Grace"]


# -- audit ---------------------------------------------------------------------------------


def test_every_change_is_audited(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada", email="ada@example.com")
    team_members.update_member(workbook, ada.id, "Ada L.")
    grace = team_members.add_member(workbook, "Grace")
    team_members.remove_member(workbook, ada.id)

    assert _audit(workbook) == [
        ("add", "team_member", ada.id),
        ("edit", "team_member", ada.id),
        ("add", "team_member", grace.id),
        ("remove", "team_member", ada.id),
    ]
    with workbook.transaction() as session:
        for event in session.exec(select(AuditEvent)):
            assert event.at.tzinfo is not None
            json.loads(event.detail)  # always valid JSON
            assert "ada@example.com" not in event.detail


def test_reads_are_not_audited(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada")
    before = _audit(workbook)
    team_members.list_members(workbook)
    team_members.get_member(workbook, ada.id)
    assert _audit(workbook) == before


def test_refused_changes_are_not_audited(workbook: Workbook) -> None:
    with pytest.raises(ValidationError):
        team_members.add_member(workbook, "")
    with pytest.raises(NotFoundError):
        team_members.update_member(workbook, 5, "Nobody")
    with pytest.raises(NotFoundError):
        team_members.remove_member(workbook, 5)
    assert _audit(workbook) == []
