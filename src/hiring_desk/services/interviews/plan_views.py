"""A role's interview plan as plain values: what ``plans`` and ``plan_questions``
return after every change, and what the plan editor and the interview packs show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from hiring_desk.domain.competencies import competency_label
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.interviews.question_bank import BANK_PREFIX, CUSTOM_PREFIX
from hiring_desk.store.models import InterviewPlan, InterviewRound, Role, RoundQuestion

__all__ = [
    "PlanView",
    "QuestionView",
    "RoundView",
    "existing_role",
    "plan_view",
    "split_competencies",
]


@dataclass(frozen=True)
class QuestionView:
    id: int
    round_id: int
    position: int
    competency: str
    text: str
    strong: str
    weak: str
    bank_key: str | None

    @property
    def competency_label(self) -> str:
        return competency_label(self.competency) if self.competency else ""

    @property
    def source_ref(self) -> str | None:
        """The bank reference this question was copied from, if any."""
        if self.bank_key is None:
            return None
        if self.bank_key.startswith(CUSTOM_PREFIX):
            return self.bank_key
        return f"{BANK_PREFIX}{self.bank_key}"


@dataclass(frozen=True)
class RoundView:
    id: int
    position: int
    name: str
    duration_minutes: int
    competencies: tuple[str, ...]
    questions: tuple[QuestionView, ...]

    @property
    def competency_labels(self) -> str:
        return ", ".join(competency_label(c) for c in self.competencies)

    @property
    def source_refs(self) -> frozenset[str]:
        return frozenset(q.source_ref for q in self.questions if q.source_ref)


@dataclass(frozen=True)
class PlanView:
    id: int
    role_id: int
    role_title: str
    role_seniority: str
    updated_at: datetime
    rounds: tuple[RoundView, ...]

    @property
    def total_minutes(self) -> int:
        return sum(r.duration_minutes for r in self.rounds)

    def round(self, round_id: int) -> RoundView:
        for candidate in self.rounds:
            if candidate.id == round_id:
                return candidate
        raise NotFoundError("That round is no longer in the plan.")


def plan_view(session: Session, plan: InterviewPlan) -> PlanView:
    """The plan as plain values, read in the caller's transaction."""
    assert plan.id is not None
    role = existing_role(session, plan.role_id)
    rounds = session.exec(
        select(InterviewRound)
        .where(InterviewRound.plan_id == plan.id)
        .order_by(col(InterviewRound.position), col(InterviewRound.id))
    ).all()
    round_ids = [r.id for r in rounds]
    questions = session.exec(
        select(RoundQuestion)
        .where(col(RoundQuestion.round_id).in_(round_ids))
        .order_by(col(RoundQuestion.position), col(RoundQuestion.id))
    ).all()
    by_round: dict[int, list[QuestionView]] = {}
    for q in questions:
        by_round.setdefault(q.round_id, []).append(
            QuestionView(
                id=q.id or 0,
                round_id=q.round_id,
                position=q.position,
                competency=q.competency,
                text=q.text,
                strong=q.strong_answer,
                weak=q.weak_answer,
                bank_key=q.bank_key,
            )
        )
    return PlanView(
        id=plan.id,
        role_id=plan.role_id,
        role_title=role.title,
        role_seniority=role.seniority,
        updated_at=plan.updated_at,
        rounds=tuple(
            RoundView(
                id=r.id or 0,
                position=r.position,
                name=r.name,
                duration_minutes=r.duration_minutes,
                competencies=split_competencies(r.competencies),
                questions=tuple(by_round.get(r.id or 0, ())),
            )
            for r in rounds
        ),
    )


def split_competencies(stored: str) -> tuple[str, ...]:
    """The keys in a stored comma-separated list, in order, without blanks or repeats."""
    seen: list[str] = []
    for part in stored.split(","):
        key = part.strip()
        if key and key not in seen:
            seen.append(key)
    return tuple(seen)


def existing_role(session: Session, role_id: int) -> Role:
    role = session.get(Role, role_id)
    if role is None:
        raise NotFoundError(f"Role {role_id} does not exist.")
    return role
