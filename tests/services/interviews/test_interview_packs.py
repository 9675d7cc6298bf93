"""Interview packs: who a pack covers, and what it gathers for each candidate."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from sqlmodel import col, select
from tests.pdf_helpers import page_texts, pdf_words

from hiring_desk.documents.interview_pack_views import NOTES_SOURCE
from hiring_desk.domain.competencies import Competency
from hiring_desk.domain.vocab import InterviewStatus, Stage
from hiring_desk.services.candidates import attachments, candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.interviews import interview_schedule, packs
from hiring_desk.services.interviews.interview_schedule import InterviewDraft
from hiring_desk.services.interviews.pack_gathering import CV_SUMMARY_CHARS, FALLBACK_ROUND, excerpt
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    InterviewPlan,
    InterviewRound,
    RoundQuestion,
    Scorecard,
)

SENIOR = "Senior Backend Developer"


def role_id(workbook: Workbook, title: str) -> int:
    return role_records.find_role(workbook, title).id


def candidate_id(workbook: Workbook, name: str) -> int:
    with workbook.transaction() as session:
        found = session.exec(select(Candidate.id).where(Candidate.name == name)).one()
    assert found is not None
    return found


def expected_default(workbook: Workbook, role: int) -> set[str]:
    """Worked out from the tables: Interview or Shortlisted, or open with a booked interview."""
    with workbook.transaction() as session:
        rows = session.exec(
            select(Application, Candidate.name)
            .join(Candidate, col(Candidate.id) == Application.candidate_id)
            .where(Application.role_id == role)
        ).all()
        booked = set(
            session.exec(
                select(Interview.application_id).where(
                    Interview.status == InterviewStatus.SCHEDULED.value
                )
            ).all()
        )
    return {
        name
        for app, name in rows
        if app.stage in ("interview", "shortlisted")
        or (app.id in booked and not Stage(app.stage).is_closed)
    }


# -- the default selection on the demo workbook --------------------------------------------


def test_role_pack_takes_interview_and_shortlisted_candidates(shared_demo: Workbook) -> None:
    senior = role_id(shared_demo, SENIOR)
    pack = packs.pack_for_role(shared_demo, senior)
    names = [c.name for c in pack.candidates]
    assert set(names) == expected_default(shared_demo, senior)
    assert {"김민준", "Αλέξανδρος Παπαδόπουλος", "Oluwaseun Adeyemi"} <= set(names)
    assert all(c.stage in ("interview", "shortlisted") for c in pack.candidates)
    # booked candidates come first, by their interview time; the others after them
    booked = [c for c in pack.candidates if c.interviews]
    assert pack.candidates[: len(booked)] == tuple(booked)
    starts = [c.interviews[0].local_start for c in booked]
    assert starts == sorted(starts)


def test_cover_data_is_the_role_brief_and_the_booked_schedule(shared_demo: Workbook) -> None:
    pack = packs.pack_for_role(shared_demo, role_id(shared_demo, SENIOR))
    assert pack.company_name == "Harbourlight Software Ltd"
    assert pack.company_logo and pack.company_logo.startswith(b"\x89PNG")
    assert pack.role.title == SENIOR
    assert pack.role.seniority == "Senior"
    assert "Python" in pack.role.must_have and "Kubernetes" in pack.role.nice_to_have
    assert pack.role.summary.startswith("Payments and invoicing")
    assert pack.schedule, "the demo books interviews for this role"
    assert all(iv.status == "scheduled" for iv in pack.schedule)
    assert [iv.local_start for iv in pack.schedule] == sorted(
        iv.local_start for iv in pack.schedule
    )
    for iv in pack.schedule:
        assert iv.local_start.tzinfo is not None and iv.timezone == "Europe/Dublin"
        assert iv.interviewers, "the demo names interviewers"


def test_booked_candidate_gets_that_round_with_plan_questions(shared_demo: Workbook) -> None:
    pack = packs.pack_for_role(shared_demo, role_id(shared_demo, SENIOR))
    person = next(c for c in pack.candidates if c.name == "김민준")
    assert len(person.interviews) == 1
    (pack_round,) = person.rounds
    assert pack_round.interview == person.interviews[0]
    assert pack_round.name == person.interviews[0].round_name == "System design"
    assert pack_round.questions and all(
        q.text and q.strong and q.weak for q in pack_round.questions
    )
    assert pack_round.competencies == ("system_design", "databases", "security", "apis")
    # the earlier rounds are there as scorecards, not as rounds to run again
    assert person.earlier and all(e.scorecards for e in person.earlier)
    assert "System design" not in {e.round_name for e in person.earlier}


def test_unbooked_candidate_gets_every_round_of_the_plan(shared_demo: Workbook) -> None:
    pack = packs.pack_for_role(shared_demo, role_id(shared_demo, SENIOR))
    person = next(c for c in pack.candidates if c.name == "Αλέξανδρος Παπαδόπουλος")
    assert person.interviews == ()
    assert [r.name for r in person.rounds] == [
        "Phone screen",
        "Technical deep dive",
        "System design",
        "Leadership and team fit",
    ]
    assert all(r.questions and r.interview is None for r in person.rounds)
    assert len(person.earlier) == 4  # all four rounds were held, with scorecards


def test_profile_has_contact_skills_and_cv_or_notes(shared_demo: Workbook) -> None:
    pack = packs.pack_for_role(shared_demo, role_id(shared_demo, SENIOR))
    seun = next(c for c in pack.candidates if c.name == "Oluwaseun Adeyemi")
    assert seun.email == "seun.adeyemi@example.org" and seun.phone
    assert "https://github.com/seunadeyemi" in seun.links
    assert seun.cv_source == "Oluwaseun_Adeyemi_CV.txt"
    assert seun.cv_summary.startswith("Oluwaseun Adeyemi\nSenior Software Engineer")
    assert len(seun.cv_summary) <= CV_SUMMARY_CHARS
    assert seun.skills.must_matched and seun.skills.score is not None
    minjun = next(c for c in pack.candidates if c.name == "김민준")
    assert minjun.cv_source == NOTES_SOURCE and minjun.summary_is_notes
    assert not seun.summary_is_notes
    assert minjun.cv_summary.startswith("Eight years")
    assert "Redis" in minjun.other_skills  # listed by the candidate, not asked by the role
    assert not set(minjun.other_skills) & set(pack.role.must_have + pack.role.nice_to_have)


def test_pack_choices_offer_open_applications_with_the_default_ticked(
    shared_demo: Workbook,
) -> None:
    senior = role_id(shared_demo, SENIOR)
    choices = packs.pack_choices(shared_demo, senior)
    assert {c.name for c in choices if c.preselected} == expected_default(shared_demo, senior)
    assert all(not Stage(c.stage).is_closed for c in choices)
    assert any(not c.preselected for c in choices), "applied/screening are offered unticked"
    booked = next(c for c in choices if c.name == "김민준")
    assert booked.next_interview is not None and booked.next_interview.round_name


# -- naming candidates ------------------------------------------------------------------------


def test_named_candidates_in_pack_order(shared_demo: Workbook) -> None:
    backend = role_id(shared_demo, "Backend Developer")
    wanted = [candidate_id(shared_demo, n) for n in ("王磊", "Ирина Соколова", "渡辺健二")]
    pack = packs.pack_for_role(shared_demo, backend, wanted + wanted[:1])
    assert sorted(c.candidate_id for c in pack.candidates) == sorted(wanted)
    wang = next(c for c in pack.candidates if c.name == "王磊")
    assert wang.stage == "applied" and wang.interviews == ()
    assert [r.name for r in wang.rounds] == ["Phone screen", "Technical interview", "Team fit"]


def test_a_candidate_who_did_not_apply_is_named_in_the_refusal(shared_demo: Workbook) -> None:
    senior = role_id(shared_demo, SENIOR)
    wang = candidate_id(shared_demo, "王磊")  # applied to Backend Developer only
    with pytest.raises(ValidationError) as refused:
        packs.pack_for_role(shared_demo, senior, [candidate_id(shared_demo, "김민준"), wang, 99999])
    message = refused.value.errors["candidates"]
    assert f"王磊 (id {wang}) did not apply to '{SENIOR}'" in message
    assert "no candidate has the id 99999" in message
    with pytest.raises(ValidationError, match="choose at least one"):
        packs.pack_for_role(shared_demo, senior, [])
    with pytest.raises(NotFoundError):
        packs.pack_for_role(shared_demo, 99999)


# -- one interview -----------------------------------------------------------------------------


def test_pack_for_one_interview(shared_demo: Workbook) -> None:
    with shared_demo.transaction() as session:
        interview = session.exec(
            select(Interview).where(Interview.status == InterviewStatus.SCHEDULED.value)
        ).first()
        cancelled = session.exec(
            select(Interview.id).where(Interview.status == InterviewStatus.CANCELLED.value)
        ).first()
    assert interview is not None and interview.id is not None and cancelled is not None
    pack = packs.pack_for_interview(shared_demo, interview.id)
    (person,) = pack.candidates
    assert [iv.id for iv in person.interviews] == [interview.id]
    assert [r.name for r in person.rounds] == [interview.round_name]
    assert [iv.id for iv in pack.schedule] == [interview.id]
    with pytest.raises(ServiceError, match="cancelled"):
        packs.pack_for_interview(shared_demo, cancelled)
    with pytest.raises(NotFoundError):
        packs.pack_for_interview(shared_demo, 99999)


# -- a role with no plan ------------------------------------------------------------------------


def _apply(workbook: Workbook, name: str, role: int, stage: str = "interview") -> tuple[int, int]:
    record = CandidateInput(name=name, email="", skills=("Python", "Redis"), notes="")
    person = candidate_records.create_candidate(workbook, record).id
    application = stage_moves.apply(workbook, person, role).id
    for step in ("screening", "interview", "shortlisted"):
        if stage == "applied":
            break
        stage_moves.move(workbook, application, step)
        if step == stage:
            break
    return person, application


def _plain_role(workbook: Workbook) -> int:
    brief = RoleBrief(
        title="Platform Engineer",
        skills=(SkillEntry("Python"), SkillEntry("PostgreSQL"), SkillEntry("Docker", "nice")),
    )
    return role_records.create_role(workbook, brief).id


def test_role_without_plan_or_interviews_gets_one_general_round(workbook: Workbook) -> None:
    role = _plain_role(workbook)
    _apply(workbook, "AT&T <b>Smith</b>", role)
    pack = packs.pack_for_role(workbook, role)
    (person,) = pack.candidates
    assert person.name == "AT&T <b>Smith</b>"
    (only,) = person.rounds
    assert only.name == FALLBACK_ROUND and only.questions == ()
    keys = set(only.competencies)
    assert {Competency.LANGUAGES.value, Competency.DATABASES.value} <= keys
    assert Competency.COMMUNICATION.value in keys
    assert person.cv_summary == "" and person.cv_source == ""
    with workbook.transaction() as session:
        assert session.exec(select(InterviewPlan)).all() == [], "reading never creates a plan"


def test_role_without_plan_takes_rounds_from_its_interviews(workbook: Workbook) -> None:
    role = _plain_role(workbook)
    member = team_members.add_member(workbook, "Ana Silva").id
    _, first = _apply(workbook, "Ирина Соколова", role)
    second_person, _ = _apply(workbook, "渡辺健二", role, stage="shortlisted")
    attachments.add_attachment(
        workbook,
        second_person,
        "cv.txt",
        ("渡辺健二\n\n\n\nBackend   engineer\x07 " * 200).encode(),
    )
    base = InterviewDraft(
        day=date(2031, 5, 6),
        start=time(10, 0),
        timezone="Asia/Tokyo",
        duration_minutes=45,
        round_name="Coding exercise",
        interviewer_ids=(member,),
    )
    interview_schedule.schedule(workbook, first, base)
    pack = packs.pack_for_role(workbook, role)
    irina = next(c for c in pack.candidates if c.name == "Ирина Соколова")
    (booked,) = irina.rounds
    assert booked.name == "Coding exercise" and booked.questions == ()
    assert booked.interview is not None and booked.interview.interviewers == ("Ana Silva",)
    assert booked.interview.local_start.hour == 10  # local to Tokyo, not UTC
    kenji = next(c for c in pack.candidates if c.name == "渡辺健二")
    assert [r.name for r in kenji.rounds] == ["Coding exercise"]
    assert kenji.rounds[0].interview is None
    assert kenji.cv_source == "cv.txt"
    assert "\x07" not in kenji.cv_summary and "   " not in kenji.cv_summary
    assert kenji.cv_summary.endswith("…") and len(kenji.cv_summary) <= CV_SUMMARY_CHARS


def test_round_with_no_competencies_rates_the_default(workbook: Workbook) -> None:
    role = _plain_role(workbook)
    _apply(workbook, "Zoë Lambert", role)
    with workbook.transaction() as session:
        plan = InterviewPlan(role_id=role)
        session.add(plan)
        session.flush()
        empty = InterviewRound(plan_id=plan.id or 0, name="Chat", competencies="")
        session.add(empty)
        session.flush()
        session.add(RoundQuestion(round_id=empty.id or 0, text="Tell us about you."))
    (person,) = packs.pack_for_role(workbook, role).candidates
    (chat,) = person.rounds
    assert chat.questions[0].text == "Tell us about you." and chat.questions[0].competency == ""
    assert Competency.LANGUAGES.value in chat.competencies


def test_closed_application_with_a_booked_interview_is_left_out(workbook: Workbook) -> None:
    role = _plain_role(workbook)
    _, application = _apply(workbook, "Hannah Schmidt", role, stage="screening")
    member = team_members.add_member(workbook, "Bo Jensen").id
    booking = InterviewDraft(
        day=date(2031, 5, 6),
        start=time(9, 0),
        timezone="UTC",
        round_name="Call",
        interviewer_ids=(member,),
    )
    interview_schedule.schedule(workbook, application, booking)
    (choice,) = packs.pack_choices(workbook, role)
    assert choice.preselected, "open and booked: in by default although at Screening"
    with workbook.transaction() as session:
        row = session.get(Application, application)
        assert row is not None
        row.stage = "rejected"  # as if closed while the booking was left standing
        session.add(row)
    with pytest.raises(ServiceError, match="Nobody to print"):
        packs.pack_for_role(workbook, role)


# -- the CV excerpt -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 100, "short"),
        ("a  b\t c\r\nd", 100, "a b c\nd"),
        ("one\n\n\n\n\ntwo", 100, "one\n\ntwo"),
        ("bell\x07 ring", 100, "bell ring"),
        ("alpha beta gamma delta", 13, "alpha beta…"),
        ("x" * 30, 10, "x" * 9 + "…"),
    ],
)
def test_excerpt(text: str, limit: int, expected: str) -> None:
    assert excerpt(text, limit) == expected
    assert len(excerpt(text, limit)) <= limit


def test_gathering_reads_scorecards_of_the_demo(shared_demo: Workbook) -> None:
    """Every scorecard of the pack's candidates shows up once under "earlier"."""
    senior = role_id(shared_demo, SENIOR)
    pack = packs.pack_for_role(shared_demo, senior)
    app_ids = [c.application_id for c in pack.candidates]
    with shared_demo.transaction() as session:
        stored = session.exec(
            select(Scorecard.id)
            .join(Interview, col(Interview.id) == Scorecard.interview_id)
            .where(col(Interview.application_id).in_(app_ids))
        ).all()
    shown = [card.id for c in pack.candidates for e in c.earlier for card in e.scorecards]
    assert sorted(shown) == sorted(i for i in stored if i is not None)


