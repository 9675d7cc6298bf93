"""Privacy: consent records, the retention policy and the queue of candidates due for deletion."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import update
from sqlmodel import col
from tests.services.privacy.privacy_setup import (
    NAME,
    TODAY,
    Person,
    add_person,
)

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.privacy import consent_retention
from hiring_desk.store import Workbook, models

CLOSED = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


@pytest.fixture
def person(workbook: Workbook) -> Person:
    return add_person(workbook)


def _close_on(workbook: Workbook, application_id: int, when: datetime) -> None:
    """Date the move that closed the application (and everything else about it) ``when``."""
    with workbook.transaction() as session:
        session.execute(
            update(models.StageEvent)
            .where(col(models.StageEvent.application_id) == application_id)
            .values(at=when)
        )
        session.execute(
            update(models.Application)
            .where(col(models.Application.id) == application_id)
            .values(updated_at=when)
        )


def _added_on(workbook: Workbook, candidate_id: int, when: datetime) -> None:
    with workbook.transaction() as session:
        session.execute(
            update(models.Candidate)
            .where(col(models.Candidate.id) == candidate_id)
            .values(created_at=when)
        )


# -- consent -----------------------------------------------------------------------------


def test_consent_is_recorded_with_when_how_and_until(workbook: Workbook, person: Person) -> None:
    info = consent_retention.set_consent(
        workbook, person.candidate_id, date(2026, 3, 1), " By email ", date(2027, 3, 1), today=TODAY
    )
    assert info.has_consent
    assert (info.consent_given_on, info.consent_method, info.consent_until) == (
        date(2026, 3, 1),
        "By email",
        date(2027, 3, 1),
    )
    assert consent_retention.privacy_info(workbook, person.candidate_id) == info
    event = audit.list_events(workbook, limit=1)[0]
    assert (event.action, event.entity, event.entity_id) == (
        "consent",
        "candidate",
        info.candidate_id,
    )


def test_consent_can_be_withdrawn(workbook: Workbook, person: Person) -> None:
    consent_retention.set_consent(
        workbook, person.candidate_id, date(2026, 3, 1), "In a call", date(2027, 3, 1), today=TODAY
    )
    info = consent_retention.set_consent(workbook, person.candidate_id, None, today=TODAY)
    assert not info.has_consent
    assert (info.consent_method, info.consent_until) == ("", None)


@pytest.mark.parametrize(
    ("given", "method", "until", "field", "message"),
    [
        (date(2026, 12, 1), "By email", date(2027, 1, 1), "given_at", "cannot be in the future"),
        (date(2026, 3, 1), "  ", date(2027, 1, 1), "method", "say how"),
        (date(2026, 3, 1), "x" * 101, date(2027, 1, 1), "method", "at most 100"),
        (date(2026, 3, 1), "By email", None, "until", "the day the consent ends"),
        (date(2026, 3, 1), "By email", date(2026, 2, 28), "until", "on or after"),
    ],
)
def test_consent_is_checked(
    workbook: Workbook,
    person: Person,
    given: date,
    method: str,
    until: date | None,
    field: str,
    message: str,
) -> None:
    with pytest.raises(ValidationError) as caught:
        consent_retention.set_consent(
            workbook, person.candidate_id, given, method, until, today=TODAY
        )
    assert message in caught.value.errors[field]
    assert not consent_retention.privacy_info(workbook, person.candidate_id).has_consent


def test_consent_for_an_unknown_candidate(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        consent_retention.set_consent(
            workbook, 999, date(2026, 3, 1), "By email", date(2027, 1, 1), today=TODAY
        )


# -- the retention policy ------------------------------------------------------------------


def test_retention_months_default_set_and_checked(workbook: Workbook) -> None:
    assert consent_retention.get_retention_months(workbook) == 6
    assert consent_retention.set_retention_months(workbook, 18) == 18
    assert consent_retention.get_retention_months(workbook) == 18
    for wrong in (0, 121, -3):
        with pytest.raises(ValidationError) as caught:
            consent_retention.set_retention_months(workbook, wrong)
        assert "between 1 and 120" in caught.value.errors["retention_months"]
    assert consent_retention.get_retention_months(workbook) == 18


def test_a_damaged_setting_falls_back_to_the_default(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add(models.WorkbookSetting(key="retention_months", value="soon"))
    assert consent_retention.get_retention_months(workbook) == 6


# -- the queue ----------------------------------------------------------------------------


def test_due_the_policy_months_after_the_application_closed(
    workbook: Workbook, person: Person
) -> None:
    _close_on(workbook, person.application_id, CLOSED)
    _added_on(workbook, person.other_id, datetime(2026, 11, 1, tzinfo=UTC))
    assert consent_retention.due_for_deletion(workbook, date(2026, 7, 14)) == []
    (due,) = consent_retention.due_for_deletion(workbook, date(2026, 7, 15))
    assert (due.candidate_id, due.name, due.since) == (person.candidate_id, NAME, date(2026, 7, 15))
    assert due.why == (
        "Their last application closed on 15 Jan 2026; the retention period of 6 months "
        "after that ended on 15 Jul 2026."
    )
    consent_retention.set_retention_months(workbook, 12)
    assert consent_retention.due_for_deletion(workbook, date(2026, 12, 1)) == []


def test_the_queue_is_right_after_years_without_use(workbook: Workbook, person: Person) -> None:
    _close_on(workbook, person.application_id, CLOSED)
    _added_on(workbook, person.other_id, datetime(2026, 11, 1, tzinfo=UTC))
    found = consent_retention.due_for_deletion(workbook, date(2031, 1, 1))
    assert [(d.candidate_id, d.since) for d in found] == [
        (person.candidate_id, date(2026, 7, 15)),
        (person.other_id, date(2027, 5, 1)),
    ]
    assert "never applied to a role" in found[1].why


def test_open_and_hired_candidates_are_never_due(workbook: Workbook, person: Person) -> None:
    _close_on(workbook, person.application_id, CLOSED)
    stage_moves.move(workbook, person.application_id, "screening")  # reopened
    assert person.candidate_id not in {
        d.candidate_id for d in consent_retention.due_for_deletion(workbook, date(2031, 1, 1))
    }
    with workbook.transaction() as session:
        session.execute(
            update(models.Application)
            .where(col(models.Application.id) == person.application_id)
            .values(stage="hired")
        )
    assert person.candidate_id not in {
        d.candidate_id for d in consent_retention.due_for_deletion(workbook, date(2031, 1, 1))
    }
    assert consent_retention.privacy_info(workbook, person.candidate_id).due is None


def test_consent_and_a_hold_keep_a_candidate_longer(workbook: Workbook, person: Person) -> None:
    _close_on(workbook, person.application_id, CLOSED)
    consent_retention.set_consent(
        workbook, person.candidate_id, date(2026, 1, 10), "By email", date(2027, 1, 31), today=TODAY
    )
    ids = lambda day: [d.candidate_id for d in consent_retention.due_for_deletion(workbook, day)]  # noqa: E731
    assert person.candidate_id not in ids(date(2027, 1, 31))
    assert person.candidate_id in ids(date(2027, 2, 1))
    info = consent_retention.keep_until(
        workbook, person.candidate_id, date(2027, 6, 30), today=TODAY
    )
    assert info.retain_until == date(2027, 6, 30)
    assert info.due is not None and info.due.since == date(2027, 7, 1)
    assert "kept on hold until 30 Jun 2027" in info.due.why
    assert person.candidate_id not in ids(date(2027, 6, 30))
    assert person.candidate_id in ids(date(2027, 7, 1))
    assert (
        consent_retention.keep_until(workbook, person.candidate_id, None, today=TODAY).retain_until
        is None
    )


def test_the_count_of_those_due_is_the_length_of_the_queue(
    workbook: Workbook, person: Person
) -> None:
    _close_on(workbook, person.application_id, CLOSED)
    _added_on(workbook, person.other_id, datetime(2026, 11, 1, tzinfo=UTC))
    consent_retention.set_consent(
        workbook, person.candidate_id, date(2026, 1, 10), "By email", date(2027, 1, 31), today=TODAY
    )
    days = [date(2026, 7, 15), date(2027, 1, 31), date(2027, 2, 1), date(2027, 5, 1)]
    counts = [consent_retention.count_due_for_deletion(workbook, day) for day in days]
    assert counts == [len(consent_retention.due_for_deletion(workbook, day)) for day in days]
    assert counts == [0, 0, 1, 2]
    consent_retention.keep_until(workbook, person.candidate_id, date(2027, 6, 30), today=TODAY)
    assert consent_retention.count_due_for_deletion(workbook, date(2027, 6, 30)) == 1
    assert consent_retention.count_due_for_deletion(workbook, date(2027, 7, 1)) == 2


def test_a_hold_must_end_after_today(workbook: Workbook, person: Person) -> None:
    with pytest.raises(ValidationError) as caught:
        consent_retention.keep_until(workbook, person.candidate_id, TODAY, today=TODAY)
    assert caught.value.errors == {"until": "must be a day after today"}


def test_a_closing_move_that_was_never_recorded_counts_from_the_last_change(
    workbook: Workbook,
) -> None:
    role = add_person(workbook, reject=False).role_id
    candidate_id = candidate_records.create_candidate(
        workbook, CandidateInput(name="Ola Nordmann")
    ).id
    application_id = stage_moves.apply(workbook, candidate_id, role).id
    with workbook.transaction() as session:
        session.execute(
            update(models.Application)
            .where(col(models.Application.id) == application_id)
            .values(stage="withdrawn", updated_at=datetime(2026, 2, 3, tzinfo=UTC))
        )
    (due,) = [
        d
        for d in consent_retention.due_for_deletion(workbook, date(2026, 8, 3))
        if d.candidate_id == candidate_id
    ]
    assert due.since == date(2026, 8, 3)
