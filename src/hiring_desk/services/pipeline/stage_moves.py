"""Applications: a candidate applies to a role and moves through the stages.

Whether a move is allowed is decided by ``domain.pipeline`` on phases; a role's
own stages (``role_stages``) add moves inside one open phase, always allowed.
Every move is kept as a stage event with the stage names as they were, shown as
the candidate's timeline. A target is a stage key: a phase ("interview") or one
of the role's own stages ("interview#12").
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from hiring_desk.domain.pipeline import MoveContext, allowed_targets, refusal
from hiring_desk.domain.vocab import OfferStatus, Stage
from hiring_desk.services.candidates.erased_guard import ErasedCandidateError, refuse_if_erased
from hiring_desk.services.common import audit, match_scores, versions
from hiring_desk.services.common.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.common.permissions import (
    Permission,
    TeamRole,
    may,
    require,
    role_of,
    why_not,
)
from hiring_desk.services.common.role_scope import require_on, role_id_of
from hiring_desk.services.common.validation import clean
from hiring_desk.services.pipeline import role_stages
from hiring_desk.services.pipeline.application_views import (
    ApplicationInfo,
    info_of,
    moved_meanwhile,
)
from hiring_desk.services.pipeline.timeline import TimelineEntry, timeline
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    Offer,
    Role,
    RoleStage,
    StageEvent,
    TeamMember,
)
from hiring_desk.store.models._base import utcnow

__all__ = [  # the timeline lives in its own module; callers find it here too
    "ApplicationInfo",
    "BulkMoveResult",
    "MoveRefusedError",
    "TimelineEntry",
    "allowed_moves",
    "allowed_steps",
    "applications_of",
    "apply",
    "apply_in_session",
    "move",
    "move_in_session",
    "move_many",
    "rejection_reasons",
    "timeline",
]


class MoveRefusedError(ServiceError):
    """A stage move the pipeline rules do not allow; the message says why."""


def apply(
    workbook: Workbook,
    candidate_id: int,
    role_id: int,
    *,
    by_member_id: int | None = None,
    note: str = "",
) -> ApplicationInfo:
    """Record that a candidate applied to a role (stage Applied)."""
    require(workbook, Permission.PIPELINE, role_id=role_id)
    with workbook.transaction() as session:
        application = apply_in_session(
            session, candidate_id, role_id, by_member_id=by_member_id, note=note
        )
        return info_of(session, application)


def apply_in_session(
    session: Session,
    candidate_id: int,
    role_id: int,
    *,
    by_member_id: int | None = None,
    note: str = "",
) -> Application:
    """``apply`` inside the caller's transaction (a new candidate and their application)."""
    if session.get(Candidate, candidate_id) is None:
        raise NotFoundError(f"Candidate {candidate_id} does not exist.")
    refuse_if_erased(session, candidate_id)
    role = session.get(Role, role_id)
    if role is None:
        raise ValidationError({"role": "does not exist"})
    existing = session.exec(
        select(Application).where(
            Application.candidate_id == candidate_id, Application.role_id == role_id
        )
    ).first()
    if existing is not None:
        raise ValidationError({"role": f"this candidate already applied to '{role.title}'"})
    first = role_stages.target_row(session, role_id, Stage.APPLIED, None)
    application = Application(
        candidate_id=candidate_id,
        role_id=role_id,
        stage=Stage.APPLIED.value,
        role_stage_id=first.id if first else None,
    )
    session.add(application)
    session.flush()
    assert application.id is not None
    session.add(
        StageEvent(
            application_id=application.id,
            from_stage=None,
            to_stage=Stage.APPLIED.value,
            to_step=first.name if first else None,
            by_member_id=by_member_id,
            note=clean(note)[:500],
        )
    )
    match_scores.refresh_application(session, application.id)
    audit.record(session, "apply", "application", application.id)
    return application


