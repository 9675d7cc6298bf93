"""The offer's status rules and the warnings its terms raise."""

from __future__ import annotations

from datetime import date

import pytest

from hiring_desk.domain.offer_rules import (
    EDITABLE_STATUSES,
    LIVE_STATUSES,
    Budget,
    allowed_targets,
    budget_text,
    budget_warning,
    earliest_start,
    is_editable,
    is_live,
    notice_warning,
    offer_warnings,
    refusal,
)
from hiring_desk.domain.vocab import OfferStatus

S = OfferStatus
TODAY = date(2026, 3, 2)  # a Monday
YEARLY_EUR = Budget(6_000_000, 9_500_000, "EUR", "year")


# -- status transitions -------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.DRAFT, S.APPROVED),
        (S.APPROVED, S.SENT),
        (S.SENT, S.ACCEPTED),
        (S.SENT, S.DECLINED),
        (S.DRAFT, S.WITHDRAWN),
        (S.APPROVED, S.WITHDRAWN),
        (S.SENT, S.WITHDRAWN),
    ],
)
def test_allowed_transitions(current: OfferStatus, target: OfferStatus) -> None:
    assert refusal(current, target) is None


def test_sending_needs_an_approval() -> None:
    why = refusal(S.DRAFT, S.SENT)
    assert why is not None and "approve it first" in why


@pytest.mark.parametrize("target", [S.ACCEPTED, S.DECLINED])
@pytest.mark.parametrize("current", [S.DRAFT, S.APPROVED])
def test_only_a_sent_offer_is_answered(current: OfferStatus, target: OfferStatus) -> None:
    why = refusal(current, target)
    assert why is not None and "mark it as sent first" in why


@pytest.mark.parametrize("current", [S.ACCEPTED, S.DECLINED, S.WITHDRAWN])
def test_final_statuses_never_change(current: OfferStatus) -> None:
    assert allowed_targets(current) == []
    for target in S:
        why = refusal(current, target)
        assert why is not None
        assert why.endswith(".") and why[0].isupper()


def test_same_status_is_refused_and_approving_twice_says_so() -> None:
    assert refusal(S.DRAFT, S.DRAFT) == "The offer is already draft."
    assert refusal(S.SENT, S.APPROVED) == "The offer is already past approval."


def test_allowed_targets_in_order() -> None:
    assert allowed_targets(S.DRAFT) == [S.APPROVED, S.WITHDRAWN]
    assert allowed_targets(S.APPROVED) == [S.SENT, S.WITHDRAWN]
    assert allowed_targets(S.SENT) == [S.ACCEPTED, S.DECLINED, S.WITHDRAWN]


def test_live_and_editable() -> None:
    assert (
        {s for s in S if is_live(s)}
        == set(LIVE_STATUSES)
        == {
            S.DRAFT,
            S.APPROVED,
            S.SENT,
            S.ACCEPTED,
        }
    )
    assert {s for s in S if is_editable(s)} == set(EDITABLE_STATUSES) == {S.DRAFT, S.APPROVED}


# -- budget ---------------------------------------------------------------------------


def test_inside_the_budget_and_on_its_edges_is_fine() -> None:
    for salary in (6_000_000, 7_500_000, 9_500_000):
        assert budget_warning(salary, "EUR", "year", YEARLY_EUR) is None


def test_above_and_below_the_budget() -> None:
    above = budget_warning(9_500_001, "EUR", "year", YEARLY_EUR)
    assert above == (
        "The salary is €95,000.01 per year, above the role's budget of "
        "€60,000.00 to €95,000.00 per year."
    )
    below = budget_warning(5_000_000, "EUR", "year", YEARLY_EUR, "de_DE")
    assert below is not None and "below" in below and "50.000,00" in below


def test_monthly_salary_is_compared_as_twelve_months() -> None:
    assert budget_warning(700_000, "EUR", "month", YEARLY_EUR) is None  # 84,000 a year
    warning = budget_warning(800_000, "EUR", "month", YEARLY_EUR)  # 96,000 a year
    assert warning is not None
    assert warning.startswith("The salary comes to €96,000.00 per year, above")


