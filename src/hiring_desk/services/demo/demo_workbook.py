"""A demo workbook: an invented company hiring two backend developers, for trying the app.

The sample data lives in ``demo_data`` (company, team, roles, interview plans) and
``demo_candidates`` (candidates and CVs); ``demo_pipeline`` adds the candidates'
applications, history, interviews and offer; ``demo_today`` makes something of
every kind due on the Today page. Every date is placed relative to today
so the demo always looks current; everything else is deterministic.
"""

from __future__ import annotations

import io
import random
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func
from sqlmodel import select

from hiring_desk import clock
from hiring_desk.domain.formatting import format_money
from hiring_desk.domain.vocab import (
    EmploymentType,
    PayPeriod,
    RoleStatus,
    SkillImportance,
    TemplateKind,
)
from hiring_desk.services.common import audit, match_scores
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.common.time_zones import TIMEZONE_SETTING
from hiring_desk.services.demo import demo_data as data
from hiring_desk.services.demo import demo_plans
from hiring_desk.services.demo.demo_candidates import CANDIDATES
from hiring_desk.services.demo.demo_messages import add_messages
from hiring_desk.services.demo.demo_pipeline import DemoContext, add_candidates, row_id
from hiring_desk.services.demo.demo_stages import add_role_stages
from hiring_desk.services.demo.demo_today import add_today_items
from hiring_desk.store import Workbook, search
from hiring_desk.store.location import ServerAddress
from hiring_desk.store.models import (
    Candidate,
    CompanyProfile,
    CustomQuestion,
    InterviewPlan,
    InterviewRound,
    JobDescription,
    RejectionReason,
    Role,
    RoleSkill,
    RoundQuestion,
    TeamMember,
    UserTemplate,
    WorkbookSetting,
)

#: Seeds the small random choices (times of day, ratings), so the demo is repeatable.
SEED = 4127
_ACTOR = "Hiring Desk demo"


def create_demo_workbook(path: Path | str | ServerAddress) -> Workbook:
    """Create a new workbook at ``path`` (a file, or an empty database named by a
    PostgreSQL URL) filled with realistic sample data.

    Refuses (``WorkbookExistsError``, from ``Workbook.create``) if the file exists.
    Returns the open workbook; the caller closes it. If filling fails, the new file
    is removed again (a database keeps the empty workbook: the filling is one
    transaction, so nothing of it is left).
    """
    workbook = Workbook.create(path)
    try:
        fill_demo_data(workbook)
    except BaseException:
        workbook.close()
        if not workbook.is_file:
            raise
        for name in (workbook.path.name, f"{workbook.path.name}-wal", f"{workbook.path.name}-shm"):
            workbook.path.with_name(name).unlink(missing_ok=True)
        raise
    return workbook


def fill_demo_data(workbook: Workbook) -> None:
    """Fill an empty workbook with the sample data, all in one transaction.

    Raises ``ServiceError`` if the workbook already has team members, roles or
    candidates.
    """
    with workbook.transaction() as session:
        for table in (TeamMember, Role, Candidate):
            if session.exec(select(func.count()).select_from(table)).one():
                raise ServiceError(
                    "This workbook already holds data; demo data only goes into a new workbook."
                )
        ctx = DemoContext(session, clock.now(), _local_zone(), random.Random(SEED))
        for key, (name, title, email) in data.TEAM.items():
            member = TeamMember(name=name, title=title, email=email, created_at=ctx.ago(40))
            ctx.add(member)
            ctx.members[key] = row_id(member)
        _company(ctx)
        # The company's zone is the workbook's: new interviews are booked in it.
        ctx.add(WorkbookSetting(key=TIMEZONE_SETTING, value=data.COMPANY_TIMEZONE))
        for role in data.ROLES:
            _role(ctx, role)
        add_candidates(ctx)
        add_messages(ctx)
        add_role_stages(ctx)
        add_today_items(ctx)
        _extras(ctx)
        session.flush()
        search.rebuild(session)
        match_scores.refresh_all(session)


def _local_zone() -> tzinfo:
    try:
        return ZoneInfo(data.COMPANY_TIMEZONE)
    except ZoneInfoNotFoundError:  # no time zone database: the demo still works, in UTC
        return UTC


