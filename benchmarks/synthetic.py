"""Rows of invented candidates and their hiring history, as plain dicts for Core inserts.

Deterministic for a given seed. Names mix plain Latin, accented Latin, Greek,
Cyrillic and CJK so search folding and sorting see what a real workbook holds; CVs
are short text blobs of the kind ``services.cv_text`` extracts.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from hiring_desk.domain.competencies import Competency
from hiring_desk.domain.vocab import (
    InterviewStatus,
    OfferStatus,
    Recommendation,
    Source,
    Stage,
)

FIRST_NAMES = (
    "Anna", "Ben", "Chloé", "Dmitri", "Elif", "Fatima", "Gustav", "Hana", "Ingrid", "João",
    "Kari", "Lena", "Marta", "Nikolai", "Olga", "Pål", "Quentin", "Rosa", "Søren", "Tomás",
    "Ulla", "Vera", "Wojciech", "Xiu", "Yusuf", "Zoë", "Ana", "Björn", "Camille", "Đorđe",
    "Emma", "Farid", "Grete", "Hugo", "Irene", "Jens", "Katarzyna", "Luis", "Mia", "Noah",
    "Γιώργος", "Ελένη", "Иван", "Мария", "明", "優子", "지민",
)  # fmt: skip
LAST_NAMES = (
    "Andersen", "Bianchi", "Costa", "Dubois", "Ødegård", "Fischer", "García", "Hansen",
    "Ivanova", "Jensen", "Kowalski", "Łukasiewicz", "Müller", "Nowak", "O'Brien", "Petrov",
    "Quist", "Rossi", "Schmidt", "Træ", "Ueda", "Virtanen", "Weiß", "Yilmaz", "Zhang",
    "Novák", "Horváth", "Silva", "Smith", "Taylor", "Nguyễn", "Kim", "Park", "Haddad",
    "Παπαδόπουλος", "Смирнов", "王", "佐藤",
)  # fmt: skip
CITIES = (
    "Oslo", "Berlin", "Lisbon", "Kraków", "Madrid", "Dublin", "Athens", "Tallinn", "Lyon",
    "Utrecht", "Remote", "Brno", "Göteborg", "Milano", "Zürich", "Seoul", "Osaka",
)  # fmt: skip
TITLES = (
    "Backend Developer", "Software Engineer", "Senior Python Developer", "Java Developer",
    "Full-Stack Developer", "Database Administrator", "Platform Engineer", "Go Developer",
    "Integration Engineer", "Junior Developer", "Tech Lead", "Data Engineer",
)  # fmt: skip
SKILLS = (
    "Python", "Django", "FastAPI", "Flask", "PostgreSQL", "MySQL", "SQLite", "Redis", "Docker",
    "Kubernetes", "AWS", "Azure", "GCP", "Java", "Spring Boot", "Kotlin", "Go", "Rust", "C#",
    ".NET", "Node.js", "TypeScript", "GraphQL", "REST", "gRPC", "Kafka", "RabbitMQ", "Terraform",
    "Linux", "Git", "CI/CD", "pytest", "SQL", "MongoDB", "Elasticsearch", "OAuth", "Celery",
)  # fmt: skip
TAGS = ("referral-bonus", "relocating", "silver-medallist", "visa", "part-time-ok", "rehire")
COMPANIES = ("Nordlys AS", "Bitfabrik GmbH", "Lumen Ltd", "Kavo Systems", "Atlas Pay", "Ferro")
ROUND_NAMES = ("Phone screen", "Technical interview", "System design", "Team fit")

#: (stage, weight) of the newest application of a candidate.
STAGE_WEIGHTS: tuple[tuple[Stage, int], ...] = (
    (Stage.APPLIED, 38),
    (Stage.SCREENING, 20),
    (Stage.INTERVIEW, 12),
    (Stage.SHORTLISTED, 5),
    (Stage.OFFER, 2),
    (Stage.HIRED, 1),
    (Stage.REJECTED, 18),
    (Stage.WITHDRAWN, 4),
)
_OPEN_PATH = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.SHORTLISTED, Stage.OFFER)
_INTERVIEWED = {Stage.INTERVIEW, Stage.SHORTLISTED, Stage.OFFER, Stage.HIRED}


@dataclass
class Rows:
    """Rows for each table, keyed by table name, in insert order."""

    tables: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, object]) -> None:
        self.tables.setdefault(table, []).append(row)


@dataclass(frozen=True)
class Start:
    """Where the new rows' ids start, and what they may point at."""

    candidate_id: int
    application_id: int
    interview_id: int
    scorecard_id: int
    role_ids: Sequence[int]
    member_ids: Sequence[int]


class _Ids:
    def __init__(self, start: Start) -> None:
        self.candidate = start.candidate_id
        self.application = start.application_id
        self.interview = start.interview_id
        self.scorecard = start.scorecard_id


