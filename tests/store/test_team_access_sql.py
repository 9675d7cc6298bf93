"""What each role of a team workbook may read and change, asked of the server directly.

Every test signs in as a real PostgreSQL login (``tests/team_logins.py``) and runs
SQL itself, with no app in between: the server, not the window, keeps an
interviewer from salaries and offers and a hiring manager inside their roles.
"""

from __future__ import annotations

import psycopg
import pytest
from psycopg.errors import InsufficientPrivilege
from tests.team_logins import Team

pytestmark = pytest.mark.usefixtures("team")


def _count(team: Team, role: str, table: str) -> int:
    return int(team.sql(role, f"SELECT count(*) FROM {table}")[0][0])


def test_an_interviewer_is_refused_offers_and_salary_columns(team: Team) -> None:
    for query in (
        "SELECT * FROM offer",
        "SELECT salary_minor FROM offer",
        "SELECT salary_expectation_minor FROM candidate",
        "SELECT salary_expectation_max_minor FROM candidate",
        "SELECT * FROM candidate",
        "SELECT salary_min_minor, salary_max_minor FROM role",
        "SELECT * FROM candidate_message",
    ):
        with pytest.raises(InsufficientPrivilege):
            team.sql("interviewer", query)
    # What they need for their interviews is there.
    assert team.sql("interviewer", "SELECT name, email, current_title FROM candidate")
    assert team.sql("interviewer", "SELECT title, seniority FROM role")


def test_an_interviewer_sees_only_the_candidates_they_interview(team: Team) -> None:
    member = team.member_ids["interviewer"]
    theirs = {
        row[0]
        for row in team.sql(
            "root",
            "SELECT DISTINCT a.candidate_id FROM application a JOIN interview i "
            "ON i.application_id = a.id JOIN interview_interviewer ii ON ii.interview_id = i.id "
            "WHERE ii.member_id = %s",
            member,
        )
    }
    seen = {row[0] for row in team.sql("interviewer", "SELECT id FROM candidate")}
    assert theirs and seen == theirs
    assert _count(team, "root", "candidate") > len(seen)
    attachments = team.sql("interviewer", "SELECT DISTINCT candidate_id FROM attachment")
    assert {row[0] for row in attachments} <= theirs


def test_an_interviewer_changes_nothing_but_their_own_scorecards(team: Team) -> None:
    for statement in (
        "UPDATE candidate SET notes = 'x'",
        "DELETE FROM application",
        "UPDATE interview SET notes = 'x'",
        "INSERT INTO team_member (name, title, email, created_at, access_role) "
        "VALUES ('Mallory', '', '', now(), 'admin')",
        "UPDATE team_member SET access_role = 'admin'",
        "UPDATE company_profile SET name = 'x'",
    ):
        with pytest.raises(InsufficientPrivilege):
            team.sql("interviewer", statement)
    other = team.member_ids["hiring_manager"]
    changed = team.sql(
        "interviewer", "UPDATE scorecard SET notes = 'mine now' WHERE interviewer_id = %s", other
    )
    assert changed == []
    notes = team.sql("root", "SELECT notes FROM scorecard WHERE interviewer_id = %s", other)
    assert all(note != "mine now" for (note,) in notes)


def test_scores_stay_independent_until_the_interviewer_submits(team: Team) -> None:
    me, other = team.member_ids["interviewer"], team.member_ids["hiring_manager"]
    # An interview both take part in, which neither has scored yet.
    (interview, application) = team.sql(
        "root",
        "SELECT i.id, i.application_id FROM interview i WHERE i.status = 'scheduled' AND "
        "EXISTS (SELECT 1 FROM interview_interviewer WHERE interview_id = i.id "
        "AND member_id = %s) AND EXISTS (SELECT 1 FROM interview_interviewer "
        "WHERE interview_id = i.id AND member_id = %s) ORDER BY i.id LIMIT 1",
        me,
        other,
    )[0]
    theirs_query = (
        "SELECT s.id FROM scorecard s JOIN interview i ON i.id = s.interview_id "
        "WHERE i.application_id = %s AND s.interviewer_id = %s"
    )
    others_cards = team.sql("root", theirs_query, application, other)
    assert others_cards, "the other interviewer has scored this candidate already"
    assert team.sql("interviewer", theirs_query, application, other) == []
    ratings = "SELECT count(*) FROM scorecard_rating WHERE scorecard_id = %s"
    assert team.sql("interviewer", ratings, others_cards[0][0]) == [(0,)]

    with team.connection("interviewer") as conn:  # submitting their own, as themselves
        card = conn.execute(
            "INSERT INTO scorecard (interview_id, interviewer_id, recommendation, notes, "
            "submitted_at, version) VALUES (%s, %s, 'yes', '', now(), 1) RETURNING id",
            (interview, me),
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO scorecard_rating (scorecard_id, competency, rating, note) "
            "VALUES (%s, 'problem_solving', 3, '')",
            (card,),
        )
    assert team.sql("interviewer", theirs_query, application, other) == others_cards
    assert team.sql("interviewer", ratings, others_cards[0][0])[0][0] >= 0