def move(
    workbook: Workbook,
    application_id: int,
    to_stage: str,
    *,
    by_member_id: int | None = None,
    note: str = "",
    reason: str = "",
    expected_version: int | None = None,
) -> ApplicationInfo:
    """Move an application to the stage ``to_stage`` (a stage key); refused
    (MoveRefusedError) against the rules.

    ``expected_version`` is the version the window showed (``ApplicationInfo.version``):
    if someone moved the application since, nothing changes and ChangedMeanwhileError
    says who moved it where. None (the command line) moves it from wherever it is.
    """
    target, stage_id = role_stages.parse_key(to_stage)
    require_on(workbook, Permission.PIPELINE, "application", application_id)
    with workbook.transaction() as session:
        application = _load(session, application_id)
        versions.check(application, expected_version, moved_meanwhile(session, application))
        refuse_if_erased(session, application.candidate_id)
        row = role_stages.target_row(session, application.role_id, target, stage_id)
        why = _why_not(session, application, target, row, reason)
        if why:
            raise MoveRefusedError(why)
        if by_member_id is not None and session.get(TeamMember, by_member_id) is None:
            raise ValidationError({"by": "must be a member of the team"})
        _record_move(
            session, application, target, row, by_member_id, note, reason, expected_version
        )
        return info_of(session, application)


@dataclass(frozen=True)
class BulkMoveResult:
    moved: int
    refused: tuple[tuple[str, str], ...]  # (candidate name, why)


def move_many(
    workbook: Workbook,
    application_ids: list[int],
    to_stage: str,
    *,
    by_member_id: int | None = None,
    note: str = "",
    reason: str = "",
) -> BulkMoveResult:
    """Move several applications; each one the rules refuse is listed with why.

    The allowed moves are made together in one transaction.
    """
    target, stage_id = role_stages.parse_key(to_stage)
    moved = 0
    refused: list[tuple[str, str]] = []
    not_theirs = _refusals(workbook, application_ids)
    with workbook.transaction() as session:
        for application_id in application_ids:
            application = _load(session, application_id)
            candidate = session.get(Candidate, application.candidate_id)
            name = candidate.name if candidate else str(application.candidate_id)
            if application_id in not_theirs:
                refused.append((name, not_theirs[application_id]))
                continue
            try:
                row = role_stages.target_row(session, application.role_id, target, stage_id)
            except NotFoundError as exc:
                refused.append((name, str(exc)))
                continue
            why = _why_not(session, application, target, row, reason)
            try:
                refuse_if_erased(session, application.candidate_id)
            except ErasedCandidateError as exc:
                why = str(exc)
            if why:
                refused.append((name, why))
                continue
            _record_move(session, application, target, row, by_member_id, note, reason)
            moved += 1
    return BulkMoveResult(moved, tuple(refused))


def move_in_session(
    session: Session,
    application: Application,
    to_stage: Stage,
    *,
    by_member_id: int | None = None,
    note: str = "",
    reason: str = "",
) -> None:
    """Move an application inside the caller's transaction, by the same rules as ``move``.

    For services that change more than the stage in one go (accepting an offer
    hires the candidate). Refused with MoveRefusedError; the caller's
    transaction then rolls back whatever else it did.
    """
    assert application.id is not None
    refuse_if_erased(session, application.candidate_id)
    row = role_stages.target_row(session, application.role_id, to_stage, None)
    why = _why_not(session, application, to_stage, row, reason)
    if why:
        raise MoveRefusedError(why)
    _record_move(session, application, to_stage, row, by_member_id, note, reason)


def allowed_moves(workbook: Workbook, application_id: int) -> list[Stage]:
    if not _may_move(workbook, application_id):
        return []
    with workbook.transaction() as session:
        application = _load(session, application_id)
        return allowed_targets(Stage(application.stage), _context(session, application_id))


def allowed_steps(workbook: Workbook, application_id: int) -> list[role_stages.StageInfo]:
    """Every shown stage of the application's role it may move to now, in order.

    Like ``allowed_moves``, a rejection counts as allowed (its reason is asked for later).
    None when the signed-in person may not move it (on a team workbook).
    """
    if not _may_move(workbook, application_id):
        return []
    with workbook.transaction() as session:
        application = _load(session, application_id)
        phases = set(allowed_targets(Stage(application.stage), _context(session, application_id)))
        rows = role_stages.rows_of(session, application.role_id)
        here = role_stages.resolved_id(rows, application)
        current = Stage(application.stage)
        return [
            stage
            for stage in role_stages.stages_in_session(session, application.role_id)
            if not stage.hidden
            and (
                stage.phase in phases
                or (stage.phase is current and not current.is_closed and stage.id != here)
            )
        ]