def test_yearly_salary_against_a_monthly_budget_is_compared_exactly() -> None:
    monthly = Budget(500_000, 800_000, "EUR", "month")
    assert budget_warning(9_600_000, "EUR", "year", monthly) is None  # exactly 8,000 a month
    # One cent more a year is above the budget, even though a month of it rounds to 8,000.
    warning = budget_warning(9_600_001, "EUR", "year", monthly)
    assert warning is not None and "above" in warning and "per month" in warning


def test_hourly_pay_is_not_converted() -> None:
    warning = budget_warning(4_000, "EUR", "hour", YEARLY_EUR)
    assert warning == (
        "The salary is per hour but the role's budget is per year; they cannot be compared."
    )
    hourly = Budget(3_000, 5_000, "EUR", "hour")
    assert budget_warning(4_000, "EUR", "hour", hourly) is None
    assert "cannot be compared" in (budget_warning(700_000, "EUR", "month", hourly) or "")


def test_another_currency_cannot_be_compared() -> None:
    warning = budget_warning(7_000_000, "USD", "year", YEARLY_EUR)
    assert warning == (
        "The salary is in USD but the role's budget is in EUR; they cannot be compared."
    )


def test_open_ended_and_missing_budgets() -> None:
    assert budget_warning(1, "EUR", "year", None) is None
    assert budget_warning(1, "EUR", "year", Budget(None, None, "EUR", "year")) is None
    only_min = Budget(6_000_000, None, "EUR", "year")
    assert budget_warning(99_000_000, "EUR", "year", only_min) is None
    low = budget_warning(100, "EUR", "year", only_min)
    assert low is not None and "at least €60,000.00 per year" in low
    only_max = Budget(None, 9_500_000, "EUR", "year")
    high = budget_warning(10_000_000, "EUR", "year", only_max)
    assert high is not None and "at most €95,000.00 per year" in high


def test_currency_without_minor_units() -> None:
    yen = Budget(6_000_000, 9_000_000, "JPY", "year")
    warning = budget_warning(10_000_000, "JPY", "year", yen, "en_GB")
    assert warning is not None and "¥10,000,000" in warning


# -- notice period ------------------------------------------------------------------


def test_earliest_start_is_today_plus_the_notice() -> None:
    assert earliest_start(TODAY, 4) == date(2026, 3, 30)
    assert earliest_start(TODAY, None) == TODAY
    assert earliest_start(TODAY, 0) == TODAY


def test_a_start_before_the_notice_ends_is_warned() -> None:
    warning = notice_warning(date(2026, 3, 29), TODAY, 4)
    assert warning == (
        "The start date is before the candidate's notice period ends: with 4 weeks' "
        "notice from today, the earliest start is 30 Mar 2026."
    )
    one = notice_warning(date(2026, 3, 3), TODAY, 1)
    assert one is not None and "with 1 week's notice" in one and "9 Mar 2026" in one


def test_no_notice_warning_when_it_fits_or_is_unknown() -> None:
    assert notice_warning(date(2026, 3, 30), TODAY, 4) is None
    assert notice_warning(None, TODAY, 4) is None
    assert notice_warning(date(2026, 3, 3), TODAY, None) is None
    assert notice_warning(date(2026, 3, 3), TODAY, 0) is None


def test_offer_warnings_lists_both_budget_first() -> None:
    found = offer_warnings(
        salary_minor=12_000_000,
        currency="EUR",
        period="year",
        start_date=date(2026, 3, 9),
        budget=YEARLY_EUR,
        notice_weeks=4,
        today=TODAY,
    )
    assert len(found) == 2
    assert "budget" in found[0] and "notice" in found[1]
    assert (
        offer_warnings(
            salary_minor=None,
            currency="EUR",
            period="year",
            start_date=None,
            budget=YEARLY_EUR,
            notice_weeks=4,
            today=TODAY,
        )
        == []
    )


def test_budget_text() -> None:
    assert budget_text(YEARLY_EUR) == "€60,000.00 to €95,000.00 per year"
    assert budget_text(Budget(None, 5_000, "GBP", "hour")) == "at most £50.00 per hour"
    assert budget_text(Budget(None, None, "EUR", "year")) == "no budget set"
