"""Reading everything an interview pack prints, for chosen applications of one role.

Part of the interview-pack service (``interview_packs.py`` chooses the applications
and is the entry point). :class:`PackGathering` runs inside the caller's session
and needs a fixed number of queries however many candidates the pack has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, timedelta

from sqlalchemy import select
from sqlmodel import Session, col

from hiring_desk import clock
from hiring_desk.documents.interview_pack_views import (
    NOTES_SOURCE,
    PackCandidate,
    PackData,
    PackInterview,
    PackQuestion,
    PackRole,
    PackRound,
)
from hiring_desk.documents.scorecard_views import InterviewScorecards, ScorecardView
from hiring_desk.domain.competencies import competencies_for_skill_groups
from hiring_desk.domain.match import match, skill_key
from hiring_desk.domain.vocab import (
    EmploymentType,
    InterviewStatus,
    Seniority,
    SkillImportance,
    WorkMode,
)
from hiring_desk.services.common.time_zones import as_utc, zone_or_utc
from hiring_desk.services.interviews.plan_views import plan_view
from hiring_desk.services.interviews.scorecard_views import interviewers_of, scorecard_views
from hiring_desk.services.interviews.scorecards import DEFAULT_SOFT, DEFAULT_TECHNICAL
from hiring_desk.services.roles import skills_catalog
from hiring_desk.services.team.company import PROFILE_ID
from hiring_desk.store.models import (
    Application,
    Attachment,
    Candidate,
    CandidateSkill,
    CompanyProfile,
    Interview,
    InterviewPlan,
    Role,
    RoleSkill,
    TeamMember,
)

#: How much of a CV's text the profile page shows.
CV_SUMMARY_CHARS = 1200
#: The round a pack prints when the role has neither a plan nor any interview.
FALLBACK_ROUND = "Interview"
FALLBACK_MINUTES = 60

_SCHEDULED = InterviewStatus.SCHEDULED.value
_MUST = SkillImportance.MUST.value
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0]+")


# -- gathering --------------------------------------------------------------------------------


class PackGathering:
    """Reads what a pack needs for some applications of one role, a fixed number of queries.

    ``only``: the pack is for this one interview (its application is the only one).
    """

    def __init__(
        self,
        session: Session,
        role: Role,
        applications: Sequence[Application],
        only: Interview | None,
    ) -> None:
        self.session = session
        self.role = role
        self.applications = list(applications)
        self.only = only
        application_ids = [a.id or 0 for a in self.applications]
        candidate_ids = [a.candidate_id for a in self.applications]
        self.candidates: dict[int, Candidate] = {
            c.id or 0: c
            for c in session.execute(
                select(Candidate).where(col(Candidate.id).in_(candidate_ids))
            ).scalars()
        }
        self.interviews: list[Interview] = list(
            session.execute(
                select(Interview)
                .where(col(Interview.application_id).in_(application_ids))
                .order_by(col(Interview.starts_at), col(Interview.id))
            ).scalars()
        )
        interview_ids = [iv.id or 0 for iv in self.interviews]
        self.people = interviewers_of(session, interview_ids)
        self.cards: dict[int, list[ScorecardView]] = {}
        for card in scorecard_views(session, interview_ids):
            self.cards.setdefault(card.interview_id, []).append(card)

    # -- the pack ----------------------------------------------------------------------------

    def pack(self) -> PackData:
        skills = self._role_skills()
        must = tuple(skill for skill, importance in skills if importance == _MUST)
        nice = tuple(skill for skill, importance in skills if importance != _MUST)
        profile = self.session.get(CompanyProfile, PROFILE_ID) or CompanyProfile()
        default_competencies = _default_competencies(skill for skill, _ in skills)
        plan_rounds = self._plan_rounds(default_competencies)
        candidate_skills = self._candidate_skills()
        cvs = self._newest_cv_texts()
        packed = [
            self._candidate(
                app, must, nice, candidate_skills, cvs, plan_rounds, default_competencies
            )
            for app in self.ordered()
        ]
        schedule = sorted(
            {iv.id: iv for c in packed for iv in c.interviews}.values(),
            key=lambda iv: (iv.local_start, iv.id),
        )
        locale = profile.locale or "en_GB"
        return PackData(
            company_name=profile.name,
            company_address=profile.address,
            company_logo=profile.logo,
            locale=locale,
            printed_on=clock.today(),
            role=self._role_view(must, nice),
            schedule=tuple(schedule),
            candidates=tuple(packed),
        )

    def ordered(self) -> list[Application]:
        """The applications by their next interview (none last), then by name."""

        def key(app: Application) -> tuple[int, str, str, int]:
            booked = self.scheduled(app)
            first = booked[0].local_start.astimezone(UTC).isoformat() if booked else ""
            name = self.candidates[app.candidate_id].name
            return (0 if booked else 1, first, name.casefold(), app.id or 0)

        return sorted(self.applications, key=key)

    def scheduled(self, app: Application) -> list[PackInterview]:
        """The interviews this pack is printed for, for one application, earliest first."""
        return [self._interview(iv) for iv in self._booked(app)]

    def _booked(self, app: Application) -> list[Interview]:
        if self.only is not None:
            return [self.only] if self.only.application_id == app.id else []
        return [
            iv for iv in self.interviews if iv.application_id == app.id and iv.status == _SCHEDULED
        ]

    # -- one candidate ------------------------------------------------------------------------

    def _candidate(
        self,
        app: Application,
        must: tuple[str, ...],
        nice: tuple[str, ...],
        candidate_skills: dict[int, list[str]],
        cvs: dict[int, tuple[str, str]],
        plan_rounds: list[tuple[int | None, PackRound]],
        default_competencies: tuple[str, ...],
    ) -> PackCandidate:
        person = self.candidates[app.candidate_id]
        have = candidate_skills.get(app.candidate_id, [])
        role_keys = {skill_key(s) for s in (*must, *nice)}
        booked = self._booked(app)
        printed = [self._interview(iv) for iv in booked]
        earlier = [
            self._scorecards(iv)
            for iv in self.interviews
            if iv.application_id == app.id and iv not in booked and self.cards.get(iv.id or 0)
        ]
        source, text = cvs.get(app.candidate_id, ("", ""))
        if not text and person.notes.strip():
            source, text = NOTES_SOURCE, person.notes
        return PackCandidate(
            candidate_id=app.candidate_id,
            application_id=app.id or 0,
            name=person.name,
            stage=app.stage,
            current_title=person.current_title,
            years_experience=person.years_experience,
            notice_weeks=person.notice_weeks,
            email=person.email,
            phone=person.phone,
            location=person.location,
            links=tuple(
                link
                for link in (person.linkedin_url, person.github_url, person.portfolio_url)
                if link
            ),
            skills=match(have, must, nice),
            other_skills=tuple(s for s in have if skill_key(s) not in role_keys),
            cv_summary=excerpt(text, CV_SUMMARY_CHARS),
            cv_source=source if text else "",
            earlier=tuple(earlier),
            interviews=tuple(printed),
            rounds=_rounds_for(booked, printed, plan_rounds, default_competencies),
        )

    def _interview(self, iv: Interview) -> PackInterview:
        starts = as_utc(iv.starts_at)
        zone = zone_or_utc(iv.timezone)
        return PackInterview(
            id=iv.id or 0,
            candidate_name=self._candidate_name(iv.application_id),
            round_name=iv.round_name,
            local_start=starts.astimezone(zone),
            local_end=(starts + timedelta(minutes=iv.duration_minutes)).astimezone(zone),
            timezone=iv.timezone,
            location=iv.location,
            video_link=iv.video_link,
            interviewers=tuple(m.name for m in self.people.get(iv.id or 0, ())),
            status=iv.status,
        )

    def _candidate_name(self, application_id: int) -> str:
        app = next(a for a in self.applications if a.id == application_id)
        return self.candidates[app.candidate_id].name

    def _scorecards(self, iv: Interview) -> InterviewScorecards:
        return InterviewScorecards(
            interview_id=iv.id or 0,
            round_name=iv.round_name,
            starts_at=as_utc(iv.starts_at),
            timezone=iv.timezone,
            status=iv.status,
            interviewers=self.people.get(iv.id or 0, ()),
            scorecards=tuple(self.cards.get(iv.id or 0, ())),
        )

    # -- the role -----------------------------------------------------------------------------

    def _role_skills(self) -> list[tuple[str, str]]:
        return [
            (row.skill, row.importance)
            for row in self.session.execute(
                select(RoleSkill)
                .where(col(RoleSkill.role_id) == self.role.id)
                .order_by(col(RoleSkill.position), col(RoleSkill.id))
            ).scalars()
        ]

    def _role_view(self, must: tuple[str, ...], nice: tuple[str, ...]) -> PackRole:
        role = self.role
        manager = (
            self.session.get(TeamMember, role.hiring_manager_id) if role.hiring_manager_id else None
        )
        summary = role.project.strip()
        if summary and role.project_duration.strip():
            summary = f"{summary} ({role.project_duration.strip()})"
        return PackRole(
            id=role.id or 0,
            title=role.title,
            seniority=_label(Seniority, role.seniority),
            employment_type=_label(EmploymentType, role.employment_type),
            work_mode=_label(WorkMode, role.work_mode),
            location=role.location,
            hiring_manager=manager.name if manager else "",
            min_years_experience=role.min_years_experience,
            education=role.education,
            start_by=role.start_by,
            summary=summary,
            must_have=must,
            nice_to_have=nice,
        )

    def _plan_rounds(self, default: tuple[str, ...]) -> list[tuple[int | None, PackRound]]:
        """(plan round id, round) in order: the role's plan, else its interviews' rounds.

        Rounds that come from interviews have no id and no questions; with neither a
        plan nor interviews there is one general round, so the pack has a scorecard.
        """
        plan = self.session.execute(
            select(InterviewPlan).where(col(InterviewPlan.role_id) == self.role.id)
        ).scalar_one_or_none()
        if plan is not None:
            rounds: list[tuple[int | None, PackRound]] = []
            for r in plan_view(self.session, plan).rounds:
                questions = tuple(
                    PackQuestion(q.competency, q.text, q.strong, q.weak) for q in r.questions
                )
                pack_round = PackRound(
                    r.name, r.duration_minutes, r.competencies or default, questions, None
                )
                rounds.append((r.id, pack_round))
            if rounds:
                return rounds
        seen: dict[str, PackRound] = {}
        for name, minutes in self.session.execute(
            select(col(Interview.round_name), col(Interview.duration_minutes))
            .join(Application, col(Application.id) == Interview.application_id)
            .where(col(Application.role_id) == self.role.id)
            .order_by(col(Interview.starts_at), col(Interview.id))
        ).all():
            label = name.strip() or FALLBACK_ROUND
            seen.setdefault(label.casefold(), PackRound(label, minutes, default, (), None))
        found = list(seen.values()) or [
            PackRound(FALLBACK_ROUND, FALLBACK_MINUTES, default, (), None)
        ]
        return [(None, r) for r in found]

    def _candidate_skills(self) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for candidate_id, skill in self.session.execute(
            select(col(CandidateSkill.candidate_id), col(CandidateSkill.skill))
            .where(col(CandidateSkill.candidate_id).in_(list(self.candidates)))
            .order_by(col(CandidateSkill.id))
        ).all():
            found.setdefault(candidate_id, []).append(skill)
        return found

    def _newest_cv_texts(self) -> dict[int, tuple[str, str]]:
        """Candidate id -> (file name, text) of their newest file with text, CVs first."""
        rows = self.session.execute(
            select(
                col(Attachment.candidate_id),
                col(Attachment.filename),
                col(Attachment.kind),
                col(Attachment.text),
            )
            .where(col(Attachment.candidate_id).in_(list(self.candidates)))
            .where(col(Attachment.text) != "")
            .order_by(col(Attachment.added_at).desc(), col(Attachment.id).desc())
        ).all()
        found: dict[int, tuple[str, str, bool]] = {}
        for candidate_id, filename, kind, text in rows:
            is_cv = kind == "cv"
            if candidate_id not in found or (is_cv and not found[candidate_id][2]):
                found[candidate_id] = (filename, text, is_cv)
        return {cid: (filename, text) for cid, (filename, text, _) in found.items()}


# -- pieces -----------------------------------------------------------------------------------


def _rounds_for(
    booked: Sequence[Interview],
    printed: Sequence[PackInterview],
    plan_rounds: Sequence[tuple[int | None, PackRound]],
    default: tuple[str, ...],
) -> tuple[PackRound, ...]:
    """The booked interviews' rounds (matched to the plan by id, then by name), else all."""
    if not booked:
        return tuple(r for _, r in plan_rounds)
    by_id = {round_id: r for round_id, r in plan_rounds if round_id is not None}
    by_name = {r.name.casefold(): r for _, r in reversed(plan_rounds)}
    rounds: list[PackRound] = []
    for iv, shown in zip(booked, printed, strict=True):
        planned = by_id.get(iv.round_id) if iv.round_id is not None else None
        planned = planned or by_name.get(iv.round_name.strip().casefold())
        if planned is None:
            planned = PackRound(iv.round_name.strip() or FALLBACK_ROUND, 0, default, (), None)
        rounds.append(replace(planned, duration_minutes=iv.duration_minutes, interview=shown))
    return tuple(rounds)


def _default_competencies(skills: Iterable[str]) -> tuple[str, ...]:
    """What a round that names no competencies rates: the role's technical areas, then soft."""
    groups = [group for skill in skills if (group := skills_catalog.group_of(skill))]
    technical = competencies_for_skill_groups(groups) or list(DEFAULT_TECHNICAL)
    return tuple(c.value for c in (*technical, *DEFAULT_SOFT))


def _label(vocabulary: type[Seniority] | type[EmploymentType] | type[WorkMode], value: str) -> str:
    try:
        return vocabulary(value).label
    except ValueError:
        return value


def excerpt(text: str, limit: int) -> str:
    """The start of ``text``, tidied, cut at a word boundary to at most ``limit`` characters.

    Control characters go, runs of spaces become one, lines lose their trailing
    spaces and no more than one blank line is kept between paragraphs. A cut
    text ends with "…".
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(
        ch if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs", "Co") else " "
        for ch in text
    )
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    tidy = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if len(tidy) <= limit:
        return tidy
    cut = tidy[: limit - 1]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" \n,;:.-") + "…"
