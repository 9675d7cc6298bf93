"""The demo workbook's candidates: applications, stage history, interviews, scorecards, offer.

Part of the demo builder (``demo.py`` is the entry point). Dates count in working days
from today in the company's time zone, so the history always ends in the recent past
and the scheduled interviews fall in the next two weeks.
"""

from __future__ import annotations

import calendar
import hashlib
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlmodel import Session

from hiring_desk.domain.vocab import (
    PIPELINE,
    InterviewStatus,
    OfferStatus,
    PayPeriod,
    Recommendation,
    Source,
    Stage,
)
from hiring_desk.services.demo import demo_data as data
from hiring_desk.services.demo import demo_plans
from hiring_desk.services.demo.demo_candidates import CANDIDATES, CVS, Apply, CandidateData, CvData
from hiring_desk.store.models import (
    Application,
    Attachment,
    Candidate,
    CandidateSkill,
    CandidateTag,
    Interview,
    InterviewInterviewer,
    InterviewRound,
    Offer,
    Role,
    Scorecard,
    ScorecardRating,
    StageEvent,
)

#: Interview start times; no round is longer than 90 minutes, so they never overlap.
_SLOTS = (time(9, 30), time(11, 30), time(14, 0), time(16, 0))
#: Who records each kind of stage move.
_MOVED_BY = {
    Stage.APPLIED: "hr",
    Stage.SCREENING: "hr",
    Stage.INTERVIEW: "eng",
    Stage.SHORTLISTED: "eng",
    Stage.OFFER: "ceo",
    Stage.HIRED: "hr",
    Stage.REJECTED: "eng",
    Stage.WITHDRAWN: "hr",
}
_STAGE_NOTES = {
    Stage.SCREENING: "CV meets the must-haves on paper; screening started.",
    Stage.INTERVIEW: "Good screening call; interviews booked.",
    Stage.SHORTLISTED: "All rounds done; the scorecards are positive.",
    Stage.OFFER: "Chosen for the offer; terms agreed on a call.",
    Stage.HIRED: "Signed offer received.",
    Stage.WITHDRAWN: "The candidate withdrew by email.",
}
_SCORECARD_NOTES = {
    Recommendation.STRONG_YES: "Clear, structured answers backed by real examples.",
    Recommendation.YES: "Solid overall; a couple of gaps the next round should probe.",
    Recommendation.NO: "Answers stayed general and did not get deeper when asked for detail.",
    Recommendation.STRONG_NO: "Large gaps against the must-have skills for this role.",
}


@dataclass
class DemoContext:
    """The session, the clock and the ids the demo rows refer to."""

    session: Session
    now: datetime
    zone: tzinfo
    rng: random.Random
    members: dict[str, int] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    rounds: dict[str, list[tuple[InterviewRound, demo_plans.RoundData]]] = field(
        default_factory=dict
    )
    counts: dict[str, int] = field(default_factory=lambda: {"applications": 0, "interviews": 0})
    booked: set[tuple[int, datetime]] = field(default_factory=set)

    @property
    def today(self) -> date:
        return self.now.astimezone(self.zone).date()

    def workday(self, offset: int) -> date:
        """The ``offset``-th working day after today (before it when negative)."""
        day, step, left = self.today, (1 if offset > 0 else -1), abs(offset)
        while left:
            day += timedelta(days=step)
            left -= day.weekday() < 5
        return day

    def at(self, day: date, clock: time) -> datetime:
        """A local wall-clock time on ``day``, as an aware UTC datetime."""
        return datetime.combine(day, clock, tzinfo=self.zone).astimezone(UTC)

    def ago(self, workdays: int, clock: time = time(11, 0)) -> datetime:
        return self.at(self.workday(-workdays), clock)

    def in_days(self, days: int) -> date:
        """The first working day at least ``days`` calendar days from today."""
        day = self.today + timedelta(days=days)
        return day + timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)

    def book(self, days: list[date], member_ids: list[int]) -> datetime:
        """The first start time, on one of ``days``, at which none of ``member_ids`` is busy."""
        first = self.rng.randrange(len(_SLOTS))
        order = [_SLOTS[(first + i) % len(_SLOTS)] for i in range(len(_SLOTS))]
        slots = [self.at(day, clock) for day in days for clock in order]
        free = [s for s in slots if not any((m, s) in self.booked for m in member_ids)]
        chosen = (free or slots)[0]
        self.booked.update((m, chosen) for m in member_ids)
        return chosen

    def add(self, *rows: object) -> None:
        self.session.add_all(rows)
        self.session.flush()


