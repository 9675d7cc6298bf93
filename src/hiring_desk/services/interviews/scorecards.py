"""Scorecards: after an interview, each interviewer's ratings, notes and recommendation.

A scorecard belongs to one interview and one of its interviewers; saving again
replaces it (the ratings are rewritten in the same transaction, so a scorecard is
never half-saved). Each competency the interview's round assesses must be rated
1-4 or marked not rated; when the round names none, the form's list is only a
suggestion and what was rated is what counts. ``domain.scoring`` adds the ratings
up (:mod:`hiring_desk.services.interviews.scorecard_aggregates` does so for many
applications in one query).

Decisions:

- Saving a scorecard for a *scheduled* interview whose start time has passed marks
  it done: a written scorecard is the evidence that it took place. An interview
  booked for later stays scheduled (a scorecard typed in early, or an interview that
  happened earlier than booked, is kept; the booking is for the user to correct).
- A cancelled interview takes no scorecards.
- Editing keeps the first ``submitted_at``: the scorecard was written then, the edit
  is recorded in the audit log.
- The table cannot store a competency that was not rated, so a note on an unrated
  competency is refused rather than silently dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select

from hiring_desk.documents.scorecard_views import Interviewer, InterviewScorecards, ScorecardView
from hiring_desk.domain.competencies import (
    RATING_MAX,
    RATING_MIN,
    Competency,
    competencies_for_skill_groups,
)
from hiring_desk.domain.vocab import InterviewStatus, Recommendation
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission
from hiring_desk.services.common.role_scope import require_on
from hiring_desk.services.common.validation import clean, length_problem
from hiring_desk.services.interviews import scorecard_versions
from hiring_desk.services.interviews.scorecard_aggregates import (
    aggregate_for_application,
    aggregates_for_applications,
    aggregates_for_candidates,
)
from hiring_desk.services.interviews.scorecard_views import (
    as_utc,
    interviewers_of,
    scorecard_views,
    split_competencies,
)
from hiring_desk.services.roles import skills_catalog
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    InterviewRound,
    Role,
    RoleSkill,
    Scorecard,
    ScorecardRating,
)
from hiring_desk.store.models._base import utcnow

__all__ = [
    "InterviewScorecards",
    "Interviewer",
    "InterviewerChoice",
    "RatingDraft",
    "ScorecardDraft",
    "ScorecardForm",
    "ScorecardView",
    "aggregate_for_application",
    "aggregates_for_applications",
    "aggregates_for_candidates",
    "note_field",
    "rating_field",
    "remove_scorecard",
    "save_scorecard",
    "scorecard_form",
    "scorecards_for_application",
]

NOTES_LIMIT = 5000
RATING_NOTE_LIMIT = 1000
COMPETENCY_LIMIT = 60

#: Rated when neither the round nor earlier scorecards say what to rate, besides the
#: technical competencies the role's skills point at.
DEFAULT_SOFT: tuple[Competency, ...] = (
    Competency.PROBLEM_SOLVING,
    Competency.COMMUNICATION,
    Competency.TEAMWORK,
)
#: The technical part of the default when the role's skills point at none.
DEFAULT_TECHNICAL: tuple[Competency, ...] = (
    Competency.LANGUAGES,
    Competency.DATABASES,
    Competency.APIS,
    Competency.TESTING,
)


@dataclass(frozen=True)
class RatingDraft:
    """One competency as typed: ``rating`` None means it was deliberately not rated."""

    competency: str
    rating: int | None
    note: str = ""


@dataclass(frozen=True)
class ScorecardDraft:
    interviewer_id: int | None
    recommendation: str  # a Recommendation value; "" when none was chosen
    notes: str = ""
    ratings: tuple[RatingDraft, ...] = ()


@dataclass(frozen=True)
class InterviewerChoice:
    id: int
    name: str
    has_scorecard: bool


@dataclass(frozen=True)
class ScorecardForm:
    """What the scorecard form shows for one interview and one interviewer."""

    interview_id: int
    application_id: int
    candidate_id: int
    candidate_name: str
    role_title: str
    round_name: str
    starts_at: datetime  # aware, UTC
    timezone: str
    status: str  # an InterviewStatus value
    upcoming: bool  # the start time had not yet come when the form was read
    competencies: tuple[str, ...]
    interviewers: tuple[InterviewerChoice, ...]
    interviewer_id: int | None  # the interviewer the form is for (None: the interview has none)
    existing: ScorecardView | None  # this interviewer's saved scorecard, to edit
    version: int = 0  # of ``existing`` as read, passed back when saving (0: none yet)


def rating_field(competency: str) -> str:
    """The ValidationError field name for a competency's rating."""
    return f"rating_{competency}"


def note_field(competency: str) -> str:
    """The ValidationError field name for a competency's note."""
    return f"note_{competency}"


