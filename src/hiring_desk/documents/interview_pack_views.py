"""What a printed interview pack holds: frozen plain values.

The interview-pack service (``services.interview_packs``) gathers them from the
workbook; the PDF builder (``documents.interview_pack``) reads only these values
and never sees the workbook. Text is as the user typed it (never markup); times are
aware datetimes in the interview's own time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from hiring_desk.documents.scorecard_views import InterviewScorecards
from hiring_desk.domain.competencies import competency_label
from hiring_desk.domain.match import MatchResult
from hiring_desk.domain.vocab import InterviewStatus, Stage

__all__ = [
    "NOTES_SOURCE",
    "PackCandidate",
    "PackData",
    "PackInterview",
    "PackQuestion",
    "PackRole",
    "PackRound",
]

#: ``PackCandidate.cv_source`` when the summary is the candidate's notes (no CV text).
NOTES_SOURCE = "notes"


@dataclass(frozen=True)
class PackRole:
    """The role brief on the cover."""

    id: int
    title: str
    seniority: str  # a label: "Senior"
    employment_type: str  # "Full-time"
    work_mode: str  # "Hybrid"
    location: str
    hiring_manager: str
    min_years_experience: int | None
    education: str
    start_by: date | None
    summary: str  # the project and how long it runs
    must_have: tuple[str, ...]
    nice_to_have: tuple[str, ...]


@dataclass(frozen=True)
class PackInterview:
    """One booked interview: when (local, with its zone), where, and who interviews."""

    id: int
    candidate_name: str
    round_name: str
    local_start: datetime  # aware, in ``timezone``
    local_end: datetime
    timezone: str  # IANA name
    location: str
    video_link: str
    interviewers: tuple[str, ...]
    status: str  # an InterviewStatus value

    @property
    def status_label(self) -> str:
        return InterviewStatus(self.status).label

    @property
    def place(self) -> str:
        """The room, the video link, or both."""
        return " · ".join(part for part in (self.location, self.video_link) if part)


@dataclass(frozen=True)
class PackQuestion:
    competency: str  # a competency key ("" when the question names none)
    text: str
    strong: str  # what a strong answer shows
    weak: str  # what a weak answer shows

    @property
    def competency_label(self) -> str:
        return competency_label(self.competency) if self.competency else ""


@dataclass(frozen=True)
class PackRound:
    """A round to run with the candidate: its questions and what its scorecard rates.

    ``interview`` is the booked interview for this round, if there is one.
    """

    name: str
    duration_minutes: int
    competencies: tuple[str, ...]  # competency keys, in the order the scorecard lists them
    questions: tuple[PackQuestion, ...]
    interview: PackInterview | None

    @property
    def competency_labels(self) -> tuple[str, ...]:
        return tuple(competency_label(key) for key in self.competencies)


@dataclass(frozen=True)
class PackCandidate:
    """Everything about one candidate that the interviewers get on paper."""

    candidate_id: int
    application_id: int
    name: str
    stage: str  # a Stage value
    current_title: str
    years_experience: int | None
    notice_weeks: int | None
    email: str
    phone: str
    location: str
    links: tuple[str, ...]
    skills: MatchResult  # against the role's must-haves and nice-to-haves
    other_skills: tuple[str, ...]  # the candidate's skills the role does not list
    cv_summary: str  # the start of the newest CV's text, or the notes; may be empty
    cv_source: str  # where ``cv_summary`` comes from: a file name, NOTES_SOURCE, or ""
    earlier: tuple[InterviewScorecards, ...]  # earlier interviews that have scorecards
    interviews: tuple[PackInterview, ...]  # the interviews this pack is printed for
    rounds: tuple[PackRound, ...]

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label

    @property
    def summary_is_notes(self) -> bool:
        """True when there is no CV text and ``cv_summary`` holds the candidate's notes."""
        return self.cv_source == NOTES_SOURCE


@dataclass(frozen=True)
class PackData:
    """A whole pack: the letterhead, the role, the schedule and the candidates in order."""

    company_name: str
    company_address: str  # lines separated by newlines
    company_logo: bytes | None
    locale: str
    printed_on: date
    role: PackRole
    schedule: tuple[PackInterview, ...]  # every interview in the pack, earliest first
    candidates: tuple[PackCandidate, ...]
