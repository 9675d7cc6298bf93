"""What to do next for a candidate: the one step the detail panel offers as its primary button.

``next_step`` is a pure function of what is known about the candidate's
applications (their stage, interviews and offers) and the time now; ``next_step_of``
reads those facts from a workbook. Each open application gets the step its state
asks for, and the most pressing one across applications wins:

1. an interview that took place and still lacks a scorecard: "Score interview…";
2. an offer being prepared or sent: "Open offer…";
3. an accepted offer: "Move to Hired…";
4. shortlisted, or at Offer with no live offer: "Make offer…";
5. at Interview with no interview booked: "Schedule interview…";
6. at Applied or Screening: a move to the next stage forward ("Move to Screening…");
7. an interview still to come: "Open interview…" (to check or change the booking);
8. at Interview with every interview held and scored: the move forward.

A candidate with no open application is offered "Apply to role…", unless one of
their applications ended in a hire (then there is nothing left to do: None).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlmodel import col, select

from hiring_desk import clock
from hiring_desk.domain.formatting import format_day
from hiring_desk.domain.offer_rules import LIVE_STATUSES
from hiring_desk.domain.vocab import PIPELINE, InterviewStatus, OfferStatus, Stage
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.pipeline.role_stages import StageInfo
from hiring_desk.services.pipeline.stage_moves import ApplicationInfo
from hiring_desk.store import Workbook
from hiring_desk.store.models import Offer


class StepKind(StrEnum):
    """What the primary button opens."""

    SCORE = "score"  # the scorecard dialog of ``interview_id``
    OPEN_OFFER = "open_offer"  # the offer dialog on ``offer_id``
    MAKE_OFFER = "make_offer"  # the offer dialog, a new offer
    SCHEDULE = "schedule"  # the interview booking dialog
    OPEN_INTERVIEW = "open_interview"  # the booking dialog on ``interview_id``
    MOVE = "move"  # the move dialog (it starts at the first stage forward)
    APPLY = "apply"  # apply the candidate to a role


@dataclass(frozen=True)
class InterviewFacts:
    """One interview of an application, as far as the next step cares."""

    interview_id: int
    starts_at: datetime  # aware
    status: str  # an InterviewStatus value
    #: Interviewers who have not written their scorecard yet.
    pending: int


@dataclass(frozen=True)
class OfferFacts:
    offer_id: int
    status: str  # an OfferStatus value


@dataclass(frozen=True)
class ApplicationFacts:
    """An application with its interviews and offers (oldest first), and where the
    move dialog would start (``forward``: the first stage forward's name, "" if none)."""

    application_id: int
    role_title: str
    stage: str  # a Stage value
    forward: str = ""
    interviews: tuple[InterviewFacts, ...] = ()
    offers: tuple[OfferFacts, ...] = ()


@dataclass(frozen=True)
class NextStep:
    """The step, the button's text, why (for its tool tip) and what it opens."""

    kind: StepKind
    label: str
    why: str
    application_id: int | None = None
    interview_id: int | None = None
    offer_id: int | None = None
    #: How pressing it is: lower comes first.
    rank: int = field(default=0, compare=False)


def is_forward(target: Stage | StageInfo, application: ApplicationInfo) -> bool:
    """True for a stage after the application's own in the pipeline (a step forward)."""
    phase = target.phase if isinstance(target, StageInfo) else target
    here = Stage(application.stage)
    if phase not in PIPELINE or here not in PIPELINE:
        return False
    if phase is here:
        return isinstance(target, StageInfo) and target.position > application.step_position
    return PIPELINE.index(phase) > PIPELINE.index(here)


def first_forward(
    targets: Sequence[Stage | StageInfo], application: ApplicationInfo
) -> Stage | StageInfo | None:
    """The first of ``targets`` that moves the application forward (the move dialog's start)."""
    return next((t for t in targets if is_forward(t, application)), None)


def _step_of(app: ApplicationFacts, now: datetime, locale: str) -> NextStep | None:
    """The step one open application asks for (None: closed, or nothing to do)."""
    stage = Stage(app.stage)
    if stage.is_closed:
        return None
    role = app.role_title
    ids = {"application_id": app.application_id}
    held = [
        i
        for i in app.interviews
        if i.status != InterviewStatus.CANCELLED.value and i.starts_at <= now
    ]
    unscored = [i for i in held if i.pending]
    if unscored:
        day = format_day(unscored[0].starts_at.date(), locale)
        why = f"{role}: the interview on {day} has no scorecard yet"
        return NextStep(
            StepKind.SCORE,
            "Score interview…",
            why,
            interview_id=unscored[0].interview_id,
            rank=1,
            **ids,
        )
    live = [o for o in app.offers if OfferStatus(o.status) in LIVE_STATUSES]
    if live and live[-1].status != OfferStatus.ACCEPTED.value:
        offer = live[-1]
        why = f"{role}: the offer is {OfferStatus(offer.status).label.lower()}"
        return NextStep(
            StepKind.OPEN_OFFER, "Open offer…", why, offer_id=offer.offer_id, rank=2, **ids
        )
    if live:
        why = f"{role}: the offer was accepted"
        return NextStep(StepKind.MOVE, "Move to Hired…", why, rank=3, **ids)
    if stage in (Stage.SHORTLISTED, Stage.OFFER):
        why = f"{role}: {stage.label.lower()}, no offer yet"
        return NextStep(StepKind.MAKE_OFFER, "Make offer…", why, rank=4, **ids)
    booked = [
        i
        for i in app.interviews
        if i.status == InterviewStatus.SCHEDULED.value and i.starts_at > now
    ]
    if stage is Stage.INTERVIEW and not booked and not held:
        why = f"{role}: no interview booked yet"
        return NextStep(StepKind.SCHEDULE, "Schedule interview…", why, rank=5, **ids)
    move = _move(app, 6) if stage in (Stage.APPLIED, Stage.SCREENING) else None
    if move is not None:
        return move
    if booked:
        day = format_day(booked[0].starts_at.date(), locale)
        why = f"{role}: interview on {day}"
        return NextStep(
            StepKind.OPEN_INTERVIEW,
            "Open interview…",
            why,
            interview_id=booked[0].interview_id,
            rank=7,
            **ids,
        )
    return _move(app, 8)


def _move(app: ApplicationFacts, rank: int) -> NextStep | None:
    if not app.forward:
        return None
    why = f"{app.role_title}: now at {Stage(app.stage).label}"
    return NextStep(
        StepKind.MOVE, f"Move to {app.forward}…", why, application_id=app.application_id, rank=rank
    )


def next_step(
    applications: Sequence[ApplicationFacts], now: datetime, locale: str = "en_GB"
) -> NextStep | None:
    """The most pressing step across ``applications`` (earliest applied wins a tie)."""
    steps = [s for app in applications if (s := _step_of(app, now, locale)) is not None]
    if steps:
        return min(steps, key=lambda s: s.rank)  # min keeps the first of equals
    if any(app.stage == Stage.HIRED.value for app in applications):
        return None
    why = "No open application" if applications else "No application yet"
    return NextStep(StepKind.APPLY, "Apply to role…", why, rank=9)


def facts_of(workbook: Workbook, applications: Sequence[ApplicationInfo]) -> list[ApplicationFacts]:
    """The facts ``next_step`` weighs, read for ``applications`` (closed ones cost nothing)."""
    found: list[ApplicationFacts] = []
    for app in applications:
        if Stage(app.stage).is_closed:
            found.append(ApplicationFacts(app.id, app.role_title, app.stage))
            continue
        forward = first_forward(stage_moves.allowed_steps(workbook, app.id), app)
        interviews = tuple(
            InterviewFacts(i.interview_id, i.starts_at, i.status, len(i.pending))
            for i in scorecards.scorecards_for_application(workbook, app.id)
        )
        offers = _offers(workbook, app.id)
        shown = "" if forward is None else _shown(forward)
        found.append(ApplicationFacts(app.id, app.role_title, app.stage, shown, interviews, offers))
    return found


def _offers(workbook: Workbook, application_id: int) -> tuple[OfferFacts, ...]:
    """The application's offers, oldest first (read here: ``services.offers`` builds on
    this package, so it cannot be asked)."""
    with workbook.transaction() as session:
        rows = session.exec(
            select(Offer.id, Offer.status)
            .where(Offer.application_id == application_id)
            .order_by(col(Offer.id))
        ).all()
    return tuple(OfferFacts(offer_id or 0, status) for offer_id, status in rows)


def _shown(stage: Stage | StageInfo) -> str:
    return stage.shown_name if isinstance(stage, StageInfo) else stage.label


def next_step_of(
    workbook: Workbook, applications: Sequence[ApplicationInfo], locale: str = "en_GB"
) -> NextStep | None:
    """The next step for the candidate whose ``applications`` these are, as of now."""
    return next_step(facts_of(workbook, applications), clock.now(), locale)
