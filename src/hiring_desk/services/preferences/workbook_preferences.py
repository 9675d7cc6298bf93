"""A workbook's preferences, read and saved together for the Preferences dialog.

Each preference lives where it always did: the default currency and locale on
the company profile (checked as ``services.company`` checks them), the minutes
between automatic backups with ``services.backups``, the retention period with
``services.privacy``, the Today view's limits with ``services.today``. The
default templates and the days an offer gives to answer are workbook settings
(key and value): the templates are chosen first by the job-description editor
and the offer-letter dialog; the days are where the offer editor's "Answer by"
date starts when it is ticked. Every value is
checked before any is written, so a refused save changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from hiring_desk import clock
from hiring_desk.domain.offer_rules import DEFAULT_ANSWER_DAYS, check_answer_days
from hiring_desk.domain.retention import check_months
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import clean
from hiring_desk.services.offers import letter_templates
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.roles import jd_user_templates
from hiring_desk.services.team import company
from hiring_desk.services.today import today_limits
from hiring_desk.services.today.today_limits import TodayLimits
from hiring_desk.services.workbook import backups
from hiring_desk.store import Workbook
from hiring_desk.store.models import CompanyProfile, WorkbookSetting
from hiring_desk.store.models._base import utcnow

__all__ = [
    "ANSWER_DAYS_SETTING",
    "JD_TEMPLATE_SETTING",
    "LETTER_TEMPLATE_SETTING",
    "WorkbookPreferences",
    "answer_by_default",
    "default_jd_template",
    "default_letter_template",
    "get_preferences",
    "offer_answer_days",
    "save_preferences",
]

JD_TEMPLATE_SETTING = "default_jd_template"
LETTER_TEMPLATE_SETTING = "default_offer_letter_template"
ANSWER_DAYS_SETTING = "offer_answer_days"


@dataclass(frozen=True)
class WorkbookPreferences:
    """What Edit ▸ Preferences shows. A template of None: chosen case by case
    (from the role's title and seniority; from the offer's employment type)."""

    default_currency: str
    locale: str
    backup_interval_minutes: int
    retention_months: int
    jd_template: str | None
    letter_template: str | None
    offer_answer_days: int = DEFAULT_ANSWER_DAYS  # an offer's "Answer by": this many days on
    #: When Today calls a scorecard overdue, an offer expiring, a candidate idle.
    today_limits: TodayLimits = field(default_factory=TodayLimits)


def get_preferences(workbook: Workbook) -> WorkbookPreferences:
    profile = company.get_company(workbook)
    return WorkbookPreferences(
        default_currency=profile.default_currency,
        locale=profile.locale,
        backup_interval_minutes=int(backups.get_auto_interval(workbook).total_seconds() // 60),
        retention_months=consent_retention.get_retention_months(workbook),
        jd_template=default_jd_template(workbook),
        letter_template=default_letter_template(workbook),
        offer_answer_days=offer_answer_days(workbook),
        today_limits=today_limits.get_limits(workbook),
    )


def offer_answer_days(workbook: Workbook) -> int:
    """How many days after today a new "Answer by" date starts (a week unless set)."""
    value = _setting(workbook, ANSWER_DAYS_SETTING)
    try:
        days = int(value)
    except ValueError:
        return DEFAULT_ANSWER_DAYS
    return DEFAULT_ANSWER_DAYS if check_answer_days(days) else days


def answer_by_default(workbook: Workbook, today: date | None = None) -> date:
    """The date "Answer by" starts at when it is ticked: today plus :func:`offer_answer_days`."""
    return (today or clock.today()) + timedelta(days=offer_answer_days(workbook))


def default_jd_template(workbook: Workbook) -> str | None:
    """The job-description template to offer first, if one is set and still exists."""
    key = _setting(workbook, JD_TEMPLATE_SETTING)
    return key if key in _jd_keys(workbook) else None


def default_letter_template(workbook: Workbook) -> str | None:
    """The offer-letter template to offer first, if one is set and still exists."""
    key = _setting(workbook, LETTER_TEMPLATE_SETTING)
    return key if key in _letter_keys(workbook) else None


def save_preferences(workbook: Workbook, wanted: WorkbookPreferences) -> WorkbookPreferences:
    """Check every value, then save them all. Raises ValidationError naming each bad field."""
    require(workbook, Permission.COMPANY)
    currency = clean(wanted.default_currency).upper()
    locale = company.normalise_locale(clean(wanted.locale))
    errors: dict[str, str] = {}
    if currency not in company.currency_codes():
        errors["default_currency"] = f"'{wanted.default_currency}' is not an ISO 4217 currency code"
    if locale is None:
        errors["locale"] = f"'{wanted.locale}' is not a locale Hiring Desk knows (e.g. en_GB)"
    if wanted.backup_interval_minutes not in backups.INTERVAL_CHOICES:
        errors["backup_interval"] = "is not one of the choices"
    if problem := check_months(wanted.retention_months):
        errors["retention_months"] = problem
    if wanted.jd_template is not None and wanted.jd_template not in _jd_keys(workbook):
        errors["jd_template"] = "is not a job-description template of this workbook"
    if wanted.letter_template is not None and wanted.letter_template not in _letter_keys(workbook):
        errors["letter_template"] = "is not an offer-letter template of this workbook"
    if problem := check_answer_days(wanted.offer_answer_days):
        errors["offer_answer_days"] = problem
    errors.update(today_limits.check_limits(wanted.today_limits))
    if errors:
        raise ValidationError(errors)
    before = get_preferences(workbook)
    with workbook.transaction() as session:
        profile = session.get(CompanyProfile, company.PROFILE_ID)
        profile = profile or CompanyProfile(id=company.PROFILE_ID)
        if (profile.default_currency, profile.locale) != (currency, locale):
            profile.default_currency, profile.locale = currency, locale or profile.locale
            profile.updated_at = utcnow()
            session.add(profile)
            audit.record(session, "edit", "company_profile", company.PROFILE_ID)
        for key, value in (
            (JD_TEMPLATE_SETTING, wanted.jd_template),
            (LETTER_TEMPLATE_SETTING, wanted.letter_template),
            (ANSWER_DAYS_SETTING, str(wanted.offer_answer_days)),
        ):
            setting = session.get(WorkbookSetting, key) or WorkbookSetting(key=key)
            if setting.value != (value or ""):
                setting.value = value or ""
                session.add(setting)
                audit.record(session, "edit", "workbook_setting", None, {"key": key})
    if wanted.backup_interval_minutes != before.backup_interval_minutes:
        backups.set_auto_interval(workbook, wanted.backup_interval_minutes)
    if wanted.retention_months != before.retention_months:
        consent_retention.set_retention_months(workbook, wanted.retention_months)
    if wanted.today_limits != before.today_limits:
        today_limits.set_limits(workbook, wanted.today_limits)
    return get_preferences(workbook)


def _setting(workbook: Workbook, key: str) -> str:
    with workbook.transaction() as session:
        setting = session.get(WorkbookSetting, key)
        return setting.value if setting is not None else ""


def _jd_keys(workbook: Workbook) -> set[str]:
    return {choice.key for choice in jd_user_templates.list_templates(workbook)}


def _letter_keys(workbook: Workbook) -> set[str]:
    return {template.key for template in letter_templates.list_letter_templates(workbook)}
