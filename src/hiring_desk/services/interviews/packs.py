"""Interview packs: which candidates a printed pack covers, and everything it prints.

Three selections, each read in one transaction:

- :func:`pack_for_interview`: one booked interview (one candidate, that round).
- :func:`pack_for_role` without candidate ids: every application to the role at the
  Interview or Shortlisted stage, plus any other open application with an interview
  scheduled.
- :func:`pack_for_role` with candidate ids: those candidates' applications to the
  role; naming someone who did not apply is refused, naming who.

Which rounds a candidate's pages cover: the rounds of their scheduled interviews,
in time order; with none scheduled, every round of the role's interview plan. The
plan is read, never created: a role with no plan gets rounds named after its
interviews' rounds, with no questions (the pack leaves room to write instead).
A round's scorecard rates the competencies the plan gives it, as the scorecard
form does; a round with none rates a default drawn from the role's skills.
:func:`missing_plan` says when a role has no plan and what the suggested one
(from the role's template or seniority) would bring; :func:`use_suggested_plan`
makes it the role's plan, so the pack prints its questions.

The candidates come in the order of their next interview, then by name.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import Session, col

from hiring_desk.documents.interview_pack_views import PackData, PackInterview
from hiring_desk.domain.vocab import InterviewStatus, Stage
from hiring_desk.services.common.errors import (
    NotFoundError,
    ServiceError,
    ValidationError,
    reporting_write_failures,
)
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.interviews import plans
from hiring_desk.services.interviews.pack_gathering import CV_SUMMARY_CHARS, PackGathering
from hiring_desk.services.interviews.plan_defaults import default_plan_for
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, Interview, InterviewPlan, Role

if TYPE_CHECKING:
    from hiring_desk.documents.interview_pack import PackProgress

__all__ = [
    "CV_SUMMARY_CHARS",
    "DEFAULT_STAGES",
    "PackChoice",
    "PackData",
    "PackInterview",
    "PlanSuggestion",
    "missing_plan",
    "pack_choices",
    "pack_for_interview",
    "pack_for_role",
    "use_suggested_plan",
    "write_pack",
]

#: The stages whose applications a role's pack covers by default.
DEFAULT_STAGES: frozenset[str] = frozenset({Stage.INTERVIEW.value, Stage.SHORTLISTED.value})
_SCHEDULED = InterviewStatus.SCHEDULED.value


@dataclass(frozen=True)
class PackChoice:
    """An application the pack dialog offers; ``preselected`` follows the default selection."""

    candidate_id: int
    application_id: int
    name: str
    stage: str
    next_interview: PackInterview | None
    preselected: bool

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label


@dataclass(frozen=True)
class PlanSuggestion:
    """A role without an interview plan, and what the suggested plan would give it."""

    role_id: int
    role_title: str
    rounds: int
    questions: int

    def sentence(self) -> str:
        """What the pack dialog and ``print pack`` say about it."""
        return (
            f"'{self.role_title}' has no interview plan yet, so the pack has no questions to "
            f"print. The suggested plan has {self.rounds} rounds and {self.questions} "
            "questions from the question bank."
        )


def missing_plan(workbook: Workbook, role_id: int) -> PlanSuggestion | None:
    """None when the role has an interview plan; else the plan it could start from."""
    with workbook.transaction() as session:
        role = _role(session, role_id)
        has_plan = session.execute(
            select(col(InterviewPlan.id)).where(col(InterviewPlan.role_id) == role_id)
        ).first()
        if has_plan is not None:
            return None
        suggested = default_plan_for(role.template_key, role.seniority)
        return PlanSuggestion(
            role_id=role_id,
            role_title=role.title,
            rounds=len(suggested.rounds),
            questions=sum(len(r.question_keys) for r in suggested.rounds),
        )


def use_suggested_plan(workbook: Workbook, role_id: int) -> plans.PlanView:
    """Give the role the suggested plan (its rounds and their questions) if it has none."""
    require(workbook, Permission.PIPELINE, role_id=role_id)
    return plans.plan_for_role(workbook, role_id)


# -- selections -------------------------------------------------------------------------------


def pack_for_interview(workbook: Workbook, interview_id: int) -> PackData:
    """The pack for one interview: its candidate, with that interview's round only."""
    with workbook.transaction() as session:
        interview = session.get(Interview, interview_id)
        if interview is None:
            raise NotFoundError(f"Interview {interview_id} does not exist.")
        if interview.status == InterviewStatus.CANCELLED.value:
            raise ServiceError("That interview was cancelled; there is no pack to print for it.")
        application = session.get(Application, interview.application_id)
        assert application is not None  # the foreign key holds
        role = _role(session, application.role_id)
        return PackGathering(session, role, [application], only=interview).pack()


