"""Job descriptions: drafting from a template, saved versions, and the completeness check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from hiring_desk.domain.formatting import format_day, format_money
from hiring_desk.domain.jd_check import Finding, check_job_description
from hiring_desk.domain.jd_fields import CompanyFields, JDContext, RoleFields
from hiring_desk.domain.vocab import EmploymentType, PayPeriod, Seniority, WorkMode
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.role_scope import require_on
from hiring_desk.services.common.validation import clean
from hiring_desk.store import Workbook
from hiring_desk.store.models import CompanyProfile, JobDescription, Role, RoleSkill, TeamMember

BODY_LIMIT = 100_000


@dataclass(frozen=True)
class JDVersion:
    id: int
    role_id: int
    version: int
    template_key: str | None
    title: str
    body: str
    note: str
    created_at: datetime


def context_for_role(workbook: Workbook, role_id: int) -> JDContext:
    """The merge fields for a role, formatted for the workbook's locale."""
    with workbook.transaction() as session:
        return _context(session, _role(session, role_id))


def draft_from_template(workbook: Workbook, role_id: int, template_key: str) -> str:
    """The text a template gives for this role's brief (nothing is saved)."""
    from hiring_desk.services.roles import jd_user_templates
    from hiring_desk.services.roles.jd_templates import render

    body = jd_user_templates.template_body(workbook, template_key)
    return render(body, context_for_role(workbook, role_id).as_mapping())


def list_versions(workbook: Workbook, role_id: int) -> list[JDVersion]:
    """Every saved version of a role's job description, newest first."""
    with workbook.transaction() as session:
        _role(session, role_id)
        rows = session.exec(
            select(JobDescription)
            .where(JobDescription.role_id == role_id)
            .order_by(col(JobDescription.version).desc())
        )
        return [_version(row) for row in rows]


def latest_version(workbook: Workbook, role_id: int) -> JDVersion | None:
    versions = list_versions(workbook, role_id)
    return versions[0] if versions else None


def get_version(workbook: Workbook, version_id: int) -> JDVersion:
    with workbook.transaction() as session:
        row = session.get(JobDescription, version_id)
        if row is None:
            raise NotFoundError(f"Job description version {version_id} does not exist.")
        return _version(row)


def save_version(
    workbook: Workbook,
    role_id: int,
    body: str,
    *,
    note: str = "",
    template_key: str | None = None,
) -> JDVersion:
    """Save ``body`` as the role's next version. Saving never depends on the check."""
    require(workbook, Permission.ROLE_BRIEF, role_id=role_id)
    text = clean(body) + "\n"
    if not text.strip():
        raise ValidationError({"body": "is empty; write or draft the job description first"})
    if len(text) > BODY_LIMIT:
        raise ValidationError({"body": f"must be at most {BODY_LIMIT:,} characters"})
    with workbook.transaction() as session:
        role = _role(session, role_id)
        latest = session.exec(
            select(func.max(JobDescription.version)).where(JobDescription.role_id == role_id)
        ).one()
        row = JobDescription(
            role_id=role_id,
            version=int(latest or 0) + 1,
            template_key=template_key,
            title=role.title,
            body=text,
            note=clean(note)[:200],
        )
        session.add(row)
        session.flush()
        audit.record(session, "save_version", "job_description", row.id, {"role": role_id})
        return _version(row)


def restore_version(workbook: Workbook, version_id: int) -> JDVersion:
    """Make an older version current again, by saving it as the newest version."""
    require_on(workbook, Permission.ROLE_BRIEF, "job_description", version_id)
    old = get_version(workbook, version_id)
    return save_version(
        workbook,
        old.role_id,
        old.body,
        note=f"Restored from version {old.version}",
        template_key=old.template_key,
    )


def check(workbook: Workbook, role_id: int, body: str) -> list[Finding]:
    """What the text lacks against the job-description checklist (advice only)."""
    return check_job_description(body, context_for_role(workbook, role_id))


def _context(session: Session, role: Role) -> JDContext:
    profile = session.get(CompanyProfile, 1) or CompanyProfile()
    locale = profile.locale
    manager = session.get(TeamMember, role.hiring_manager_id) if role.hiring_manager_id else None
    signatory = session.get(TeamMember, profile.signatory_id) if profile.signatory_id else None
    skills = session.exec(
        select(RoleSkill).where(RoleSkill.role_id == role.id).order_by(col(RoleSkill.position))
    ).all()
    return JDContext(
        role=RoleFields(
            title=role.title,
            seniority=Seniority(role.seniority).label,
            employment_type=EmploymentType(role.employment_type).label,
            work_mode=WorkMode(role.work_mode).label,
            location=role.location,
            headcount=role.headcount,
            start_by=format_day(role.start_by, locale),
            project=role.project,
            project_duration=role.project_duration,
            salary_range=salary_range(
                role.salary_min_minor,
                role.salary_max_minor,
                role.salary_currency,
                role.salary_period,
                locale,
            ),
            education=role.education,
            years_experience=(
                str(role.min_years_experience) if role.min_years_experience is not None else ""
            ),
            target_date=format_day(role.target_date, locale),
            hiring_manager=manager.name if manager else "",
            hiring_manager_title=manager.title if manager else "",
        ),
        company=CompanyFields(
            name=profile.name,
            address=profile.address,
            signatory=signatory.name if signatory else "",
            signatory_title=signatory.title if signatory else "",
        ),
        must_have_skills=tuple(s.skill for s in skills if s.importance == "must"),
        nice_to_have_skills=tuple(s.skill for s in skills if s.importance == "nice"),
    )


def salary_range(low: int | None, high: int | None, currency: str, period: str, locale: str) -> str:
    """ "€55,000 – €68,000 per year", "from €55,000 per year", or "" when unset."""
    per = PayPeriod(period).label if period in {p.value for p in PayPeriod} else ""
    whole = period != PayPeriod.HOUR.value

    def money(value: int) -> str:
        return format_money(value, currency, locale, whole=whole)

    if low is not None and high is not None:
        text = money(low) if low == high else f"{money(low)} – {money(high)}"
    elif low is not None:
        text = f"from {money(low)}"
    elif high is not None:
        text = f"up to {money(high)}"
    else:
        return ""
    return f"{text} {per}".strip()


def _version(row: JobDescription) -> JDVersion:
    assert row.id is not None
    return JDVersion(
        id=row.id,
        role_id=row.role_id,
        version=row.version,
        template_key=row.template_key,
        title=row.title,
        body=row.body,
        note=row.note,
        created_at=row.created_at,
    )


def _role(session: Session, role_id: int) -> Role:
    role = session.get(Role, role_id)
    if role is None:
        raise NotFoundError(f"Role {role_id} does not exist.")
    return role