def scorecard_form(
    workbook: Workbook,
    interview_id: int,
    interviewer_id: int | None = None,
    *,
    now: datetime | None = None,
) -> ScorecardForm:
    """The form for ``interviewer_id`` (None: the first interviewer still owing a scorecard)."""
    with workbook.transaction() as session:
        interview = _interview(session, interview_id)
        application = session.get(Application, interview.application_id)
        assert application is not None
        candidate = session.get(Candidate, application.candidate_id)
        role = session.get(Role, application.role_id)
        cards = scorecard_views(session, [interview_id])
        by_member = {card.interviewer_id: card for card in cards if card.interviewer_id}
        choices = tuple(
            InterviewerChoice(m.id, m.name, m.id in by_member)
            for m in interviewers_of(session, [interview_id]).get(interview_id, ())
        )
        if interviewer_id is None:
            owing = [c.id for c in choices if not c.has_scorecard]
            interviewer_id = next(iter(owing or [c.id for c in choices]), None)
        existing = by_member.get(interviewer_id) if interviewer_id is not None else None
        starts_at = as_utc(interview.starts_at)
        return ScorecardForm(
            interview_id=interview_id,
            application_id=application.id or 0,
            candidate_id=application.candidate_id,
            candidate_name=candidate.name if candidate else "",
            role_title=role.title if role else "",
            round_name=interview.round_name,
            starts_at=starts_at,
            timezone=interview.timezone,
            status=interview.status,
            upcoming=starts_at > (now or utcnow()),
            competencies=_listed(session, interview, cards, existing),
            interviewers=choices,
            interviewer_id=interviewer_id,
            existing=existing,
            version=scorecard_versions.version_of(session, existing.id if existing else None),
        )