def row_id(row: object) -> int:
    """The primary key of a flushed row."""
    value = getattr(row, "id", None)
    assert isinstance(value, int), f"{type(row).__name__} has no id yet"
    return value


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def add_candidates(ctx: DemoContext) -> None:
    """Add every demo candidate with their applications. Roles and plans must exist."""
    for person in CANDIDATES:
        _candidate(ctx, person)


def _candidate(ctx: DemoContext, person: CandidateData) -> None:
    linkedin = f"https://www.linkedin.com/in/{person.linkedin}" if person.linkedin else ""
    row = Candidate(
        name=person.name,
        email=person.email,
        phone=person.phone,
        location=person.location,
        postal_address=person.address,
        linkedin_url=linkedin,
        github_url=f"https://github.com/{person.github}" if person.github else "",
        source=Source(person.source).value,
        current_title=person.title,
        years_experience=person.years,
        salary_expectation_minor=person.salary_thousands * 100_000,
        salary_currency=person.currency,
        salary_period=PayPeriod.YEAR.value,
        notice_weeks=person.notice_weeks,
        work_mode_preference=person.work_mode,
        notes=person.notes,
    )
    ctx.add(row)
    cid = row_id(row)
    ctx.add(
        *(CandidateSkill(candidate_id=cid, skill=s) for s in split_list(person.skills)),
        *(CandidateTag(candidate_id=cid, tag=t) for t in split_list(person.tags)),
    )
    spans = [_application(ctx, row, person, app) for app in person.apps]
    row.created_at = row.consent_at = min(first for first, _ in spans)
    row.updated_at = max(last for _, last in spans)
    row.retain_until = _add_months(row.created_at.date(), data.RETENTION_MONTHS)
    ctx.add(row)
    if cv := CVS.get(person.email):
        text = _cv_text(person, cv)
        content = text.encode("utf-8")
        ascii_name = unicodedata.normalize("NFKD", person.name).encode("ascii", "ignore")
        ctx.add(
            Attachment(
                candidate_id=cid,
                filename="_".join(ascii_name.decode().split()) + "_CV.txt",
                mime="text/plain",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
                text=text,
                kind="cv",
                added_at=row.created_at,
            )
        )


