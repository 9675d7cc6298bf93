"""Workbook preferences: read together, checked together, saved where each one lives."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.preferences import workbook_preferences
from hiring_desk.services.preferences.workbook_preferences import WorkbookPreferences
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.roles import jd_user_templates
from hiring_desk.services.team import company, team_members
from hiring_desk.services.workbook import backups
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent


def test_a_new_workbook_has_the_usual_defaults(workbook: Workbook) -> None:
    assert workbook_preferences.get_preferences(workbook) == WorkbookPreferences(
        default_currency="EUR",
        locale="en_GB",
        backup_interval_minutes=30,
        retention_months=6,
        jd_template=None,
        letter_template=None,
        offer_answer_days=7,
    )


def test_saved_preferences_are_read_back_and_used(workbook: Workbook) -> None:
    wanted = WorkbookPreferences(
        default_currency="chf",
        locale="de-CH",
        backup_interval_minutes=120,
        retention_months=24,
        jd_template="senior-backend-developer",
        letter_template="part-time-employee",
        offer_answer_days=14,
    )
    saved = workbook_preferences.save_preferences(workbook, wanted)
    assert saved == dataclasses.replace(wanted, default_currency="CHF", locale="de_CH")
    assert workbook_preferences.get_preferences(workbook) == saved
    profile = company.get_company(workbook)
    assert (profile.default_currency, profile.locale) == ("CHF", "de_CH")
    assert profile.name == ""  # the rest of the profile is not asked for, nor changed
    assert consent_retention.get_retention_months(workbook) == 24
    assert backups.get_auto_interval(workbook) == timedelta(hours=2)
    assert workbook_preferences.default_jd_template(workbook) == "senior-backend-developer"
    assert workbook_preferences.default_letter_template(workbook) == "part-time-employee"
    assert workbook_preferences.offer_answer_days(workbook) == 14
    assert workbook_preferences.answer_by_default(workbook, date(2027, 1, 4)) == date(2027, 1, 18)
    # Saving the same again records nothing new in the activity log.
    with workbook.transaction() as session:
        logged = len(session.exec(select(AuditEvent)).all())
    workbook_preferences.save_preferences(workbook, saved)
    with workbook.transaction() as session:
        assert len(session.exec(select(AuditEvent)).all()) == logged


def test_every_bad_value_is_named_and_nothing_is_saved(workbook: Workbook) -> None:
    bad = WorkbookPreferences(
        default_currency="XYZ",
        locale="klingon",
        backup_interval_minutes=7,
        retention_months=0,
        jd_template="no-such-template",
        letter_template="user:999",
        offer_answer_days=0,
    )
    with pytest.raises(ValidationError) as raised:
        workbook_preferences.save_preferences(workbook, bad)
    assert set(raised.value.errors) == {
        "default_currency",
        "locale",
        "backup_interval",
        "retention_months",
        "jd_template",
        "letter_template",
        "offer_answer_days",
    }
    assert workbook_preferences.get_preferences(workbook).retention_months == 6
    assert workbook_preferences.offer_answer_days(workbook) == 7


def test_a_default_template_removed_since_is_no_default(workbook: Workbook) -> None:
    own = jd_user_templates.save_user_template(workbook, "Our own", "# {{ role.title }}\n")
    current = workbook_preferences.get_preferences(workbook)
    workbook_preferences.save_preferences(
        workbook, dataclasses.replace(current, jd_template=own.key)
    )
    assert workbook_preferences.default_jd_template(workbook) == own.key
    jd_user_templates.delete_user_template(workbook, own.key)
    assert workbook_preferences.default_jd_template(workbook) is None


@pytest.mark.sqlite_only  # file backups (a team workbook: the administrator's pg_dump)
def test_the_backup_interval_paces_automatic_backups(workbook: Workbook) -> None:
    with pytest.raises(ValidationError):
        backups.set_auto_interval(workbook, 5)
    backups.set_auto_interval(workbook, 240)
    start = datetime.now().replace(microsecond=0)
    assert backups.maybe_backup(workbook, start) is not None
    team_members.add_member(workbook, "Grace")
    assert backups.maybe_backup(workbook, start + timedelta(minutes=90)) is None  # not yet
    assert backups.maybe_backup(workbook, start + timedelta(minutes=241)) is not None


def test_the_today_limits_are_saved_with_the_rest(workbook: Workbook) -> None:
    from hiring_desk.services.today.today_limits import TodayLimits, get_limits

    current = workbook_preferences.get_preferences(workbook)
    assert current.today_limits == TodayLimits(scorecard_hours=24, offer_days=3, idle_days=7)
    saved = workbook_preferences.save_preferences(
        workbook, dataclasses.replace(current, today_limits=TodayLimits(48, 5, 14))
    )
    assert saved.today_limits == get_limits(workbook) == TodayLimits(48, 5, 14)
    with pytest.raises(ValidationError) as raised:
        workbook_preferences.save_preferences(
            workbook,
            dataclasses.replace(saved, retention_months=36, today_limits=TodayLimits(48, 5, 0)),
        )
    assert set(raised.value.errors) == {"idle_days"}
    assert workbook_preferences.get_preferences(workbook) == saved  # nothing half-saved