def test_printed_on_is_today(shared_demo: Workbook, today: date) -> None:
    assert packs.pack_for_role(shared_demo, role_id(shared_demo, SENIOR)).printed_on == today


# -- writing ------------------------------------------------------------------------------------


def test_write_pack_reports_problems_as_service_errors(
    shared_demo: Workbook, tmp_path: Path
) -> None:
    pack = packs.pack_for_role(shared_demo, role_id(shared_demo, SENIOR))
    with pytest.raises(ServiceError, match=r"Could not write pack\.pdf"):
        list(packs.write_pack(pack, tmp_path / "missing" / "pack.pdf"))
    broken = replace(pack, company_logo=b"GIF89a but not really")
    with pytest.raises(ServiceError, match=r"Could not make pack\.pdf: The logo"):
        list(packs.write_pack(broken, tmp_path / "pack.pdf"))
    steps = packs.write_pack(pack, tmp_path / "pack.pdf")
    assert next(steps).done == 1
    steps.close()
    assert list(tmp_path.iterdir()) == []
    done = list(packs.write_pack(pack, tmp_path / "pack.pdf"))
    assert done[-1].done == done[-1].total == len(pack.candidates)
    pages = page_texts(tmp_path / "pack.pdf")
    assert pages[0].startswith(pack.company_name) and SENIOR in pages[0]
    assert all(person.name in pdf_words(tmp_path / "pack.pdf") for person in pack.candidates)
