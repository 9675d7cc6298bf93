"""The retention rule: who is due for deletion, from when, and the sentence that says why."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hiring_desk.domain.retention import (
    DEFAULT_RETENTION_MONTHS,
    RetentionFacts,
    add_months,
    check_months,
    deletion_due,
    due_date,
    period_start_ended_by,
)

ADDED = date(2025, 11, 2)
CLOSED = date(2026, 1, 15)


def facts(**changes: object) -> RetentionFacts:
    values: dict[str, object] = {"added_on": ADDED, "closed_on": (CLOSED,)}
    values.update(changes)
    return RetentionFacts(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), 6, date(2026, 7, 15)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 12, 1), 1, date(2027, 1, 1)),
        (date(2026, 3, 31), 120, date(2036, 3, 31)),
    ],
)
def test_add_months_moves_by_calendar_months_and_clamps_the_day(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


def test_due_the_policy_months_after_the_last_application_closed() -> None:
    due = due_date(facts(closed_on=(date(2025, 12, 1), CLOSED)), 6)
    assert due is not None
    assert due.since == date(2026, 7, 15)
    assert due.why == (
        "Their last application closed on 15 Jan 2026; the retention period of "
        "6 months after that ended on 15 Jul 2026."
    )


def test_not_due_before_the_day_and_due_on_it() -> None:
    assert deletion_due(facts(), 6, date(2026, 7, 14)) is None
    due = deletion_due(facts(), 6, date(2026, 7, 15))
    assert due is not None and due.since == date(2026, 7, 15)
    # Months without use change nothing: the day is computed from dates alone.
    later = deletion_due(facts(), 6, date(2029, 1, 1))
    assert later is not None and later.since == date(2026, 7, 15)


def test_the_policy_length_counts() -> None:
    due = due_date(facts(), 1)
    assert due is not None and due.since == date(2026, 2, 15)
    assert "retention period of 1 month after" in due.why


def test_an_open_application_means_never_due() -> None:
    assert due_date(facts(open_applications=1), 6) is None
    assert deletion_due(facts(open_applications=2), 6, date(2040, 1, 1)) is None


def test_hired_candidates_are_not_in_the_queue() -> None:
    assert deletion_due(facts(hired=True), 6, date(2040, 1, 1)) is None


def test_erased_candidates_are_not_due_again() -> None:
    erased = datetime(2026, 8, 1, tzinfo=UTC)
    assert deletion_due(facts(erased_at=erased), 6, date(2040, 1, 1)) is None


def test_someone_who_never_applied_counts_from_the_day_they_were_added() -> None:
    due = due_date(facts(closed_on=()), 6)
    assert due is not None
    assert due.since == date(2026, 5, 2)
    assert due.why == (
        "They were added on 2 Nov 2025 and never applied to a role; the retention "
        "period of 6 months ended on 2 May 2026."
    )


def test_consent_keeps_them_until_it_ends() -> None:
    due = due_date(facts(consent_until=date(2027, 3, 31)), 6)
    assert due is not None
    assert due.since == date(2027, 4, 1)
    assert due.why == (
        "They agreed to be kept on file for future roles until 31 Mar 2027, "
        "and that consent has ended."
    )
    assert deletion_due(facts(consent_until=date(2027, 3, 31)), 6, date(2027, 3, 31)) is None


def test_consent_ending_before_the_policy_day_changes_nothing() -> None:
    due = due_date(facts(consent_until=date(2026, 3, 1)), 6)
    assert due is not None
    assert due.since == date(2026, 7, 15)
    assert due.why.startswith("Their last application closed")


def test_a_hold_keeps_them_until_its_day_even_past_consent() -> None:
    due = due_date(facts(consent_until=date(2027, 3, 31), retain_until=date(2027, 9, 30)), 6)
    assert due is not None
    assert due.since == date(2027, 10, 1)
    assert due.why == "They were kept on hold until 30 Sept 2027, and that day has passed."


def test_a_hold_that_ended_earlier_does_not_shorten_anything() -> None:
    due = due_date(facts(retain_until=date(2026, 2, 1)), 6)
    assert due is not None and due.since == date(2026, 7, 15)


def test_dates_in_the_sentence_follow_the_locale() -> None:
    due = due_date(facts(), 6, "de_DE")
    assert due is not None
    assert "15.01.2026" in due.why and "15.07.2026" in due.why


def test_allowed_months() -> None:
    assert DEFAULT_RETENTION_MONTHS == 6
    assert check_months(1) is None
    assert check_months(120) is None
    assert check_months(0) == "must be between 1 and 120 months"
    assert check_months(121) is not None


@pytest.mark.parametrize("months", [1, 6, 13, 24])
def test_the_last_start_of_a_period_ended_by_a_day(months: int) -> None:
    start = date(2024, 1, 1)
    for today in (start + timedelta(days=n) for n in range(400, 1200, 3)):
        latest = period_start_ended_by(today, months)
        for day in (latest + timedelta(days=n) for n in range(-40, 40)):
            assert (add_months(day, months) <= today) == (day <= latest), (today, day)
