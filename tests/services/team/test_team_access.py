"""Adding, re-roling and removing the people who sign in to a team workbook, on a real
PostgreSQL server: what the service says, and what the server then lets each login do."""

from __future__ import annotations

from pathlib import Path

import pytest
from psycopg.errors import InsufficientPrivilege
from tests.team_logins import Team

from hiring_desk.domain.team_roles import TeamRole
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.candidate_records import CandidateInput
from hiring_desk.services.common.audit import list_events
from hiring_desk.services.common.errors import (
    PermissionDeniedError,
    ServiceError,
    ValidationError,
)
from hiring_desk.services.team import team_access
from hiring_desk.store import Workbook, WorkbookError


def _login_state(team: Team, login: str) -> tuple[bool, set[str]]:
    """(may sign in, the groups it belongs to)."""
    (can_login,) = team.sql("root", "SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", login)[0]
    groups = team.sql(
        "root",
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = %s",
        login,
    )
    return bool(can_login), {str(g) for (g,) in groups}


def test_adding_a_person_makes_their_login_with_a_one_time_password(team: Team) -> None:
    login = f"{team.database}_new"
    with Workbook.open(team.owner_url) as owner:
        added = team_access.add_person(owner, "Kwame Mensah", login, "Recruiter")
        people = team_access.people(owner)
    assert added.password and len(added.password) >= 12
    assert added.person.role is TeamRole.RECRUITER
    assert login in {p.login for p in people}
    can_login, groups = _login_state(team, login)
    assert can_login and groups == {f"hd_{team.database}_recruiter"}
    with Workbook.open(team.url(login)) as theirs:
        assert theirs.access is not None
        assert (theirs.access.member_name, theirs.access.role) == ("Kwame Mensah", "recruiter")


def test_a_member_of_the_same_name_keeps_their_record_and_history(team: Team) -> None:
    # Priya Raman was in the demo before she got a login: same member, same interviews.
    (member_id,) = team.sql("root", "SELECT id FROM team_member WHERE name = 'Priya Raman'")[0]
    assert team.member_ids["interviewer"] == member_id
    assert team.sql("root", "SELECT count(*) FROM team_member WHERE name = 'Priya Raman'") == [(1,)]


def test_a_login_already_on_the_team_is_refused(team: Team) -> None:
    with Workbook.open(team.owner_url) as owner, pytest.raises(ValidationError) as refused:
        team_access.add_person(owner, "Someone", team.logins["recruiter"], "admin")
    assert "already on the team, as Rob Recruiter" in str(refused.value)


def test_only_an_admin_may_add_or_change_people(team: Team) -> None:
    for role in ("recruiter", "hiring_manager", "interviewer"):
        with team.open(role) as workbook:
            with pytest.raises(PermissionDeniedError, match="don't have permission"):
                team_access.add_person(workbook, "Eve", f"{team.database}_eve", "admin")
            with pytest.raises(PermissionDeniedError):
                team_access.set_role(workbook, team.logins[role], "admin")
    assert (
        team.sql("root", "SELECT 1 FROM pg_roles WHERE rolname = %s", f"{team.database}_eve") == []
    )
    # An admin who does not own the workbook may (they were given CREATEROLE).
    with team.open("admin") as workbook:
        added = team_access.add_person(workbook, "Eve Adams", f"{team.database}_eve", "interviewer")
    assert added.password is not None


def test_changing_a_role_changes_what_the_server_allows(team: Team) -> None:
    with pytest.raises(InsufficientPrivilege):
        team.sql("interviewer", "SELECT count(*) FROM offer")
    with Workbook.open(team.owner_url) as owner:
        person = team_access.set_role(owner, team.logins["interviewer"], "recruiter")
    assert person.role is TeamRole.RECRUITER
    assert team.sql("interviewer", "SELECT count(*) FROM offer")[0][0] > 0
    _can_login, groups = _login_state(team, team.logins["interviewer"])
    assert groups == {f"hd_{team.database}_recruiter"}


def test_the_owner_stays_an_admin(team: Team) -> None:
    with Workbook.open(team.owner_url) as owner, pytest.raises(ServiceError, match="made this"):
        team_access.add_person(owner, "Root", "root", "interviewer")
    with Workbook.open(team.owner_url) as owner:  # named, as an admin
        added = team_access.add_person(owner, "Sam Owner", "root", "admin")
        assert added.password is None and added.person.role is TeamRole.ADMIN
        with pytest.raises(ServiceError, match="made this"):
            team_access.set_role(owner, "root", "recruiter")
    with Workbook.open(team.owner_url) as owner:
        assert owner.access is not None and owner.access.who == "Sam Owner (root)"


def test_removing_a_person_disables_their_login_and_keeps_their_history(team: Team) -> None:
    login = team.logins["recruiter"]
    with team.open("recruiter") as workbook:
        candidate_records.create_candidate(
            workbook, CandidateInput(name="Amara Okafor", email="amara@example.org")
        )
    with Workbook.open(team.owner_url) as owner:
        person = team_access.remove_person(owner, login)
        assert person.removed
        events = list_events(owner)
    can_login, groups = _login_state(team, login)
    assert not can_login and groups == set()
    theirs = [e for e in events if e.login == login]
    assert theirs and all(e.who == f"Rob Recruiter ({login})" for e in theirs)
    assert any(e.entity == "candidate" and e.action == "add" for e in theirs)
    with pytest.raises(WorkbookError, match="may not sign in"):
        team.open("recruiter")
    # Added again later: the same member, signing in again.
    with Workbook.open(team.owner_url) as owner:
        again = team_access.add_person(owner, "Rob Recruiter", login, "recruiter")
    assert again.person.member_id == person.member_id and again.password is None
    assert _login_state(team, login)[0]


def test_nobody_removes_themselves(team: Team) -> None:
    with team.open("admin") as workbook, pytest.raises(ServiceError, match="yourself"):
        team_access.remove_person(workbook, team.logins["admin"])


def test_a_login_not_on_the_team_is_told_so(team: Team) -> None:
    stranger = f"{team.database}_stranger"
    team.sql("root", f'CREATE ROLE "{stranger}" LOGIN')
    with pytest.raises(WorkbookError, match="not on this workbook's team"):
        team.open(stranger)


def test_every_change_names_the_login_that_made_it(team: Team) -> None:
    with team.open("recruiter") as workbook:
        made = candidate_records.create_candidate(workbook, CandidateInput(name="Lin Wei"))
    with Workbook.open(team.owner_url) as owner:
        events = list_events(owner)
    added = next(e for e in events if e.entity == "candidate" and e.entity_id == made.id)
    assert added.login == team.logins["recruiter"]
    assert added.who == f"Rob Recruiter ({team.logins['recruiter']})"
    owner_events = [e for e in events if e.entity == "team_access"]
    assert owner_events and all(e.who == "root" for e in owner_events)


def test_a_workbook_file_has_no_sign_in(tmp_path: Path) -> None:
    with Workbook.create(tmp_path / "solo.hiringdesk") as workbook:
        assert workbook.access is None
        with pytest.raises(ServiceError, match="no sign-in"):
            team_access.add_person(workbook, "Ana", "ana", "admin")
        with pytest.raises(ServiceError, match="no sign-in"):
            team_access.people(workbook)
