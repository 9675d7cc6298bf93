"""Interview plans: the default plans, creating a role's plan, editing rounds and questions."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from hiring_desk import bundled
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.errors import NotFoundError, ValidationError
from hiring_desk.services.interviews import plan_questions
from hiring_desk.services.interviews import plans as plans
from hiring_desk.services.interviews.plan_defaults import (
    PlanFileError,
    _parse_plan_file,
    default_plan,
    default_plan_for,
    default_plans,
)
from hiring_desk.services.interviews.question_bank import (
    QuestionDraft,
    add_custom_question,
    builtin_question,
)
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.services.roles.jd_templates import builtin_templates
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    AuditEvent,
    Candidate,
    Interview,
    InterviewPlan,
    InterviewRound,
    RoundQuestion,
)


def _role(
    workbook: Workbook,
    seniority: str = "mid",
    template: str | None = None,
    skills: tuple[str, ...] = (),
) -> int:
    brief = RoleBrief(
        title=f"{seniority} role",
        seniority=seniority,
        template_key=template,
        skills=tuple(SkillEntry(s) for s in skills),
    )
    return role_records.create_role(workbook, brief).id


def _names(view: plans.PlanView) -> list[str]:
    return [r.name for r in view.rounds]


# -- the default plans --------------------------------------------------------------------------


def test_every_built_in_template_has_a_plan_file() -> None:
    template_keys = {t.key for t in builtin_templates()}
    files = {
        e.name.removesuffix(".toml")
        for e in bundled.resource("interview_plans").iterdir()
        if e.name.endswith(".toml")
    }
    assert files == template_keys
    assert set(default_plans()) == template_keys


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.key)
def test_each_plan_fits_its_template(template: object) -> None:
    key, seniority = template.key, template.seniority  # type: ignore[attr-defined]
    plan = default_plan(key)
    names = [r.name for r in plan.rounds]
    assert names[0] == "Phone screen" and names[-1] == "Team fit"
    assert any(n.startswith("Technical") for n in names)
    assert ("System design" in names) == (seniority in ("senior", "lead"))
    assert ("Leadership" in names) == (seniority == "lead")
    asked = [k for r in plan.rounds for k in r.question_keys]
    assert len(asked) == len(set(asked)), "a question is asked twice in one plan"
    for spec in plan.rounds:
        assert spec.question_keys, f"{key}: '{spec.name}' has no questions"
        for question_key in spec.question_keys:
            question = builtin_question(question_key)  # every key exists in the bank
            assert question.competency in spec.competencies
            assert seniority in question.seniorities, (key, question_key)


@pytest.mark.parametrize(
    ("template", "emphasis"),
    [
        ("database-specialist", {"databases", "security"}),
        ("api-integration-developer", {"apis"}),
        ("hris-systems-developer", {"apis", "security"}),
        ("full-stack-backend-developer", {"apis"}),
    ],
)
def test_specialisations_emphasise_their_competencies(template: str, emphasis: set[str]) -> None:
    technical = next(r for r in default_plan(template).rounds if r.name.startswith("Technical"))
    assert emphasis <= set(technical.competencies)
    counts = dict.fromkeys(technical.competencies, 0)
    for question_key in technical.question_keys:
        counts[builtin_question(question_key).competency] += 1
    top = max(counts.values())
    assert any(counts[c] == top for c in emphasis)


def test_roles_without_a_built_in_template_get_the_plan_for_their_seniority() -> None:
    assert default_plan_for(None, "junior").template_key == "junior-backend-developer"
    assert default_plan_for("user:4", "lead").template_key == "lead-backend-developer"
    assert default_plan_for("gone", "senior").template_key == "senior-backend-developer"
    assert default_plan_for(None, "unknown").template_key == "backend-developer"
    assert default_plan_for("database-specialist", "mid").template_key == "database-specialist"
    with pytest.raises(NotFoundError):
        default_plan("gone")


GOOD_PLAN = """
format = "hiring-desk/interview-plan"
version = 1
template = "x"