def _application(
    ctx: DemoContext, person: Candidate, spec: CandidateData, app: Apply
) -> tuple[datetime, datetime]:
    """Add one application with its history, interviews and offer; returns its span.

    Working days ago are laid out backwards from the last move: each move follows the
    previous one by 2-4 working days, and the interview stage lasts two working days
    per round (rounds on alternate days) so that the next move comes after the last one.
    """
    path, rounds = _path(app), ctx.rounds[app.role]
    stage = path[-1]
    interviewed = Stage.INTERVIEW in path and stage is not Stage.INTERVIEW
    if stage is Stage.INTERVIEW:
        done = 1 + ctx.rng.randrange(2)
    elif interviewed and path[path.index(Stage.INTERVIEW) + 1] is Stage.SHORTLISTED:
        done = len(rounds)
    else:
        done = 1 if stage is Stage.WITHDRAWN else len(rounds) - 1
    gaps = [2 * done + 1 if s is Stage.INTERVIEW else ctx.rng.randint(2, 4) for s in path[:-1]]
    if stage is Stage.INTERVIEW:
        last = 2 * done + 1
    elif stage is Stage.OFFER:
        last = 4  # the offer is approved that day and sent three working days ago
    else:
        last = ctx.rng.randint(1, 6 if stage is Stage.APPLIED else 4)
    offsets = [last]
    for gap in reversed(gaps):
        offsets.insert(0, offsets[0] + gap)
    times = [
        ctx.ago(o, time(9 + ctx.rng.randrange(7), ctx.rng.randrange(0, 60, 5))) for o in offsets
    ]
    reason = data.WITHDRAWN_REASON if stage is Stage.WITHDRAWN else app.reason or ""
    application = Application(
        candidate_id=row_id(person),
        role_id=row_id(ctx.roles[app.role]),
        stage=stage.value,
        closed_reason=reason,
        applied_at=times[0],
        updated_at=times[-1],
    )
    ctx.add(application)
    ctx.counts["applications"] += 1
    via = "email" if spec.source == Source.OTHER else Source(spec.source).label
    notes = {
        **_STAGE_NOTES,
        Stage.APPLIED: f"Applied via {via}.",
        Stage.REJECTED: f"Closed: {reason.lower()}.",
    }
    ctx.add(
        *(
            StageEvent(
                application_id=row_id(application),
                from_stage=path[i - 1].value if i else None,
                to_stage=to_stage.value,
                at=at,
                by_member_id=ctx.members[_MOVED_BY[to_stage]],
                note=notes[to_stage],
            )
            for i, (to_stage, at) in enumerate(zip(path, times, strict=True))
        )
    )
    if Stage.INTERVIEW in path:
        _interviews(ctx, application, app, spec, offsets[path.index(Stage.INTERVIEW)], done)
    if stage is Stage.OFFER:
        _offer(ctx, application, person, times[-1])
    return times[0], times[-1]


def _interviews(
    ctx: DemoContext,
    application: Application,
    app: Apply,
    person: CandidateData,
    start: int,
    done: int,
) -> None:
    """Past rounds (done, with scorecards), then the next one: scheduled or cancelled."""
    stage = Stage(app.stage)
    remote = person.work_mode == "remote" or not person.location.endswith("Ireland")
    strength = 3.4 if stage in (Stage.SHORTLISTED, Stage.OFFER, Stage.HIRED) else 3.0
    if app.reason == data.REJECTION_REASONS[0]:  # skills do not match
        strength = 1.9
    for index, (round_row, round_data) in enumerate(ctx.rounds[app.role][: done + 1]):
        ago = start - 1 - 2 * index  # a round every other working day; the day after is spare
        days = [ctx.workday(-ago), ctx.workday(-(ago - 1))]
        if index < done:
            status, note = InterviewStatus.DONE, ""
        elif stage is Stage.INTERVIEW:
            ahead = ctx.rng.randint(1, 8)
            days = [ctx.workday(ahead), ctx.workday(ahead + 1)]
            status, note = InterviewStatus.SCHEDULED, "Invitation sent; the candidate confirmed."
        elif stage is Stage.WITHDRAWN:
            days = days[:1]  # the day the candidate withdrew
            status, note = InterviewStatus.CANCELLED, "Cancelled: the candidate withdrew."
        else:
            break
        members = [ctx.members[key] for key in round_data.interviewers]
        phone = index == 0
        video = ""
        if remote and not phone:
            video = f"{data.VIDEO_BASE}{ctx.rng.randrange(16**6):06x}"
        interview = Interview(
            application_id=row_id(application),
            round_id=row_id(round_row),
            round_name=round_row.name,
            starts_at=ctx.book(days, members),
            timezone=data.COMPANY_TIMEZONE,
            duration_minutes=round_row.duration_minutes,
            location="By phone" if phone else ("" if video else data.OFFICE),
            video_link=video,
            status=status.value,
            notes=note,
            created_at=ctx.ago(start, time(16, 0)),
        )
        ctx.add(interview)
        ctx.counts["interviews"] += 1
        ctx.add(
            *(InterviewInterviewer(interview_id=row_id(interview), member_id=m) for m in members)
        )
        if status is InterviewStatus.DONE:
            for member_id in members:
                _scorecard(ctx, interview, member_id, round_data, strength)