def _refusals(workbook: Workbook, application_ids: list[int]) -> dict[int, str]:
    """Why the signed-in person may not move each of these they may not (team workbook)."""
    if workbook.access is None:
        return {}
    with workbook.transaction() as session:
        roles = dict(
            session.exec(
                select(Application.id, Application.role_id).where(
                    col(Application.id).in_(application_ids)
                )
            ).all()
        )
    reasons = {
        role_id: why_not(workbook, Permission.PIPELINE, role_id=role_id)
        for role_id in set(roles.values())
    }
    return {
        int(app_id): reason
        for app_id, role_id in roles.items()
        if app_id is not None and (reason := reasons[role_id]) is not None
    }


def _may_move(workbook: Workbook, application_id: int) -> bool:
    if workbook.access is None or may(workbook, Permission.PIPELINE):
        return True
    if role_of(workbook) is not TeamRole.HIRING_MANAGER:
        return False
    role_id = role_id_of(workbook, "application", application_id)
    return may(workbook, Permission.PIPELINE, role_id=role_id)


def applications_of(workbook: Workbook, candidate_id: int) -> list[ApplicationInfo]:
    with workbook.transaction() as session:
        rows = session.exec(
            select(Application)
            .where(Application.candidate_id == candidate_id)
            .order_by(col(Application.applied_at), col(Application.id))
        ).all()
        return [info_of(session, row) for row in rows]


def rejection_reasons(workbook: Workbook) -> list[str]:
    """The reasons offered when rejecting, in their order (see ``rejection_reasons``)."""
    from hiring_desk.services.team import rejection_reasons as reasons

    return [text for _id, text in reasons.list_reasons(workbook)]


def _why_not(
    session: Session, application: Application, target: Stage, row: RoleStage | None, reason: str
) -> str | None:
    """None if the move to ``target`` (at ``row``) is allowed, else why not."""
    assert application.id is not None
    current = Stage(application.stage)
    if current is target and not current.is_closed and row is not None:
        rows = role_stages.rows_of(session, application.role_id)
        if role_stages.resolved_id(rows, application) == row.id:
            return f"The application is already at {row.name}."
        return None  # another stage of the same open phase
    return refusal(current, target, _context(session, application.id), clean(reason))


def _record_move(
    session: Session,
    application: Application,
    target: Stage,
    row: RoleStage | None,
    by_member_id: int | None,
    note: str,
    reason: str,
    expected_version: int | None = None,
) -> None:
    """Change the stage and keep the move as a stage event (rules already checked).

    The version goes up by a conditional UPDATE first (``versions.bump``): a move
    someone else made between the read and now refuses this one.
    """
    assert application.id is not None
    versions.bump(session, application, expected_version, moved_meanwhile(session, application))
    current = Stage(application.stage)
    from_step = role_stages.step_name(session, application)
    application.stage = target.value
    application.role_stage_id = row.id if row else None
    application.closed_reason = clean(reason)[:200] if target is Stage.REJECTED else ""
    application.updated_at = utcnow()
    session.add(application)
    event_note = clean(note)[:500]
    if target is Stage.REJECTED:
        event_note = f"{clean(reason)}: {event_note}" if event_note else clean(reason)
    session.add(
        StageEvent(
            application_id=application.id,
            from_stage=current.value,
            to_stage=target.value,
            from_step=from_step,
            to_step=row.name if row else None,
            by_member_id=by_member_id,
            note=event_note,
        )
    )
    audit.record(session, "move", "application", application.id, {"to": target.value})


def _context(session: Session, application_id: int) -> MoveContext:
    statuses = session.exec(
        select(Offer.status).where(Offer.application_id == application_id)
    ).all()
    return MoveContext(
        offers_exist=bool(statuses),
        has_accepted_offer=OfferStatus.ACCEPTED.value in statuses,
    )


def _load(session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None:
        raise NotFoundError(f"Application {application_id} does not exist.")
    return application