def candidate_rows(count: int, start: Start, seed: int = 8) -> Rows:
    """``count`` candidates with skills, tags, a CV, applications and what followed them."""
    rng = random.Random(seed)
    now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    rows = Rows()
    ids = _Ids(start)
    for number in range(count):
        _candidate(rows, rng, ids, start, now, number)
    return rows


def _candidate(
    rows: Rows, rng: random.Random, ids: _Ids, start: Start, now: datetime, number: int
) -> None:
    cid = ids.candidate
    ids.candidate += 1
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    name = f"{first} {last}"
    skills = rng.sample(SKILLS, rng.randint(3, 8))
    title = rng.choice(TITLES)
    city = rng.choice(CITIES)
    years = rng.randint(0, 25)
    created = now - timedelta(days=rng.randint(0, 720), minutes=rng.randint(0, 1440))
    ascii_first = first.encode("ascii", "ignore").decode().lower() or "person"
    rows.add(
        "candidate",
        {
            "id": cid,
            "name": name,
            "sort_name": "",  # store.search.rebuild fills it
            "email": f"{ascii_first}.{number}@example.org",
            "phone": f"+47 {rng.randint(400, 999)} {rng.randint(10, 99)} {rng.randint(100, 999)}",
            "location": city,
            "postal_address": "",
            "linkedin_url": f"https://www.linkedin.com/in/{ascii_first}-{number}",
            "github_url": f"https://github.com/{ascii_first}{number}" if rng.random() < 0.5 else "",
            "portfolio_url": "",
            "source": rng.choice(list(Source)).value,
            "current_title": title,
            "years_experience": years,
            "salary_expectation_minor": rng.randint(45, 120) * 1000 * 100,
            "salary_currency": "EUR",
            "salary_period": "year",
            "notice_weeks": rng.choice((0, 2, 4, 8, 12)),
            "work_mode_preference": rng.choice(("remote", "hybrid", "on_site", None)),
            "notes": _notes(rng, skills) if rng.random() < 0.3 else "",
            "consent_method": "",
            "created_at": created,
            "updated_at": created,
        },
    )
    for skill in skills:
        rows.add("candidate_skill", {"candidate_id": cid, "skill": skill})
    for tag in rng.sample(TAGS, rng.choice((0, 0, 0, 1, 1, 2))):
        rows.add("candidate_tag", {"candidate_id": cid, "tag": tag})
    text = cv_text(rng, name, title, city, years, skills)
    blob = text.encode()
    rows.add(
        "attachment",
        {
            "candidate_id": cid,
            "filename": f"CV {number}.txt",
            "mime": "text/plain",
            "size": len(blob),
            "sha256": hashlib.sha256(blob).hexdigest(),
            "content": blob,
            "text": text,
            "kind": "cv",
            "added_at": created,
        },
    )
    applications = rng.choices((0, 1, 1, 1, 1, 1, 1, 2, 2, 3), k=1)[0]
    roles = rng.sample(list(start.role_ids), min(applications, len(start.role_ids)))
    for index, role_id in enumerate(roles):
        newest = index == len(roles) - 1
        stage = _weighted_stage(rng) if newest else rng.choice((Stage.REJECTED, Stage.WITHDRAWN))
        applied = created + timedelta(days=index * 3, hours=rng.randint(0, 30))
        _application(rows, rng, ids, start, cid, role_id, stage, applied)


def _weighted_stage(rng: random.Random) -> Stage:
    stages, weights = zip(*STAGE_WEIGHTS, strict=True)
    return rng.choices(stages, weights=weights, k=1)[0]


def _application(
    rows: Rows,
    rng: random.Random,
    ids: _Ids,
    start: Start,
    cid: int,
    role_id: int,
    stage: Stage,
    applied: datetime,
) -> None:
    aid = ids.application
    ids.application += 1
    path = list(_path_to(stage, rng))
    at = applied
    previous: str | None = None
    for step in path:
        rows.add(
            "stage_event",
            {
                "application_id": aid,
                "from_stage": previous,
                "to_stage": step.value,
                "at": at,
                "by_member_id": rng.choice(start.member_ids) if previous else None,
                "note": "",
            },
        )
        previous = step.value
        at += timedelta(days=rng.randint(1, 9))
    rows.add(
        "application",
        {
            "id": aid,
            "candidate_id": cid,
            "role_id": role_id,
            "stage": stage.value,
            "match_score": None,  # services.match_scores.refresh_all fills it
            "closed_reason": "Not enough experience" if stage is Stage.REJECTED else "",
            "applied_at": applied,
            "updated_at": at,
        },
    )
    reached = set(path)
    if reached & _INTERVIEWED:
        _interviews(rows, rng, ids, start, aid, applied, done=stage is not Stage.INTERVIEW)
    if stage in (Stage.OFFER, Stage.HIRED):
        _offer(rows, rng, aid, at, accepted=stage is Stage.HIRED)


