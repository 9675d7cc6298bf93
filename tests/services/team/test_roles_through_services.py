"""Each role of a team workbook through the services, signed in as a real login.

The server enforces the roles whatever the app does (``tests/store/
test_team_access_sql.py``); these tests check the services ask first: what a
role may do works, what it may not is refused with "You don't have permission"
and nothing changes (read back as the owner, in SQL), and what an interviewer's
window reads never asks the server for salaries, offers or messages.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from tests.team_logins import Team

from hiring_desk import clock
from hiring_desk.services.candidates import candidate_records, candidate_table
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import NotFoundError, PermissionDeniedError
from hiring_desk.services.email import messages
from hiring_desk.services.interviews import calendar_export, interview_records, packs, scorecards
from hiring_desk.services.interviews.scorecards import RatingDraft, ScorecardDraft
from hiring_desk.services.offers import offer_records, offer_views
from hiring_desk.services.offers.terms import OfferDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.reports import reports
from hiring_desk.services.reports.report_figures import ReportScope
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import company, team_members
from hiring_desk.services.today import today_items
from hiring_desk.services.today.today_views import ItemKind

pytestmark = pytest.mark.usefixtures("team")

REFUSED = r"^You don't have permission to .* \(your role: "


def _theirs(team: Team) -> set[int]:
    """The candidates the interviewer interviews, asked of the server as its owner."""
    rows = team.sql(
        "root",
        "SELECT DISTINCT a.candidate_id FROM application a JOIN interview i "
        "ON i.application_id = a.id JOIN interview_interviewer ii ON ii.interview_id = i.id "
        "WHERE ii.member_id = %s",
        team.member_ids["interviewer"],
    )
    return {row[0] for row in rows}


def _one(team: Team, query: str, *params: object) -> int:
    """The first column of the first row, as the owner reads it (an id or a count)."""
    rows = team.sql("root", query, *params)
    assert rows, query
    return int(rows[0][0])


def _stage(team: Team, application_id: int) -> tuple[str, int]:
    rows = team.sql("root", "SELECT stage, version FROM application WHERE id = %s", application_id)
    return rows[0][0], rows[0][1]


def _count(team: Team, table: str) -> int:
    return int(_one(team, f"SELECT count(*) FROM {table}"))


def _open_application(team: Team, role_id: int | None = None) -> int:
    """An application at Screening or Interview (of ``role_id``), as the owner sees it."""
    where = "" if role_id is None else f" AND role_id = {int(role_id)}"
    return int(
        _one(
            team,
            "SELECT id FROM application WHERE stage IN ('screening', 'interview')"
            f"{where} ORDER BY id LIMIT 1",
        )
    )


# -- the interviewer ----------------------------------------------------------------


def test_an_interviewer_reads_their_window_without_salaries_offers_or_messages(
    team: Team,
) -> None:
    theirs = _theirs(team)
    with team.open("interviewer") as workbook:
        today = today_items.list_today(workbook)
        kinds = {item.kind for item in today.items}
        assert not kinds & {
            ItemKind.OFFER_EXPIRING,
            ItemKind.OFFER_AWAITING,
            ItemKind.TASK,
            ItemKind.RETENTION,
        }
        assert today.upcoming_tasks == ()
        # Only their own: interviews they take part in, scorecards only they still owe.
        me = team.member_ids["interviewer"]
        their_interviews = {
            row[0]
            for row in team.sql(
                "root", "SELECT interview_id FROM interview_interviewer WHERE member_id = %s", me
            )
        }
        scored = {
            row[0]
            for row in team.sql(
                "root", "SELECT interview_id FROM scorecard WHERE interviewer_id = %s", me
            )
        }
        assert today.items and kinds <= {ItemKind.INTERVIEW, ItemKind.SCORECARD}
        assert all(item.target_id in their_interviews for item in today.items)
        assert not {i.target_id for i in today.items if i.kind is ItemKind.SCORECARD} & scored
        with team.open("admin") as admin:  # others' overdue scorecards are there for an admin
            assert len(today_items.list_today(admin).of_kind(ItemKind.SCORECARD)) > len(
                today.of_kind(ItemKind.SCORECARD)
            )

        rows = candidate_table.fetch_rows(workbook, candidate_table.CandidateFilter())
        assert {row.id for row in rows} == theirs
        assert candidate_table.count_rows(workbook, candidate_table.CandidateFilter()) == len(
            theirs
        )
        assert {c.id for c in candidate_records.list_candidates(workbook)} == theirs

        for candidate_id in theirs:
            detail = candidate_records.get_candidate(workbook, candidate_id)
            assert detail.record.salary_expectation is None
            assert detail.record.salary_expectation_max is None
            assert detail.record.salary_currency is None
            assert messages.messages_of(workbook, candidate_id) == []
            assert stage_moves.timeline(workbook, candidate_id)
            assert interview_records.interviews_of_candidate(workbook, candidate_id)
            for application in stage_moves.applications_of(workbook, candidate_id):
                assert offer_views.offers_for_application(workbook, application.id) == []
                assert stage_moves.allowed_steps(workbook, application.id) == []
                scorecards.scorecards_for_application(workbook, application.id)
        interviews = [i.id for i in interview_records.list_interviews(workbook)]
        assert interviews
        assert packs.pack_for_interview(workbook, interviews[0])
        assert b"BEGIN:VEVENT" in calendar_export.ics_for_interviews(workbook, interviews)
        assert offer_views.list_offers(workbook) == []
        for role in role_records.list_roles(workbook):
            brief = role_records.get_role(workbook, role.id).brief
            assert brief.salary_min is None and brief.salary_max is None
    # What they were not shown is there: salaries, offers and messages.
    salaried = team.sql(
        "root",
        "SELECT count(*) FROM candidate WHERE salary_expectation_minor IS NOT NULL "
        "AND id = ANY(%s)",
        list(theirs),
    )
    assert salaried[0][0] > 0
    assert _count(team, "offer") > 0
    assert int(_one(team, "SELECT count(*) FROM role WHERE salary_min_minor IS NOT NULL")) > 0


def _unscored_interview(team: Team, other: str | None = None) -> int:
    """An interview the interviewer takes part in and has not scored yet (with ``other``
    taking part too)."""
    me = team.member_ids["interviewer"]
    also = (
        ""
        if other is None
        else " AND EXISTS (SELECT 1 FROM interview_interviewer o WHERE o.interview_id = i.id "
        f"AND o.member_id = {team.member_ids[other]}) AND NOT EXISTS (SELECT 1 FROM scorecard "
        f"s WHERE s.interview_id = i.id AND s.interviewer_id = {team.member_ids[other]})"
    )
    return int(
        _one(
            team,
            "SELECT i.id FROM interview i JOIN interview_interviewer ii ON ii.interview_id = i.id "
            "WHERE ii.member_id = %s AND i.status <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM "
            f"scorecard s WHERE s.interview_id = i.id AND s.interviewer_id = %s){also} "
            "ORDER BY i.id LIMIT 1",
            me,
            me,
        )
    )


def _full_draft(form: scorecards.ScorecardForm, interviewer_id: int) -> ScorecardDraft:
    ratings = tuple(RatingDraft(key, 3) for key in form.competencies)
    return ScorecardDraft(interviewer_id, "yes", "Clear answers.", ratings)


def test_an_interviewer_saves_their_own_scorecard(team: Team) -> None:
    me = team.member_ids["interviewer"]
    interview = _unscored_interview(team)
    with team.open("interviewer") as workbook:
        form = scorecards.scorecard_form(workbook, interview, me)
        card = scorecards.save_scorecard(workbook, interview, _full_draft(form, me))
    saved = team.sql(
        "root", "SELECT interview_id, interviewer_id, notes FROM scorecard WHERE id = %s", card
    )
    assert saved == [(interview, me, "Clear answers.")]


def test_an_interviewer_is_refused_what_their_role_does_not_include(team: Team) -> None:
    other = team.member_ids["hiring_manager"]
    interview = _unscored_interview(team, "hiring_manager")
    application = int(_one(team, "SELECT application_id FROM interview WHERE id = %s", interview))
    stage_before = _stage(team, application)
    candidates, cards = _count(team, "candidate"), _count(team, "scorecard")
    with team.open("interviewer") as workbook:
        form = scorecards.scorecard_form(workbook, interview, team.member_ids["interviewer"])
        with pytest.raises(PermissionDeniedError, match=REFUSED + "Interviewer"):
            candidate_records.create_candidate(workbook, CandidateInput(name="Mallory Stone"))
        with pytest.raises(PermissionDeniedError, match="change this role's pipeline"):
            stage_moves.move(workbook, application, "shortlisted")
        with pytest.raises(PermissionDeniedError, match="scorecards for other interviewers"):
            scorecards.save_scorecard(workbook, interview, _full_draft(form, other))
        with pytest.raises(PermissionDeniedError, match="see the hiring reports"):
            reports.build_report(workbook, ReportScope())
    assert _stage(team, application) == stage_before
    assert (_count(team, "candidate"), _count(team, "scorecard")) == (candidates, cards)
    assert not team.sql(
        "root",
        "SELECT 1 FROM scorecard WHERE interview_id = %s AND interviewer_id = %s",
        interview,
        other,
    )


# -- the hiring manager -------------------------------------------------------------


def _role_of_someone_else(team: Team) -> tuple[int, int]:
    """A role the admin adds with the interviewer as its hiring manager, and an
    application to it; (role id, application id)."""
    candidate = int(_one(team, "SELECT id FROM candidate ORDER BY id LIMIT 1"))
    with team.open("admin") as admin:
        role = role_records.create_role(
            admin,
            RoleBrief(
                title="Data Engineer",
                status="open",
                salary_min=Decimal(60000),
                hiring_manager_id=team.member_ids["interviewer"],
            ),
        )
        applied = stage_moves.apply(admin, candidate, role.id)
        stage_moves.move(admin, applied.id, "screening")
    return role.id, applied.id


def test_a_hiring_manager_moves_candidates_on_their_own_roles_only(team: Team) -> None:
    other_role, other_application = _role_of_someone_else(team)
    own_role = int(
        _one(
            team,
            "SELECT id FROM role WHERE hiring_manager_id = %s ORDER BY id",
            team.member_ids["hiring_manager"],
        )
    )
    own_application = _open_application(team, own_role)
    theirs_before = _stage(team, other_application)
    with team.open("hiring_manager") as workbook:
        steps = stage_moves.allowed_steps(workbook, own_application)
        target = next(s for s in steps if s.phase.value not in ("rejected", "withdrawn"))
        stage_moves.move(workbook, own_application, target.key)
        assert stage_moves.allowed_steps(workbook, other_application) == []
        with pytest.raises(PermissionDeniedError, match=REFUSED + "Hiring manager"):
            stage_moves.move(workbook, other_application, "interview")
        bulk = stage_moves.move_many(workbook, [other_application], "interview")
        assert bulk.moved == 0 and len(bulk.refused) == 1
        # Their own role's brief, yes; its budget or another's role, no.
        mine = role_records.get_role(workbook, own_role).brief
        role_records.update_role(workbook, own_role, replace(mine, notes="Hiring in spring"))
        with pytest.raises(PermissionDeniedError, match="budgets"):
            role_records.update_role(
                workbook, own_role, replace(mine, salary_max=(mine.salary_max or Decimal(0)) + 1000)
            )
        theirs = role_records.get_role(workbook, other_role).brief
        with pytest.raises(PermissionDeniedError, match="brief"):
            role_records.update_role(workbook, other_role, replace(theirs, notes="Mine now"))
        # Offers of the other role are not there for them; the pages still open.
        offer_views.list_offers(workbook)
        today_items.list_today(workbook)
    assert _stage(team, own_application)[0] == target.phase.value
    assert _stage(team, other_application) == theirs_before
    notes = dict(team.sql("root", "SELECT id, notes FROM role"))
    assert notes[own_role] == "Hiring in spring" and notes[other_role] == ""


# -- the recruiter and the admin ----------------------------------------------------


def _offer_terms() -> OfferDraft:
    return OfferDraft(
        salary=Decimal(70000), currency="EUR", start_date=clock.today() + timedelta(weeks=6)
    )


def _company_kwargs() -> dict[str, object]:
    return {
        "name": "Renamed Ltd",
        "address": "",
        "signatory_id": None,
        "default_currency": "EUR",
        "locale": "en_IE",
    }


def test_a_recruiter_adds_candidates_and_makes_offers_but_not_the_company_or_team(
    team: Team,
) -> None:
    application = _open_application(team)
    company_before = team.sql("root", "SELECT name FROM company_profile")
    members = _count(team, "team_member")
    with team.open("recruiter") as workbook:
        added = candidate_records.create_candidate(workbook, CandidateInput(name="Oisín Walsh"))
        offer = offer_records.create_offer(workbook, application, _offer_terms())
        with pytest.raises(PermissionDeniedError, match=REFUSED + "Recruiter"):
            company.update_company(workbook, **_company_kwargs())  # type: ignore[arg-type]
        with pytest.raises(PermissionDeniedError, match="administer the team"):
            team_members.add_member(workbook, "Eve Outsider")
        assert reports.build_report(workbook, ReportScope())
    assert team.sql("root", "SELECT name FROM candidate WHERE id = %s", added.id) == [
        ("Oisín Walsh",)
    ]
    assert team.sql("root", "SELECT application_id FROM offer WHERE id = %s", offer.id) == [
        (application,)
    ]
    assert team.sql("root", "SELECT name FROM company_profile") == company_before
    assert _count(team, "team_member") == members


def test_an_admin_may_do_all_of_it(team: Team) -> None:
    application = _open_application(team)
    with team.open("admin") as workbook:
        company.update_company(workbook, **_company_kwargs())  # type: ignore[arg-type]
        member = team_members.add_member(workbook, "Eve Newcomer")
        candidate_records.create_candidate(workbook, CandidateInput(name="Ciara Byrne"))
        offer_records.create_offer(workbook, application, _offer_terms())
        role_records.create_role(workbook, RoleBrief(title="Designer", salary_min=Decimal(1)))
        assert reports.build_report(workbook, ReportScope())
    assert team.sql("root", "SELECT name FROM company_profile") == [("Renamed Ltd",)]
    assert team.sql("root", "SELECT name FROM team_member WHERE id = %s", member.id) == [
        ("Eve Newcomer",)
    ]


def test_an_interviewer_is_told_why_tasks_snoozes_and_new_plans_are_not_theirs(
    team: Team,
) -> None:
    from hiring_desk.services.interviews import plans
    from hiring_desk.services.today import tasks, today_items

    (role_id,) = team.sql("root", "SELECT id FROM role ORDER BY id LIMIT 1")[0]
    team.sql("root", "DELETE FROM interview_plan WHERE role_id = %s", role_id)
    with team.open("interviewer") as workbook:
        with pytest.raises(PermissionDeniedError, match="tasks and reminders"):
            tasks.add_task(
                workbook, tasks.TaskDraft(title="Call back", due_on=clock.today(), role_id=role_id)
            )
        with pytest.raises(PermissionDeniedError, match="tasks and reminders"):
            today_items.snooze(workbook, "idle_candidate:1", clock.now() + timedelta(days=1))
        with pytest.raises(NotFoundError, match="no interview plan yet"):
            plans.plan_for_role(workbook, role_id)
    assert team.sql("root", "SELECT count(*) FROM interview_plan WHERE role_id = %s", role_id) == [
        (0,)
    ]
    with team.open("hiring_manager") as workbook:  # their own role: made from the default
        assert plans.plan_for_role(workbook, role_id).rounds
