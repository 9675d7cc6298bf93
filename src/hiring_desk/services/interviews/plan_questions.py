"""The questions of an interview round: suggested from the bank, added, edited, reordered.

Part of the interview plans (``interview_plans`` holds the plan and its rounds).
Every change is one call and one transaction and returns the whole plan.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from hiring_desk.domain.competencies import Competency, competencies_for_skill_groups
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.common.permissions import Permission
from hiring_desk.services.common.role_scope import require_on
from hiring_desk.services.interviews.plan_views import PlanView, split_competencies
from hiring_desk.services.interviews.plans import changed, load_round, moved, renumber
from hiring_desk.services.interviews.question_bank import (
    CUSTOM_PREFIX,
    Question,
    QuestionDraft,
    bank_ref,
    builtin_questions,
    check_draft,
    custom_questions_in,
    fold,
    load_question,
)
from hiring_desk.services.roles import skills_catalog
from hiring_desk.store import Workbook
from hiring_desk.store.models import InterviewPlan, InterviewRound, Role, RoleSkill, RoundQuestion


def add_bank_questions(workbook: Workbook, round_id: int, refs: Sequence[str]) -> PlanView:
    """Copy bank questions (``bank:<key>`` / ``custom:<id>``) to the end of a round.

    A question the round already has is skipped. All are added or, if one
    reference no longer exists (NotFoundError), none.
    """
    require_on(workbook, Permission.PIPELINE, "round", round_id)
    with workbook.transaction() as session:
        row, plan = load_round(session, round_id)
        existing = _questions(session, round_id)
        present = {_source_ref(q) for q in existing} | {fold(q.text) for q in existing}
        position = len(existing)
        for ref in refs:
            question = load_question(session, ref)
            if question.ref in present or fold(question.text) in present:
                continue
            present |= {question.ref, fold(question.text)}
            session.add(
                RoundQuestion(
                    round_id=round_id,
                    position=position,
                    competency=question.competency,
                    text=question.text,
                    strong_answer=question.strong,
                    weak_answer=question.weak,
                    bank_key=question.bank_key or question.ref,
                )
            )
            position += 1
        return changed(session, plan, "add_questions", row.id)


def add_own_question(workbook: Workbook, round_id: int, draft: QuestionDraft) -> PlanView:
    """Add a question typed on the spot to the end of a round (not to the bank)."""
    require_on(workbook, Permission.PIPELINE, "round", round_id)
    checked = check_draft(draft, with_seniorities=False)
    with workbook.transaction() as session:
        _row, plan = load_round(session, round_id)
        question = RoundQuestion(
            round_id=round_id,
            position=len(_questions(session, round_id)),
            competency=checked.competency,
            text=checked.text,
            strong_answer=checked.strong,
            weak_answer=checked.weak,
        )
        session.add(question)
        session.flush()
        return changed(session, plan, "add_question", question.id)


def edit_question(workbook: Workbook, question_id: int, draft: QuestionDraft) -> PlanView:
    """Change a round question's wording; the bank's copy is left as it is."""
    require_on(workbook, Permission.PIPELINE, "question", question_id)
    checked = check_draft(draft, with_seniorities=False)
    with workbook.transaction() as session:
        question, plan = _load_question(session, question_id)
        question.competency = checked.competency
        question.text = checked.text
        question.strong_answer = checked.strong
        question.weak_answer = checked.weak
        session.add(question)
        return changed(session, plan, "edit_question", question_id)


def remove_question(workbook: Workbook, question_id: int) -> PlanView:
    require_on(workbook, Permission.PIPELINE, "question", question_id)
    with workbook.transaction() as session:
        question, plan = _load_question(session, question_id)
        round_id = question.round_id
        session.delete(question)
        session.flush()
        renumber(session, _questions(session, round_id))
        return changed(session, plan, "remove_question", question_id)


def move_question(workbook: Workbook, question_id: int, offset: int) -> PlanView:
    """Move a question ``offset`` places within its round (-1 earlier, 1 later)."""
    require_on(workbook, Permission.PIPELINE, "question", question_id)
    with workbook.transaction() as session:
        question, plan = _load_question(session, question_id)
        rows = _questions(session, question.round_id)
        renumber(session, moved(rows, question_id, offset))
        return changed(session, plan, "move_question", question_id)


def suggest_questions(workbook: Workbook, role_id: int, round_id: int) -> list[Question]:
    """Bank questions (built-in and own) worth adding to a round, best matches first.

    A question qualifies if its competency is one of the round's or one the role's
    skills point at, it suits the role's seniority, and the round does not have it
    yet. Questions for the round's competencies come first (those the skills also
    point at before the rest), in the order the round lists its competencies; the
    user's own questions come before built-in ones of the same competency.
    """
    with workbook.transaction() as session:
        role, row = _role_and_round(session, role_id, round_id)
        round_keys = list(split_competencies(row.competencies))
        skill_keys = [c.value for c in _skill_competencies(session, role_id)]
        existing = _questions(session, round_id)
        present = {_source_ref(q) for q in existing} | {fold(q.text) for q in existing}
        own = custom_questions_in(session)
    enum_order = [c.value for c in Competency]

    def rank(item: tuple[int, Question]) -> tuple[int, int, bool, int]:
        index, question = item
        in_round = question.competency in round_keys
        in_skills = question.competency in skill_keys
        tier = 0 if in_round and in_skills else 1 if in_round else 2
        if in_round:
            order = round_keys.index(question.competency)
        else:
            order = len(round_keys) + enum_order.index(question.competency)
        return (tier, order, question.built_in, index)

    wanted = set(round_keys) | set(skill_keys)
    candidates = [
        (index, q)
        for index, q in enumerate([*own, *builtin_questions()])
        if q.competency in wanted
        and q.suits(role.seniority)
        and q.ref not in present
        and fold(q.text) not in present
    ]
    return [q for _index, q in sorted(candidates, key=rank)]


def suggested_competencies(workbook: Workbook, role_id: int, round_id: int) -> list[str]:
    """The competencies :func:`suggest_questions` draws on: the round's, then the skills'."""
    with workbook.transaction() as session:
        _role, row = _role_and_round(session, role_id, round_id)
        keys = list(split_competencies(row.competencies))
        skills = [c.value for c in _skill_competencies(session, role_id)]
    return keys + [k for k in skills if k not in keys]


def _role_and_round(session: Session, role_id: int, round_id: int) -> tuple[Role, InterviewRound]:
    role = session.get(Role, role_id)
    row, plan = load_round(session, round_id)
    if role is None or plan.role_id != role_id:
        raise NotFoundError("That round is not part of this role's plan.")
    return role, row


def _skill_competencies(session: Session, role_id: int) -> list[Competency]:
    skills = session.exec(select(RoleSkill.skill).where(RoleSkill.role_id == role_id)).all()
    groups = {group for skill in skills if (group := skills_catalog.group_of(skill))}
    return competencies_for_skill_groups(groups)


def _questions(session: Session, round_id: int) -> list[RoundQuestion]:
    return list(
        session.exec(
            select(RoundQuestion)
            .where(RoundQuestion.round_id == round_id)
            .order_by(col(RoundQuestion.position), col(RoundQuestion.id))
        ).all()
    )


def _load_question(session: Session, question_id: int) -> tuple[RoundQuestion, InterviewPlan]:
    question = session.get(RoundQuestion, question_id)
    if question is None:
        raise NotFoundError("That question is no longer in the plan.")
    _row, plan = load_round(session, question.round_id)
    return question, plan


def _source_ref(question: RoundQuestion) -> str:
    key = question.bank_key
    if not key:
        return ""
    return key if key.startswith(CUSTOM_PREFIX) else bank_ref(key)
