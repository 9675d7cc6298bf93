"""Interview plans: the default plans and their files, and creating and reading a role's plan."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest
from sqlmodel import select
from tests.services.interviews.plan_setup import plan_role, round_names

from hiring_desk import bundled
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.common.errors import NotFoundError
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
    builtin_question,
)
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.jd_templates import builtin_templates
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    AuditEvent,
    InterviewPlan,
)

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
    role_id = plan_role(workbook, "senior", "database-specialist")
    view = plans.plan_for_role(workbook, role_id)
    expected = default_plan("database-specialist")
    assert round_names(view) == [r.name for r in expected.rounds]
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
    view = plans.plan_for_role(workbook, plan_role(workbook, seniority))
    assert round_names(view) == [r.name for r in default_plan_for(None, seniority).rounds]
    assert view.role_seniority == seniority
    for round_view in view.rounds:
        for question in round_view.questions:
            assert seniority in builtin_question(question.bank_key or "").seniorities


def test_views_are_frozen_and_unknown_roles_are_refused(workbook: Workbook) -> None:
    view = plans.plan_for_role(workbook, plan_role(workbook))
    with pytest.raises(FrozenInstanceError):
        view.rounds[0].name = "x"  # type: ignore[misc]
    with pytest.raises(NotFoundError):
        plans.plan_for_role(workbook, 999)
    with pytest.raises(NotFoundError):
        view.round(999)


def test_the_demo_plans_are_read_as_they_are_and_can_be_edited(demo: Workbook) -> None:
    senior = next(r for r in role_records.list_roles(demo) if r.title == "Senior Backend Developer")
    view = plans.plan_for_role(demo, senior.id)
    assert round_names(view) == [
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