def save_scorecard(
    workbook: Workbook,
    interview_id: int,
    draft: ScorecardDraft,
    *,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or replace the draft's interviewer's scorecard; returns its id.

    Every problem is reported at once in one ValidationError; nothing is written
    unless everything is right. See the module notes for the interview's status.
    ``expected_version`` is ``ScorecardForm.version`` (see ``scorecard_versions``).
    """
    _require_scoring(workbook, interview_id, draft.interviewer_id)
    errors = _draft_problems(draft)
    moment = now or utcnow()
    with workbook.transaction() as session:
        interview = _interview(session, interview_id)
        if interview.status == InterviewStatus.CANCELLED.value:
            errors["interview"] = "was cancelled; a cancelled interview takes no scorecards"
        member_ids = [m.id for m in interviewers_of(session, [interview_id]).get(interview_id, ())]
        if draft.interviewer_id is None:
            errors["interviewer"] = "choose who interviewed"
        elif draft.interviewer_id not in member_ids:
            errors["interviewer"] = "was not an interviewer in this interview"
        existing = None
        if draft.interviewer_id is not None:
            existing = session.exec(
                select(Scorecard).where(
                    Scorecard.interview_id == interview_id,
                    Scorecard.interviewer_id == draft.interviewer_id,
                )
            ).first()
        drafted = {clean(r.competency) for r in draft.ratings}
        for key in _round_competencies(session, interview):
            if key not in drafted:
                errors.setdefault(rating_field(key), "rate it 1-4 or mark it not rated")
        if errors:
            raise ValidationError(errors)
        scorecard_versions.claim(session, existing, expected_version)
        card = existing or Scorecard(
            interview_id=interview_id, interviewer_id=draft.interviewer_id, recommendation=""
        )
        card.recommendation = draft.recommendation
        card.notes = clean(draft.notes)
        scorecard_versions.write(session, card)
        assert card.id is not None
        if existing is not None:
            session.execute(
                delete(ScorecardRating).where(col(ScorecardRating.scorecard_id) == card.id)
            )
        session.add_all(
            ScorecardRating(
                scorecard_id=card.id,
                competency=clean(r.competency),
                rating=r.rating,
                note=clean(r.note),
            )
            for r in draft.ratings
            if r.rating is not None
        )
        audit.record(session, "edit" if existing else "add", "scorecard", card.id)
        if (
            interview.status == InterviewStatus.SCHEDULED.value
            and as_utc(interview.starts_at) <= moment
        ):
            interview.status = InterviewStatus.DONE.value
            session.add(interview)
            audit.record(session, "done", "interview", interview_id, {"by": "scorecard"})
        return card.id


def remove_scorecard(workbook: Workbook, scorecard_id: int) -> None:
    """Remove a scorecard and its ratings (the interview keeps its status)."""
    if workbook.access is not None:
        with workbook.transaction() as session:
            found = session.get(Scorecard, scorecard_id)
            owner = (found.interview_id, found.interviewer_id) if found else None
        if owner is not None:
            _require_scoring(workbook, *owner)
    with workbook.transaction() as session:
        card = session.get(Scorecard, scorecard_id)
        if card is None:
            raise NotFoundError(f"Scorecard {scorecard_id} does not exist.")
        session.delete(card)
        audit.record(session, "remove", "scorecard", scorecard_id)


def _require_scoring(workbook: Workbook, interview_id: int, interviewer_id: int | None) -> None:
    """Anyone may enter their own scorecard; another interviewer's needs the right
    to (staff, or the hiring manager of the interview's role)."""
    access = workbook.access
    if access is None or (interviewer_id is not None and interviewer_id == access.member_id):
        return
    require_on(workbook, Permission.OTHERS_SCORECARDS, "interview", interview_id)


def scorecards_for_application(
    workbook: Workbook, application_id: int
) -> list[InterviewScorecards]:
    """Every interview of an application, in time order, with its interviewers' scorecards."""
    with workbook.transaction() as session:
        if session.get(Application, application_id) is None:
            raise NotFoundError(f"Application {application_id} does not exist.")
        interviews = session.exec(
            select(Interview)
            .where(Interview.application_id == application_id)
            .order_by(col(Interview.starts_at), col(Interview.id))
        ).all()
        ids = [iv.id for iv in interviews if iv.id is not None]
        people = interviewers_of(session, ids)
        cards: dict[int, list[ScorecardView]] = {}
        for card in scorecard_views(session, ids):
            cards.setdefault(card.interview_id, []).append(card)
        return [
            InterviewScorecards(
                interview_id=iv.id or 0,
                round_name=iv.round_name,
                starts_at=as_utc(iv.starts_at),
                timezone=iv.timezone,
                status=iv.status,
                interviewers=people.get(iv.id or 0, ()),
                scorecards=tuple(cards.get(iv.id or 0, ())),
            )
            for iv in interviews
        ]


# -- checks and competencies ------------------------------------------------------------


def _draft_problems(draft: ScorecardDraft) -> dict[str, str]:
    """What is wrong with the draft by itself (before looking at the workbook)."""
    errors: dict[str, str] = {}
    if not draft.recommendation:
        errors["recommendation"] = "choose a recommendation"
    elif draft.recommendation not in Recommendation._value2member_map_:
        errors["recommendation"] = "is not one of strong no, no, yes, strong yes"
    if problem := length_problem(clean(draft.notes), NOTES_LIMIT):
        errors["notes"] = problem
    seen: set[str] = set()
    for entry in draft.ratings:
        key = clean(entry.competency)
        if not key or len(key) > COMPETENCY_LIMIT:
            errors["ratings"] = f"a competency needs a name of 1-{COMPETENCY_LIMIT} characters"
            continue
        if key in seen:
            errors["ratings"] = f"'{key}' is listed twice"
        seen.add(key)
        if entry.rating is not None and not RATING_MIN <= entry.rating <= RATING_MAX:
            errors[rating_field(key)] = f"must be a whole number from {RATING_MIN} to {RATING_MAX}"
        note = clean(entry.note)
        if problem := length_problem(note, RATING_NOTE_LIMIT):
            errors[note_field(key)] = problem
        elif note and entry.rating is None:
            errors[note_field(key)] = "a note needs a rating: rate it 1-4 or clear the note"
    return errors


def _listed(
    session: Session,
    interview: Interview,
    cards: Iterable[ScorecardView],
    mine: ScorecardView | None,
) -> tuple[str, ...]:
    """The competencies the form lists.

    The round's, else those already rated on this interview's scorecards, else a
    default from the role's skills; plus anything this interviewer rated before that
    the list no longer has, so editing never drops a rating.
    """
    listed = _round_competencies(session, interview)
    if not listed:
        listed = _in_order({r.competency for card in cards for r in card.ratings})
    if not listed:
        listed = _default_competencies(session, interview.application_id)
    extra = [r.competency for r in (mine.ratings if mine else ()) if r.competency not in listed]
    return (*listed, *extra)


def _round_competencies(session: Session, interview: Interview) -> list[str]:
    """What the interview's plan round assesses: the competencies a scorecard must cover."""
    if interview.round_id is None:
        return []
    round_row = session.get(InterviewRound, interview.round_id)
    return split_competencies(round_row.competencies) if round_row else []


def _default_competencies(session: Session, application_id: int) -> list[str]:
    application = session.get(Application, application_id)
    role_id = application.role_id if application else 0
    skills = session.exec(select(RoleSkill.skill).where(RoleSkill.role_id == role_id)).all()
    groups = [group for skill in skills if (group := skills_catalog.group_of(skill))]
    technical = competencies_for_skill_groups(groups) or list(DEFAULT_TECHNICAL)
    return [c.value for c in (*technical, *DEFAULT_SOFT)]


def _in_order(keys: set[str]) -> list[str]:
    known = [c.value for c in Competency if c.value in keys]
    return known + sorted(keys - set(known))


def _interview(session: Session, interview_id: int) -> Interview:
    interview = session.get(Interview, interview_id)
    if interview is None:
        raise NotFoundError(f"Interview {interview_id} does not exist.")
    return interview
