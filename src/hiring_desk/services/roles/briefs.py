"""A role's brief: the requirements captured before anything else, and its checks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from hiring_desk.domain.formatting import DEFAULT_LOCALE, major_to_minor
from hiring_desk.domain.money import parse_typed_money
from hiring_desk.domain.vocab import (
    EmploymentType,
    PayPeriod,
    RoleStatus,
    Seniority,
    SkillImportance,
    WorkMode,
)
from hiring_desk.services.common.validation import clean, length_problem

TITLE_LIMIT = 200
TEXT_LIMIT = 2000
HEADCOUNT_LIMIT = 1000
YEARS_LIMIT = 60


@dataclass(frozen=True)
class SkillEntry:
    skill: str
    importance: str = SkillImportance.MUST.value


@dataclass(frozen=True)
class RoleBrief:
    """Everything the role editor captures. Money is in major units (65000, not cents)."""

    title: str
    seniority: str = Seniority.MID.value
    employment_type: str = EmploymentType.FULL_TIME.value
    work_mode: str = WorkMode.ON_SITE.value
    location: str = ""
    headcount: int = 1
    start_by: date | None = None
    project: str = ""
    project_duration: str = ""
    salary_min: Decimal | None = None
    salary_max: Decimal | None = None
    salary_currency: str = "EUR"
    salary_period: str = PayPeriod.YEAR.value
    hiring_manager_id: int | None = None
    target_date: date | None = None
    education: str = ""
    min_years_experience: int | None = None
    status: str = RoleStatus.DRAFT.value
    notes: str = ""
    skills: tuple[SkillEntry, ...] = field(default_factory=tuple)
    template_key: str | None = None


@dataclass(frozen=True)
class CheckedBrief:
    """A brief that passed its checks, in the units the workbook stores."""

    brief: RoleBrief
    salary_min_minor: int | None
    salary_max_minor: int | None


def check_brief(
    brief: RoleBrief,
    *,
    today: date,
    currencies: frozenset[str],
    previous_start_by: date | None = None,
    previous_target: date | None = None,
) -> tuple[CheckedBrief | None, dict[str, str]]:
    """Clean a brief and list what is wrong with it, field by field.

    A start or target date in the past is refused only when it was just entered,
    so an old role whose dates have passed can still be edited.
    """
    errors: dict[str, str] = {}
    title = clean(brief.title)
    if not title:
        errors["title"] = "is required"
    elif problem := length_problem(title, TITLE_LIMIT):
        errors["title"] = problem
    for name, vocabulary in (
        ("seniority", Seniority),
        ("employment_type", EmploymentType),
        ("work_mode", WorkMode),
        ("status", RoleStatus),
        ("salary_period", PayPeriod),
    ):
        if getattr(brief, name) not in {v.value for v in vocabulary}:
            errors[name] = f"'{getattr(brief, name)}' is not one of the choices"
    if not 1 <= brief.headcount <= HEADCOUNT_LIMIT:
        errors["headcount"] = f"must be between 1 and {HEADCOUNT_LIMIT}"
    years = brief.min_years_experience
    if years is not None and not 0 <= years <= YEARS_LIMIT:
        errors["min_years_experience"] = f"must be between 0 and {YEARS_LIMIT}"
    if brief.start_by and brief.start_by < today and brief.start_by != previous_start_by:
        errors["start_by"] = "is in the past"
    if brief.target_date and brief.target_date < today and brief.target_date != previous_target:
        errors["target_date"] = "is in the past"
    for name in ("location", "project", "project_duration", "education"):
        if problem := length_problem(clean(getattr(brief, name)), TITLE_LIMIT):
            errors[name] = problem
    if problem := length_problem(brief.notes or "", TEXT_LIMIT * 5):
        errors["notes"] = problem
    currency = clean(brief.salary_currency).upper()
    if currency not in currencies:
        errors["salary_currency"] = f"'{brief.salary_currency}' is not an ISO 4217 currency code"
    low = _minor(brief.salary_min, currency, "salary_min", errors)
    high = _minor(brief.salary_max, currency, "salary_max", errors)
    if low is not None and high is not None and low > high:
        errors["salary_min"] = "is above the maximum"
    skills, skill_error = _skills(brief.skills)
    if skill_error:
        errors["skills"] = skill_error
    if errors:
        return None, errors
    cleaned = replace(
        brief,
        title=title,
        location=clean(brief.location),
        project=clean(brief.project),
        project_duration=clean(brief.project_duration),
        education=clean(brief.education),
        notes=clean(brief.notes),
        salary_currency=currency,
        skills=skills,
    )
    return CheckedBrief(cleaned, low, high), {}


def _minor(amount: Decimal | None, currency: str, name: str, errors: dict[str, str]) -> int | None:
    if amount is None:
        return None
    try:
        if amount < 0:
            errors[name] = "must not be negative"
            return None
        return major_to_minor(amount, currency) if currency else int(amount * 100)
    except (ValueError, InvalidOperation) as exc:
        errors[name] = str(exc)
        return None


def _skills(entries: tuple[SkillEntry, ...]) -> tuple[tuple[SkillEntry, ...], str | None]:
    from hiring_desk.services.roles.skills_catalog import canonical_skill

    seen: set[str] = set()
    result: list[SkillEntry] = []
    for entry in entries:
        name = canonical_skill(entry.skill)
        if not name:
            continue
        if len(name) > 100:
            return (), f"'{name[:30]}…' is too long for a skill name"
        if entry.importance not in {v.value for v in SkillImportance}:
            return (), f"'{entry.importance}' is neither must-have nor nice-to-have"
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        result.append(SkillEntry(name, entry.importance))
    return tuple(result), None


def parse_money(text: str, locale: str = DEFAULT_LOCALE) -> Decimal | None:
    """A typed amount ("65,000", "65000.50", "65k") as a Decimal; None when blank.

    Read by ``domain.money`` in ``locale``; raises ValueError with a message for
    anything else (words, a range, an amount that could be read two ways).
    """
    reading = parse_typed_money(text, locale)
    return None if reading is None else reading.low