def _logo_png(initials: str) -> bytes:
    """A 256 px logo: the company's initials on a rounded teal square."""
    from PIL import Image, ImageDraw, ImageFont

    size = 256
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, size - 8, size - 8), radius=52, fill=(23, 107, 135, 255))
    draw.ellipse((182, 30, 218, 66), fill=(255, 196, 87, 255))  # the harbour light
    font = ImageFont.load_default(size=112)
    left, top, right, bottom = draw.textbbox((0, 0), initials, font=font)
    origin = ((size - (right - left)) / 2 - left, (size - (bottom - top)) / 2 - top + 6)
    draw.text(origin, initials, font=font, fill=(255, 255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _money(minor: int) -> str:
    return format_money(minor, data.COMPANY_CURRENCY, data.COMPANY_LOCALE, whole=True)


def _long_date(day: datetime | date) -> str:
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=data.COMPANY_LOCALE)


def _company(ctx: DemoContext) -> None:
    profile = ctx.session.get(CompanyProfile, 1) or CompanyProfile(id=1)
    profile.name, profile.address = data.COMPANY_NAME, data.COMPANY_ADDRESS
    profile.logo, profile.logo_mime = _logo_png(data.COMPANY_INITIALS), "image/png"
    profile.signatory_id = ctx.members["ceo"]
    profile.default_currency, profile.locale = data.COMPANY_CURRENCY, data.COMPANY_LOCALE
    profile.updated_at = ctx.ago(40)
    ctx.add(
        profile,
        WorkbookSetting(key="retention_months", value=str(data.RETENTION_MONTHS)),
        *(RejectionReason(text=t, position=i) for i, t in enumerate(data.REJECTION_REASONS)),
    )


def _role(ctx: DemoContext, spec: data.RoleData) -> None:
    created = ctx.ago(32)
    role = Role(
        title=spec.title,
        seniority=spec.seniority,
        employment_type=EmploymentType.FULL_TIME.value,
        work_mode=spec.work_mode,
        location=spec.location,
        headcount=spec.headcount,
        start_by=ctx.in_days(spec.start_in_days),
        project=spec.project,
        project_duration=spec.project_duration,
        salary_min_minor=spec.salary_min_minor,
        salary_max_minor=spec.salary_max_minor,
        salary_currency=data.COMPANY_CURRENCY,
        salary_period=PayPeriod.YEAR.value,
        hiring_manager_id=ctx.members["eng"],
        target_date=ctx.in_days(spec.target_in_days),
        education=spec.education,
        min_years_experience=spec.min_years,
        status=RoleStatus.OPEN.value,
        notes=spec.notes,
        created_at=created,
        updated_at=created,
    )
    ctx.add(role)
    ctx.roles[spec.key] = role
    skills = [(s, SkillImportance.MUST) for s in spec.must]
    skills += [(s, SkillImportance.NICE) for s in spec.nice]
    ctx.add(
        *(
            RoleSkill(role_id=row_id(role), skill=s, importance=imp.value, position=i)
            for i, (s, imp) in enumerate(skills)
        ),
        JobDescription(
            role_id=row_id(role),
            version=1,
            title=spec.title,
            body=_job_description(ctx, spec),
            note="First version; posted on LinkedIn, Indeed and our careers page.",
            created_by_id=ctx.members["eng"],
            created_at=ctx.ago(31),
        ),
    )
    plan = InterviewPlan(role_id=row_id(role), updated_at=ctx.ago(30))
    ctx.add(plan)
    ctx.rounds[spec.key] = []
    for position, round_data in enumerate(demo_plans.PLANS[spec.key]):
        row = InterviewRound(
            plan_id=row_id(plan),
            position=position,
            name=round_data.name,
            duration_minutes=round_data.minutes,
            competencies=round_data.competencies,
        )
        ctx.add(row)
        ctx.rounds[spec.key].append((row, round_data))
        ctx.add(
            *(
                RoundQuestion(
                    round_id=row_id(row),
                    position=i,
                    competency=q.competency,
                    text=q.text,
                    strong_answer=q.strong,
                    weak_answer=q.weak,
                )
                for i, q in enumerate(round_data.questions)
            )
        )


def _job_description(ctx: DemoContext, spec: data.RoleData) -> str:
    def bullets(items: tuple[str, ...]) -> str:
        return "\n".join(f"- {item}" for item in items)

    rounds = demo_plans.PLANS[spec.key]
    steps = [
        f"{n}. **{r.name}** ({r.minutes} minutes): {r.summary}." for n, r in enumerate(rounds, 1)
    ]
    steps.append(f"{len(rounds) + 1}. **Offer**: we call you, then send the offer in writing.")
    target = ctx.in_days(spec.target_in_days)
    closing = max(target - timedelta(days=14), ctx.in_days(5))
    return data.JD_TEMPLATE.format(
        title=spec.title,
        company=data.COMPANY_NAME,
        location=spec.location,
        employment=EmploymentType.FULL_TIME.label,
        salary=f"{_money(spec.salary_min_minor)} to {_money(spec.salary_max_minor)} a year",
        about=data.ABOUT_COMPANY,
        intro=spec.intro,
        project=spec.project,
        duration=spec.project_duration,
        responsibilities=bullets(spec.responsibilities),
        must=bullets(spec.must_text),
        nice=bullets(spec.nice_text),
        qualifications=bullets(spec.qualifications),
        offer=bullets(data.OFFER_TEXT),
        closing=_long_date(closing),
        offer_by=_long_date(target),
        timeline="\n".join(steps),
        email=data.CAREERS_EMAIL,
    )


def _extras(ctx: DemoContext) -> None:
    question = demo_plans.CUSTOM_QUESTION
    ctx.add(
        CustomQuestion(
            competency=question.competency,
            text=question.text,
            strong_answer=question.strong,
            weak_answer=question.weak,
            seniorities="mid,senior",
            created_at=ctx.ago(30),
        ),
        UserTemplate(
            kind=TemplateKind.JOB_DESCRIPTION.value,
            name=data.TEMPLATE_NAME,
            content=data.TEMPLATE_CONTENT,
            created_at=ctx.ago(33),
            updated_at=ctx.ago(33),
        ),
    )
    audit.record(ctx.session, "demo", "workbook", None, {"event": "created"}, _ACTOR)
    summary = {"candidates": len(CANDIDATES), **ctx.counts}
    audit.record(ctx.session, "demo", "workbook", None, summary, _ACTOR)