def _scorecard(
    ctx: DemoContext,
    interview: Interview,
    member_id: int,
    round_data: demo_plans.RoundData,
    strength: float,
) -> None:
    competencies = split_list(round_data.competencies)
    ratings = [min(4, max(1, round(strength + ctx.rng.uniform(-0.9, 0.9)))) for _ in competencies]
    mean = sum(ratings) / len(ratings)
    if mean >= 3.5:
        recommendation = Recommendation.STRONG_YES
    elif mean >= 2.6:
        recommendation = Recommendation.YES
    elif mean >= 1.8:
        recommendation = Recommendation.NO
    else:
        recommendation = Recommendation.STRONG_NO
    end = interview.starts_at + timedelta(minutes=interview.duration_minutes)
    card = Scorecard(
        interview_id=row_id(interview),
        interviewer_id=member_id,
        recommendation=recommendation.value,
        notes=_SCORECARD_NOTES[recommendation],
        submitted_at=end + timedelta(minutes=ctx.rng.randrange(20, 180, 5)),
    )
    ctx.add(card)
    ctx.add(
        *(
            ScorecardRating(scorecard_id=row_id(card), competency=c, rating=r)
            for c, r in zip(competencies, ratings, strict=True)
        )
    )


def _offer(
    ctx: DemoContext, application: Application, person: Candidate, chosen_at: datetime
) -> None:
    """The offer as sent: the candidate's expectation, kept inside the role's band."""
    role = ctx.session.get(Role, application.role_id)
    assert role is not None
    salary = person.salary_expectation_minor or role.salary_min_minor or 0
    salary = max(role.salary_min_minor or 0, min(salary, role.salary_max_minor or salary))
    sent_at = ctx.ago(3, time(10, 30))
    start = ctx.today + timedelta(days=35)
    start += timedelta(days=-start.weekday() % 7)  # the first Monday five weeks from now
    ctx.add(
        Offer(
            application_id=row_id(application),
            salary_minor=salary,
            currency=role.salary_currency,
            pay_period=PayPeriod.YEAR.value,
            bonus="Up to 8% of salary a year, based on company and personal goals",
            start_date=start,
            employment_type=role.employment_type,
            probation="Six months, with a review meeting after three",
            working_hours="39 hours a week, Monday to Friday; core hours 10:00 to 16:00",
            place_of_work="Hybrid: our office at Millrace Yard, Dublin 8, on Tuesdays and "
            "Thursdays; the other days from home in Ireland",
            benefits="\n".join(data.OFFER_TEXT),
            expiry_date=ctx.workday(-3) + timedelta(days=10),
            conditions="Subject to two satisfactory references and proof of your right to "
            "work in Ireland.",
            status=OfferStatus.SENT.value,
            approved_by_id=ctx.members["ceo"],
            approved_at=chosen_at + timedelta(hours=2),
            sent_at=sent_at,
            created_at=chosen_at,
            updated_at=sent_at,
        )
    )


def _path(app: Apply) -> list[Stage]:
    """The stages an application went through, ending with its current one."""
    stage = Stage(app.stage)
    if stage in PIPELINE:
        return list(PIPELINE[: PIPELINE.index(stage) + 1])
    reached = Stage(app.reached or Stage.APPLIED.value)
    return [*PIPELINE[: PIPELINE.index(reached) + 1], stage]


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _cv_text(person: CandidateData, cv: CvData) -> str:
    links = [f"https://www.linkedin.com/in/{person.linkedin}"] if person.linkedin else []
    links += [f"https://github.com/{person.github}"] if person.github else []
    lines = [person.name, f"{person.title} · {person.location}"]
    lines += [f"{person.email} · {person.phone}", " · ".join(links), "", "SUMMARY", cv.summary]
    lines += ["", "EXPERIENCE"]
    for job in cv.jobs:
        lines += [f"{job.period}  {job.position}", *(f"  - {b}" for b in job.bullets), ""]
    lines += ["SKILLS", ", ".join(split_list(person.skills)), "", "EDUCATION", cv.education]
    return "\n".join(lines) + "\n"