def _path_to(stage: Stage, rng: random.Random) -> Iterator[Stage]:
    if stage in (Stage.REJECTED, Stage.WITHDRAWN):
        reached = rng.randint(1, 3)
        yield from _OPEN_PATH[:reached]
        yield stage
        return
    if stage is Stage.HIRED:
        yield from _OPEN_PATH
        yield Stage.HIRED
        return
    yield from _OPEN_PATH[: _OPEN_PATH.index(stage) + 1]


def _interviews(
    rows: Rows,
    rng: random.Random,
    ids: _Ids,
    start: Start,
    aid: int,
    applied: datetime,
    *,
    done: bool,
) -> None:
    for position, round_name in enumerate(ROUND_NAMES[: rng.randint(1, 3)]):
        iid = ids.interview
        ids.interview += 1
        finished = done or position == 0
        starts = applied + timedelta(days=7 + 5 * position, hours=rng.randint(8, 16))
        rows.add(
            "interview",
            {
                "id": iid,
                "application_id": aid,
                "round_id": None,
                "round_name": round_name,
                "starts_at": starts,
                "timezone": "Europe/Oslo",
                "duration_minutes": 60,
                "location": "Meeting room 2",
                "video_link": "",
                "status": (InterviewStatus.DONE if finished else InterviewStatus.SCHEDULED).value,
                "notes": "",
                "created_at": applied,
            },
        )
        interviewers = rng.sample(list(start.member_ids), min(2, len(start.member_ids)))
        for member in interviewers:
            rows.add("interview_interviewer", {"interview_id": iid, "member_id": member})
        if not finished:
            continue
        for member in interviewers:
            sid = ids.scorecard
            ids.scorecard += 1
            rows.add(
                "scorecard",
                {
                    "id": sid,
                    "interview_id": iid,
                    "interviewer_id": member,
                    "recommendation": rng.choice(list(Recommendation)).value,
                    "notes": "Clear answers; asked good questions about the team.",
                    "submitted_at": starts + timedelta(hours=2),
                },
            )
            for competency in rng.sample(list(Competency), 4):
                rows.add(
                    "scorecard_rating",
                    {
                        "scorecard_id": sid,
                        "competency": competency.value,
                        "rating": rng.randint(1, 4),
                        "note": "",
                    },
                )


def _offer(rows: Rows, rng: random.Random, aid: int, at: datetime, *, accepted: bool) -> None:
    rows.add(
        "offer",
        {
            "application_id": aid,
            "salary_minor": rng.randint(55, 110) * 1000 * 100,
            "currency": "EUR",
            "pay_period": "year",
            "start_date": (at + timedelta(days=60)).date(),
            "employment_type": "full_time",
            "probation": "6 months",
            "expiry_date": (at + timedelta(days=14)).date(),
            "status": (OfferStatus.ACCEPTED if accepted else OfferStatus.SENT).value,
            "sent_at": at,
            "accepted_at": at + timedelta(days=3) if accepted else None,
            "created_at": at,
            "updated_at": at,
        },
    )


def cv_text(
    rng: random.Random, name: str, title: str, city: str, years: int, skills: Sequence[str]
) -> str:
    """A plain-text CV of about a kilobyte."""
    company = rng.choice(COMPANIES)
    since = date(2026 - min(years, 20), rng.randint(1, 12), 1)
    lines = [
        name,
        f"{title}, {city}",
        "",
        "Summary",
        f"{title} with {years} years of experience building web services and data pipelines.",
        f"Main tools: {', '.join(skills)}.",
        "",
        "Experience",
        f"{company}, {title} (since {since:%B %Y})",
        f"- Built and ran services in {skills[0]} handling thousands of requests a minute.",
        f"- Moved reporting from nightly batches to {skills[-1]}, cutting delays to minutes.",
        "- Wrote the on-call runbook and mentored two junior developers.",
        f"{rng.choice(COMPANIES)}, Developer",
        f"- Maintained the billing API and its {rng.choice(SKILLS)} integration.",
        "",
        "Education",
        "BSc Computer Science",
        "",
        "Languages: English (fluent), " + rng.choice(("German", "Norwegian", "Spanish", "Polish")),
    ]
    return "\n".join(lines)


def _notes(rng: random.Random, skills: Sequence[str]) -> str:
    return rng.choice(
        (
            f"Strong in {skills[0]}; wants a remote role.",
            "Met at a meetup; follow up after the summer.",
            f"Asked about the {rng.choice(SKILLS)} migration project.",
            "Salary expectation above the range; worth a call anyway.",
        )
    )
