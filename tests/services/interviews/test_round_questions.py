"""Interview plans: a round's questions (from the bank and the role's own) and the suggestions."""

from __future__ import annotations

import pytest
from tests.services.interviews.plan_setup import plan_role

from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.interviews import plan_questions
from hiring_desk.services.interviews import plans as plans
from hiring_desk.services.interviews.question_bank import (
    QuestionDraft,
    add_custom_question,
)
from hiring_desk.store import Workbook

# -- questions ----------------------------------------------------------------------------------


def test_add_questions_from_the_bank_and_own_list(workbook: Workbook) -> None:
    role_id = plan_role(workbook)
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
    role_id = plan_role(workbook)
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
    role_id = plan_role(workbook)
    round_view = plans.plan_for_role(workbook, role_id).rounds[0]
    with pytest.raises(ValidationError) as caught:
        plan_questions.add_own_question(workbook, round_view.id, draft)
    assert field in caught.value.errors
    with pytest.raises(ValidationError):
        plan_questions.edit_question(workbook, round_view.questions[0].id, draft)
    assert plans.plan_for_role(workbook, role_id).rounds[0] == round_view


# -- suggestions --------------------------------------------------------------------------------


def test_suggestions_follow_the_round_the_skills_and_the_seniority(workbook: Workbook) -> None:
    role_id = plan_role(workbook, "junior", skills=("Docker", "PostgreSQL", "Cooking"))
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
    role_id = plan_role(workbook, "senior")
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
    role_id = plan_role(workbook, "junior")
    round_id = plans.add_round(workbook, role_id, "Design", 60, ["system_design"]).rounds[-1].id
    assert plan_questions.suggest_questions(workbook, role_id, round_id) == []


def test_suggestions_need_a_round_of_that_role(workbook: Workbook) -> None:
    role_id, other = plan_role(workbook), plan_role(workbook, "senior")
    round_id = plans.plan_for_role(workbook, other).rounds[0].id
    with pytest.raises(NotFoundError):
        plan_questions.suggest_questions(workbook, role_id, round_id)
    with pytest.raises(NotFoundError):
        plan_questions.suggest_questions(workbook, role_id, 999)