def pack_for_role(
    workbook: Workbook, role_id: int, candidate_ids: Sequence[int] | None = None
) -> PackData:
    """The pack for a role's candidates: the default selection, or the candidates named."""
    with workbook.transaction() as session:
        role = _role(session, role_id)
        if candidate_ids is None:
            applications = _default_applications(session, role)
            if not applications:
                raise ServiceError(
                    f"Nobody to print for '{role.title}': no application is at the Interview "
                    "or Shortlisted stage or has an interview scheduled."
                )
        else:
            applications = _named_applications(session, role, candidate_ids)
        return PackGathering(session, role, applications, only=None).pack()


def pack_choices(workbook: Workbook, role_id: int) -> list[PackChoice]:
    """Every application to the role that is still open, for choosing who goes in a pack.

    The ones the default selection takes are ``preselected``; the order is the pack's.
    """
    with workbook.transaction() as session:
        role = _role(session, role_id)
        chosen = {a.id for a in _default_applications(session, role)}
        applications = [
            a
            for a in _role_applications(session, role_id)
            if a.id in chosen or not Stage(a.stage).is_closed
        ]
        gathering = PackGathering(session, role, applications, only=None)
        return [
            PackChoice(
                candidate_id=app.candidate_id,
                application_id=app.id or 0,
                name=gathering.candidates[app.candidate_id].name,
                stage=app.stage,
                next_interview=next(iter(gathering.scheduled(app)), None),
                preselected=app.id in chosen,
            )
            for app in gathering.ordered()
        ]


def write_pack(data: PackData, out: Path) -> Generator[PackProgress, None, None]:
    """Print ``data`` to the PDF ``out``, yielding progress after each candidate.

    See ``documents.interview_pack.build_pack``: stop iterating (or close the
    generator) to cancel, and no file is written. A logo that cannot be printed
    or a file that cannot be written is a ServiceError.
    """
    from hiring_desk.documents.interview_pack import build_pack

    with reporting_write_failures(out):
        yield from build_pack(data, out)


def _role(session: Session, role_id: int) -> Role:
    role = session.get(Role, role_id)
    if role is None:
        raise NotFoundError(f"Role {role_id} does not exist.")
    return role


def _role_applications(session: Session, role_id: int) -> list[Application]:
    return list(
        session.execute(
            select(Application)
            .where(col(Application.role_id) == role_id)
            .order_by(col(Application.id))
        ).scalars()
    )


def _default_applications(session: Session, role: Role) -> list[Application]:
    """At the Interview or Shortlisted stage, or open with an interview scheduled."""
    booked = set(
        session.execute(
            select(col(Interview.application_id))
            .join(Application, col(Application.id) == Interview.application_id)
            .where(col(Application.role_id) == role.id, col(Interview.status) == _SCHEDULED)
        ).scalars()
    )
    return [
        a
        for a in _role_applications(session, role.id or 0)
        if a.stage in DEFAULT_STAGES or (a.id in booked and not Stage(a.stage).is_closed)
    ]


def _named_applications(
    session: Session, role: Role, candidate_ids: Sequence[int]
) -> list[Application]:
    wanted = list(dict.fromkeys(candidate_ids))
    if not wanted:
        raise ValidationError({"candidates": "choose at least one candidate"})
    applications = {
        a.candidate_id: a
        for a in session.execute(
            select(Application).where(
                col(Application.role_id) == role.id, col(Application.candidate_id).in_(wanted)
            )
        ).scalars()
    }
    names = dict(
        session.execute(
            select(col(Candidate.id), col(Candidate.name)).where(col(Candidate.id).in_(wanted))
        ).all()
    )
    problems: list[str] = []
    for candidate_id in wanted:
        if candidate_id not in names:
            problems.append(f"no candidate has the id {candidate_id}")
        elif candidate_id not in applications:
            problems.append(
                f"{names[candidate_id]} (id {candidate_id}) did not apply to '{role.title}'"
            )
    if problems:
        raise ValidationError({"candidates": "; ".join(problems)})
    return [applications[candidate_id] for candidate_id in wanted]