def test_an_interviewer_cannot_score_for_someone_else(team: Team) -> None:
    me, other = team.member_ids["interviewer"], team.member_ids["hiring_manager"]
    (interview,) = team.sql(
        "root",
        "SELECT interview_id FROM interview_interviewer WHERE member_id = %s LIMIT 1",
        me,
    )[0]
    with pytest.raises(InsufficientPrivilege):  # row-level security's check
        team.sql(
            "interviewer",
            "INSERT INTO scorecard (interview_id, interviewer_id, recommendation, notes, "
            "submitted_at, version) VALUES (%s, %s, 'yes', '', now(), 1)",
            interview,
            other,
        )


def test_a_hiring_manager_changes_their_own_roles_and_only_reads_others(team: Team) -> None:
    manager = team.member_ids["hiring_manager"]
    someone_else = team.member_ids["interviewer"]
    (other_role,) = team.sql(
        "root",
        "INSERT INTO role (title, seniority, employment_type, work_mode, location, headcount, "
        "project, project_duration, salary_currency, salary_period, hiring_manager_id, "
        "education, status, notes, created_at, updated_at, salary_min_minor) VALUES "
        "('Data Engineer', 'mid', 'full_time', 'remote', '', 1, '', '', 'EUR', 'year', %s, "
        "'', 'open', '', now(), now(), 6000000) RETURNING id",
        someone_else,
    )[0]
    (own_role,) = team.sql(
        "root", "SELECT id FROM role WHERE hiring_manager_id = %s LIMIT 1", manager
    )[0]
    team.sql("hiring_manager", "UPDATE role SET notes = 'mine' WHERE id = %s", own_role)
    team.sql("hiring_manager", "UPDATE role SET notes = 'theirs' WHERE id = %s", other_role)
    notes = dict(team.sql("root", "SELECT id, notes FROM role"))
    assert notes[own_role] == "mine" and notes[other_role] == ""
    assert team.sql("hiring_manager", "SELECT title FROM role WHERE id = %s", other_role)
    with pytest.raises(InsufficientPrivilege):  # a budget is the admin's
        team.sql("hiring_manager", "UPDATE role SET salary_max_minor = 1 WHERE id = %s", own_role)
    # Offers: those of their roles only.
    offers = team.sql(
        "root", "SELECT o.id, a.role_id FROM offer o JOIN application a ON a.id = o.application_id"
    )
    seen = {row[0] for row in team.sql("hiring_manager", "SELECT id FROM offer")}
    assert seen == {o for o, role in offers if role != other_role}
    with pytest.raises(InsufficientPrivilege):
        team.sql("hiring_manager", "UPDATE company_profile SET name = 'x'")
    with pytest.raises(InsufficientPrivilege):
        team.sql("hiring_manager", "DELETE FROM candidate")


def test_a_recruiter_works_candidates_and_offers_but_not_the_team(team: Team) -> None:
    team.sql("recruiter", "UPDATE candidate SET notes = notes || ''")
    assert _count(team, "recruiter", "offer") == _count(team, "root", "offer")
    assert team.sql("recruiter", "SELECT salary_expectation_minor FROM candidate")
    for statement in (
        "UPDATE team_member SET access_role = 'admin'",
        "UPDATE company_profile SET name = 'x'",
        "UPDATE role SET salary_max_minor = 1",
        "DELETE FROM user_template",
    ):
        with pytest.raises(InsufficientPrivilege):
            team.sql("recruiter", statement)


def test_an_admin_who_does_not_own_the_workbook_may_do_everything(team: Team) -> None:
    assert _count(team, "admin", "offer") == _count(team, "root", "offer")
    team.sql("admin", "UPDATE role SET salary_max_minor = salary_max_minor")
    team.sql("admin", "UPDATE company_profile SET name = name")
    assert _count(team, "admin", "scorecard") == _count(team, "root", "scorecard")


def test_the_audit_trail_names_the_login_whatever_the_client_says(team: Team) -> None:
    team.sql(
        "recruiter",
        "INSERT INTO audit_event (at, actor, action, entity, detail, login) "
        "VALUES (now(), '', 'edit', 'candidate', '{}', 'somebody_else')",
    )
    logins = team.sql("root", "SELECT login FROM audit_event ORDER BY id DESC LIMIT 1")
    assert logins == [(team.logins["recruiter"],)]


def test_a_login_not_on_the_team_reads_nothing(team: Team, pg_server: object) -> None:
    stranger = f"{team.database}_stranger"
    team.sql("root", f'CREATE ROLE "{stranger}" LOGIN')
    with pytest.raises(psycopg.Error):
        team.sql(stranger, "SELECT name FROM candidate")