[[round]]
name = "Phone screen"
duration_minutes = 30
competencies = ["motivation"]
questions = ["motivation-why-this-role"]
"""


@pytest.mark.parametrize(
    "change",
    [
        ('template = "x"', 'template = "y"'),
        ("duration_minutes = 30", "duration_minutes = 4"),
        ('["motivation"]', '["cooking"]'),
        ('["motivation-why-this-role"]', '["no-such-question"]'),
        ('["motivation-why-this-role"]', '["apis-idempotency"]'),  # outside the competencies
        (
            '["motivation-why-this-role"]',
            '["motivation-why-this-role", "motivation-why-this-role"]',
        ),
        ('name = "Phone screen"', ""),
        ("version = 1", "version = 3"),
    ],
)
def test_a_broken_plan_file_is_refused(change: tuple[str, str]) -> None:
    assert _parse_plan_file(GOOD_PLAN.encode(), "x.toml").rounds[0].name == "Phone screen"
    with pytest.raises(PlanFileError, match=r"x\.toml"):
        _parse_plan_file(GOOD_PLAN.replace(*change).encode(), "x.toml")


# -- creating a role's plan ---------------------------------------------------------------------


def test_a_role_gets_its_templates_plan_with_the_questions_copied(workbook: Workbook) -> None:
    role_id = _role(workbook, "senior", "database-specialist")
    view = plans.plan_for_role(workbook, role_id)
    expected = default_plan("database-specialist")
    assert _names(view) == [r.name for r in expected.rounds]
    assert [r.duration_minutes for r in view.rounds] == [
        r.duration_minutes for r in expected.rounds
    ]
    assert view.total_minutes == sum(r.duration_minutes for r in expected.rounds)
    technical = view.rounds[1]
    assert technical.competencies == expected.rounds[1].competencies
    first = technical.questions[0]
    bank = builtin_question(expected.rounds[1].question_keys[0])
    assert (first.text, first.strong, first.weak, first.competency, first.bank_key) == (
        bank.text,
        bank.strong,
        bank.weak,
        bank.competency,
        bank.bank_key,
    )
    assert first.source_ref == bank.ref
    assert [q.position for q in technical.questions] == list(range(len(technical.questions)))
    # Asking again returns the same plan rather than a second one.
    assert plans.plan_for_role(workbook, role_id) == view
    with workbook.transaction() as session:
        assert len(session.exec(select(InterviewPlan)).all()) == 1
        audit = session.exec(select(AuditEvent).where(AuditEvent.entity == "interview_plan")).all()
    assert [e.action for e in audit] == ["add"]


@pytest.mark.parametrize("seniority", [s.value for s in Seniority])
def test_a_role_without_template_gets_a_plan_by_seniority(
    workbook: Workbook, seniority: str
) -> None:
    view = plans.plan_for_role(workbook, _role(workbook, seniority))
    assert _names(view) == [r.name for r in default_plan_for(None, seniority).rounds]
    assert view.role_seniority == seniority
    for round_view in view.rounds:
        for question in round_view.questions:
            assert seniority in builtin_question(question.bank_key or "").seniorities


def test_views_are_frozen_and_unknown_roles_are_refused(workbook: Workbook) -> None:
    view = plans.plan_for_role(workbook, _role(workbook))
    with pytest.raises(FrozenInstanceError):
        view.rounds[0].name = "x"  # type: ignore[misc]
    with pytest.raises(NotFoundError):
        plans.plan_for_role(workbook, 999)
    with pytest.raises(NotFoundError):
        view.round(999)


def test_the_demo_plans_are_read_as_they_are_and_can_be_edited(demo: Workbook) -> None:
    senior = next(r for r in role_records.list_roles(demo) if r.title == "Senior Backend Developer")
    view = plans.plan_for_role(demo, senior.id)
    assert _names(view) == [
        "Phone screen",
        "Technical deep dive",
        "System design",
        "Leadership and team fit",
    ]
    deep_dive = view.rounds[1]
    assert deep_dive.questions and all(q.bank_key is None for q in deep_dive.questions)
    assert deep_dive.source_refs == frozenset()
    suggestions = plan_questions.suggest_questions(demo, senior.id, deep_dive.id)
    assert suggestions
    assert all(q.suits("senior") for q in suggestions)
    texts = {q.text for q in deep_dive.questions}
    assert not texts & {q.text for q in suggestions}
    # The demo's own bank question suits mid and senior roles and is a communication one.
    own = plan_questions.suggest_questions(demo, senior.id, view.rounds[0].id)
    assert own[0].custom_id is not None and own[0].competency == "communication"
    after = plan_questions.add_bank_questions(demo, deep_dive.id, [suggestions[0].ref])
    added = after.round(deep_dive.id).questions[-1]
    assert (added.text, added.source_ref) == (suggestions[0].text, suggestions[0].ref)


# -- rounds -------------------------------------------------------------------------------------


def test_add_rename_and_remove_rounds(workbook: Workbook) -> None:
    role_id = _role(workbook, "junior")
    before = plans.plan_for_role(workbook, role_id)
    view = plans.add_round(workbook, role_id)
    view = plans.add_round(workbook, role_id)
    assert _names(view)[-2:] == ["New round", "New round 2"]
    new = view.rounds[-1]
    assert (new.duration_minutes, new.competencies, new.questions) == (45, (), ())
    view = plans.add_round(workbook, role_id, "Take-home review", 60, ["testing", "languages"])
    assert view.rounds[-1].competencies == ("testing", "languages")
    view = plans.rename_round(workbook, new.id, "  Pairing session  ")
    assert view.round(new.id).name == "Pairing session"
    # The same name in different case is the same name.
    with pytest.raises(ValidationError) as caught:
        plans.rename_round(workbook, new.id, "phone SCREEN")
    assert "already called" in caught.value.errors["name"]
    with pytest.raises(ValidationError) as caught:
        plans.rename_round(workbook, new.id, "   ")
    assert caught.value.errors == {"name": "is empty"}
    with pytest.raises(ValidationError) as caught:
        plans.add_round(workbook, role_id, "x" * (plans.ROUND_NAME_LIMIT + 1))
    assert "at most" in caught.value.errors["name"]
    plans.rename_round(workbook, new.id, "pairing session")  # its own name, recased: fine
    view = plans.remove_round(workbook, view.rounds[0].id)
    assert _names(view) == [
        *(n for n in _names(before)[1:]),
        "New round",
        "pairing session",
        "Take-home review",
    ]
    assert [r.position for r in view.rounds] == list(range(len(view.rounds)))
    with pytest.raises(NotFoundError):
        plans.rename_round(workbook, before.rounds[0].id, "Back")
    assert view.updated_at >= before.updated_at


def test_durations_are_checked(workbook: Workbook) -> None:
    role_id = _role(workbook)
    round_id = plans.plan_for_role(workbook, role_id).rounds[0].id
    for minutes in (5, 480):
        assert (
            plans.set_round_duration(workbook, round_id, minutes).round(round_id).duration_minutes
            == minutes
        )
    for bad in (4, 481, 0, -30):
        with pytest.raises(ValidationError) as caught:
            plans.set_round_duration(workbook, round_id, bad)
        assert caught.value.errors == {"duration_minutes": "must be from 5 to 480 minutes"}
    with pytest.raises(ValidationError):
        plans.add_round(workbook, role_id, "Too long", 600)
    assert plans.plan_for_role(workbook, role_id).round(round_id).duration_minutes == 480


def test_competencies_are_checked_and_kept_in_order(workbook: Workbook) -> None:
    role_id = _role(workbook)
    round_id = plans.plan_for_role(workbook, role_id).rounds[0].id
    view = plans.set_round_competencies(workbook, round_id, ["security", " databases", "security"])
    assert view.round(round_id).competencies == ("security", "databases")
    assert view.round(round_id).competency_labels == (
        "Security and data protection, Databases and data modelling"
    )
    with pytest.raises(ValidationError) as caught:
        plans.set_round_competencies(workbook, round_id, ["databases", "cooking"])
    assert "cooking" in caught.value.errors["competencies"]
    assert plans.set_round_competencies(workbook, round_id, []).round(round_id).competencies == ()


def test_move_rounds_up_and_down(workbook: Workbook) -> None:
    role_id = _role(workbook, "lead")
    view = plans.plan_for_role(workbook, role_id)
    names = _names(view)
    last = view.rounds[-1].id
    view = plans.move_round(workbook, last, -1)
    assert _names(view) == [*names[:-2], names[-1], names[-2]]
    view = plans.move_round(workbook, view.rounds[0].id, -1)  # already first: stays
    assert _names(view)[0] == names[0]
    view = plans.move_round(workbook, view.rounds[0].id, 10)  # clamped to the end
    assert _names(view)[-1] == names[0]
    assert [r.position for r in view.rounds] == list(range(len(names)))


def test_removing_a_round_keeps_interviews_booked_for_it(workbook: Workbook) -> None:
    role_id = _role(workbook)
    round_view = plans.plan_for_role(workbook, role_id).rounds[1]
    with workbook.transaction() as session:
        candidate = Candidate(name="Aoife Brennan")
        session.add(candidate)
        session.flush()
        application = Application(candidate_id=candidate.id or 0, role_id=role_id)
        session.add(application)
        session.flush()
        interview = Interview(
            application_id=application.id or 0,
            round_id=round_view.id,
            round_name=round_view.name,
            starts_at=datetime(2030, 1, 7, 10, tzinfo=UTC),
        )
        session.add(interview)
        session.flush()
        interview_id = interview.id
    plans.remove_round(workbook, round_view.id)
    with workbook.transaction() as session:
        kept = session.get(Interview, interview_id)
        assert kept is not None and kept.round_id is None and kept.round_name == round_view.name
        assert session.get(InterviewRound, round_view.id) is None
        assert not session.exec(
            select(RoundQuestion).where(RoundQuestion.round_id == round_view.id)
        ).all()


# -- questions ----------------------------------------------------------------------------------


def test_add_questions_from_the_bank_and_own_list(workbook: Workbook) -> None:
    role_id = _role(workbook)
    round_id = plans.add_round(workbook, role_id, "Extra", 30, ["apis"]).rounds[-1].id
    own = add_custom_question(
        workbook, QuestionDraft("apis", "What is a webhook?", "", "", ("mid",))
    )
    view = plan_questions.add_bank_questions(
        workbook, round_id, ["bank:apis-idempotency", own.ref, "bank:apis-idempotency"]
    )
    questions = view.round(round_id).questions
    assert [q.source_ref for q in questions] == ["bank:apis-idempotency", own.ref]
    assert questions[1].bank_key == own.ref and questions[1].text == "What is a webhook?"
    # Adding one the round has already is skipped; an unknown reference adds nothing.
    again = plan_questions.add_bank_questions(workbook, round_id, [own.ref])
    assert len(again.round(round_id).questions) == 2
    with pytest.raises(NotFoundError):
        plan_questions.add_bank_questions(
            workbook, round_id, ["bank:apis-status-codes", "bank:no-such-question"]
        )
    assert len(plans.plan_for_role(workbook, role_id).round(round_id).questions) == 2
    # The round's copy is independent of the bank.
    plan_questions.edit_question(
        workbook, questions[1].id, QuestionDraft("apis", "What is a webhook, and when?", "", "")
    )
    assert own.text == "What is a webhook?"


def test_type_edit_move_and_remove_own_round_questions(workbook: Workbook) -> None:
    role_id = _role(workbook)
    round_id = plans.add_round(workbook, role_id, "Extra").rounds[-1].id
    for text in ("First?", "Second?", "Third?"):
        view = plan_questions.add_own_question(
            workbook, round_id, QuestionDraft("teamwork", f"  {text} ", "Good.", "Bad.")
        )
    questions = view.round(round_id).questions
    assert [q.text for q in questions] == ["First?", "Second?", "Third?"]
    assert all(q.bank_key is None and q.source_ref is None for q in questions)
    view = plan_questions.move_question(workbook, questions[2].id, -1)
    assert [q.text for q in view.round(round_id).questions] == ["First?", "Third?", "Second?"]
    view = plan_questions.move_question(workbook, questions[0].id, -1)
    assert view.round(round_id).questions[0].text == "First?"
    view = plan_questions.edit_question(
        workbook, questions[1].id, QuestionDraft("communication", "Second, reworded?", "S", "W")
    )
    edited = view.round(round_id).questions[2]
    assert (edited.text, edited.competency, edited.strong, edited.weak) == (
        "Second, reworded?",
        "communication",
        "S",
        "W",
    )
    view = plan_questions.remove_question(workbook, questions[0].id)
    remaining = view.round(round_id).questions
    assert [q.text for q in remaining] == ["Third?", "Second, reworded?"]
    assert [q.position for q in remaining] == [0, 1]
    with pytest.raises(NotFoundError):
        plan_questions.remove_question(workbook, questions[0].id)


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (QuestionDraft("teamwork", "  "), "text"),
        (QuestionDraft("cooking", "Why?"), "competency"),
        (QuestionDraft("teamwork", "x" * 1001), "text"),
    ],
)
def test_bad_round_questions_are_refused(
    workbook: Workbook, draft: QuestionDraft, field: str
) -> None:
    role_id = _role(workbook)
    round_view = plans.plan_for_role(workbook, role_id).rounds[0]
    with pytest.raises(ValidationError) as caught:
        plan_questions.add_own_question(workbook, round_view.id, draft)
    assert field in caught.value.errors
    with pytest.raises(ValidationError):
        plan_questions.edit_question(workbook, round_view.questions[0].id, draft)
    assert plans.plan_for_role(workbook, role_id).rounds[0] == round_view


# -- suggestions --------------------------------------------------------------------------------


def test_suggestions_follow_the_round_the_skills_and_the_seniority(workbook: Workbook) -> None:
    role_id = _role(workbook, "junior", skills=("Docker", "PostgreSQL", "Cooking"))
    round_id = plans.add_round(workbook, role_id, "Extra", 60, ["apis", "databases"]).rounds[-1].id
    suggestions = plan_questions.suggest_questions(workbook, role_id, round_id)
    competencies = [q.competency for q in suggestions]
    # Databases is in the round and among the skills, then APIs (round), then DevOps (skills).
    first_apis = competencies.index("apis")
    first_devops = competencies.index("devops")
    assert set(competencies[:first_apis]) == {"databases"}
    assert set(competencies[first_apis:first_devops]) == {"apis"}
    assert set(competencies[first_devops:]) == {"devops"}
    assert all("junior" in q.seniorities for q in suggestions)
    # Questions already in the round are not suggested again.
    view = plan_questions.add_bank_questions(workbook, round_id, [suggestions[0].ref])
    again = plan_questions.suggest_questions(workbook, role_id, round_id)
    assert suggestions[0] not in again and len(again) == len(suggestions) - 1
    assert view.round(round_id).source_refs == {suggestions[0].ref}


def test_own_questions_come_first_within_their_competency(workbook: Workbook) -> None:
    role_id = _role(workbook, "senior")
    round_id = plans.add_round(workbook, role_id, "Design", 60, ["system_design"]).rounds[-1].id
    mine = add_custom_question(
        workbook, QuestionDraft("system_design", "Design our rota planner.", "", "", ("senior",))
    )
    not_for_seniors = add_custom_question(
        workbook, QuestionDraft("system_design", "Design a to-do app.", "", "", ("junior",))
    )
    suggestions = plan_questions.suggest_questions(workbook, role_id, round_id)
    assert suggestions[0] == mine
    assert not_for_seniors not in suggestions
    assert all(q.competency == "system_design" for q in suggestions)


def test_a_junior_role_is_never_offered_system_design(workbook: Workbook) -> None:
    role_id = _role(workbook, "junior")
    round_id = plans.add_round(workbook, role_id, "Design", 60, ["system_design"]).rounds[-1].id
    assert plan_questions.suggest_questions(workbook, role_id, round_id) == []


def test_suggestions_need_a_round_of_that_role(workbook: Workbook) -> None:
    role_id, other = _role(workbook), _role(workbook, "senior")
    round_id = plans.plan_for_role(workbook, other).rounds[0].id
    with pytest.raises(NotFoundError):
        plan_questions.suggest_questions(workbook, role_id, round_id)
    with pytest.raises(NotFoundError):
        plan_questions.suggest_questions(workbook, role_id, 999)


def test_adding_a_round_to_a_role_without_a_plan_starts_from_the_default(
    workbook: Workbook,
) -> None:
    role_id = _role(workbook, "junior")
    view = plans.add_round(workbook, role_id, "Take-home review", 30, ["testing"])
    expected = [r.name for r in default_plan_for(None, "junior").rounds]
    assert _names(view) == [*expected, "Take-home review"]
    with pytest.raises(ValidationError):
        plans.add_round(workbook, _role(workbook, "lead"), "Phone screen")
    with workbook.transaction() as session:
        assert len(session.exec(select(InterviewPlan)).all()) == 1  # nothing half-saved
