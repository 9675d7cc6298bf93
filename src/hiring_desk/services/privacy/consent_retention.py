"""Privacy: consent records, the retention policy and the queue of candidates due for deletion.

Candidate data is personal data. A workbook keeps, per candidate, whether they
agreed to be kept on file for future roles (when, how, until when) and an
optional manual hold ("keep until"). Its retention policy (months after the last
application closed, 6 by default) decides, with ``domain.retention``, who is due
for deletion; the queue is computed from dates whenever it is asked for, so it
is right even after months without use. Erasure is in ``privacy_erasure``, the
access export in ``privacy_export``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from hiring_desk import clock
from hiring_desk.domain.formatting import DEFAULT_LOCALE
from hiring_desk.domain.retention import (
    DEFAULT_RETENTION_MONTHS,
    DeletionDue,
    RetentionFacts,
    check_months,
    due_date,
    period_start_ended_by,
)
from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates.erased_guard import refuse_if_erased
from hiring_desk.services.candidates.record_checks import plain_text
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import length_problem
from hiring_desk.services.privacy.access_export import export_candidate
from hiring_desk.services.privacy.erasure import ErasureReport, erase_candidate, erase_candidates
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    CompanyProfile,
    StageEvent,
    WorkbookSetting,
)
from hiring_desk.store.sql_functions import day_text

__all__ = [
    "CONSENT_METHODS",
    "DueCandidate",
    "ErasureReport",
    "PrivacyInfo",
    "due_for_deletion",
    "erase_candidate",
    "erase_candidates",
    "export_candidate",
    "get_retention_months",
    "keep_until",
    "privacy_info",
    "set_consent",
    "set_retention_months",
]

RETENTION_SETTING = "retention_months"
METHOD_LIMIT = 100

#: Ways of giving consent offered in the consent dialog (any other text is fine too).
CONSENT_METHODS: tuple[str, ...] = (
    "By email",
    "On the application form",
    "In a phone call",
    "In person",
    "In a signed letter",
)

_CLOSED = (Stage.REJECTED.value, Stage.WITHDRAWN.value)
_FINISHED = (*_CLOSED, Stage.HIRED.value)


@dataclass(frozen=True)
class PrivacyInfo:
    """One candidate's consent, hold and erasure, and when they will be due for deletion."""

    candidate_id: int
    consent_given_on: date | None
    consent_method: str
    consent_until: date | None
    retain_until: date | None
    erased_at: datetime | None
    #: When the retention policy makes them due (None: erased, hired or still in a hire).
    due: DeletionDue | None

    @property
    def has_consent(self) -> bool:
        return self.consent_given_on is not None

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


@dataclass(frozen=True)
class DueCandidate:
    """A line of the "due for deletion" queue."""

    candidate_id: int
    name: str
    why: str
    since: date


# -- the retention policy ---------------------------------------------------------------


def get_retention_months(workbook: Workbook) -> int:
    """The workbook's retention period in months (6 if it was never set)."""
    with workbook.transaction() as session:
        return _months(session)


def set_retention_months(workbook: Workbook, months: int) -> int:
    """Keep unsuccessful candidates ``months`` months (1-120) after their last application."""
    require(workbook, Permission.PRIVACY)
    problem = check_months(months)
    if problem:
        raise ValidationError({"retention_months": problem})
    with workbook.transaction() as session:
        setting = session.get(WorkbookSetting, RETENTION_SETTING)
        setting = setting or WorkbookSetting(key=RETENTION_SETTING)
        setting.value = str(months)
        session.add(setting)
        audit.record(session, "edit", "workbook_setting", None, {"key": RETENTION_SETTING})
    return months


def _months(session: Session) -> int:
    setting = session.get(WorkbookSetting, RETENTION_SETTING)
    try:
        months = int(setting.value) if setting is not None else DEFAULT_RETENTION_MONTHS
    except ValueError:
        return DEFAULT_RETENTION_MONTHS
    return months if check_months(months) is None else DEFAULT_RETENTION_MONTHS


def _locale(session: Session) -> str:
    profile = session.get(CompanyProfile, 1)
    return profile.locale if profile is not None and profile.locale else DEFAULT_LOCALE


# -- the queue ------------------------------------------------------------------------------


def _retention_rows() -> sa.Select[*tuple[Any, ...]]:
    """Per candidate not erased: the facts the retention rule needs, in one query.

    An application closed on the day of the stage move that closed it (its
    ``updated_at`` if that move was never recorded).
    """
    closing_move = (
        sa.select(sa.func.max(col(StageEvent.at)))
        .where(
            col(StageEvent.application_id) == col(Application.id),
            col(StageEvent.to_stage) == col(Application.stage),
        )
        .correlate(Application)
        .scalar_subquery()
    )
    closed = col(Application.stage).in_(_CLOSED)
    return (
        sa.select(
            col(Candidate.id),
            col(Candidate.name),
            col(Candidate.created_at),
            col(Candidate.consent_until),
            col(Candidate.retain_until),
            sa.func.max(
                sa.case((closed, sa.func.coalesce(closing_move, col(Application.updated_at))))
            ).label("last_closed"),
            _open_count().label("open"),
            _hired_count().label("hired"),
        )
        .outerjoin(Application, col(Application.candidate_id) == col(Candidate.id))
        .where(col(Candidate.erased_at).is_(None))
        .group_by(col(Candidate.id))
    )


def _open_count() -> sa.ColumnElement[int]:
    still_open = sa.and_(col(Application.id).is_not(None), col(Application.stage).not_in(_FINISHED))
    return sa.func.count(sa.case((still_open, 1)))


def _hired_count() -> sa.ColumnElement[int]:
    return sa.func.count(sa.case((col(Application.stage) == Stage.HIRED.value, 1)))


def _as_datetime(value: object) -> datetime:
    """A timestamp read back from an aggregate (the driver may hand over text)."""
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _facts(row: sa.Row[Any]) -> RetentionFacts:
    last_closed = row.last_closed
    return RetentionFacts(
        added_on=_as_datetime(row.created_at).date(),
        closed_on=(_as_datetime(last_closed).date(),) if last_closed is not None else (),
        open_applications=int(row.open),
        hired=int(row.hired) > 0,
        consent_until=row.consent_until,
        retain_until=row.retain_until,
    )


def due_for_deletion(workbook: Workbook, today: date | None = None) -> list[DueCandidate]:
    """Candidates due for deletion under the workbook's retention policy, longest due first.

    Erased and hired candidates and those with an application still open are
    never listed. ``today`` defaults to the current date.
    """
    today = today or clock.today()
    statement = _retention_rows().having(_open_count() == 0, _hired_count() == 0)
    with workbook.transaction() as session:
        months, locale = _months(session), _locale(session)
        found: list[DueCandidate] = []
        for row in session.execute(statement):
            due = due_date(_facts(row), months, locale)
            if due is not None and due.since <= today:
                found.append(DueCandidate(int(row.id), str(row.name), due.why, due.since))
    return sorted(found, key=lambda d: (d.since, d.candidate_id))


def count_due_for_deletion(workbook: Workbook, today: date | None = None) -> int:
    """How many ``due_for_deletion`` lists (the start-up notice's figure), counted by
    SQLite: no row is read into Python, so a big workbook costs little memory and
    leaves the interpreter to the window meanwhile.

    The day ``domain.retention.due_date`` gives, in SQL terms: the period runs from
    the day the last application closed (else the day they were added) and has ended
    by ``today`` when that day is at most ``period_start_ended_by(today)``; consent or
    a hold that lasts until a day before ``today`` has ended too (one that lasts
    longer keeps them).
    """
    today = today or clock.today()
    with workbook.transaction() as session:
        latest_start = period_start_ended_by(today, _months(session))
        rows = _retention_rows().having(_open_count() == 0, _hired_count() == 0).subquery()
        started = day_text(sa.func.coalesce(rows.c.last_closed, rows.c.created_at))
        statement = (
            sa.select(sa.func.count())
            .select_from(rows)
            .where(
                started <= latest_start.isoformat(),
                sa.or_(rows.c.consent_until.is_(None), rows.c.consent_until < today),
                sa.or_(rows.c.retain_until.is_(None), rows.c.retain_until < today),
            )
        )
        return int(session.execute(statement).scalar_one())


# -- one candidate -------------------------------------------------------------------------


def privacy_info(workbook: Workbook, candidate_id: int) -> PrivacyInfo:
    with workbook.transaction() as session:
        return _info(session, candidate_id)


def _info(session: Session, candidate_id: int) -> PrivacyInfo:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFoundError(f"Candidate {candidate_id} does not exist.")
    due: DeletionDue | None = None
    if candidate.erased_at is None:
        row = session.execute(
            _retention_rows().where(col(Candidate.id) == candidate_id)
        ).one_or_none()
        if row is not None:
            due = due_date(_facts(row), _months(session), _locale(session))
    return PrivacyInfo(
        candidate_id=candidate_id,
        consent_given_on=candidate.consent_at.date() if candidate.consent_at else None,
        consent_method=candidate.consent_method,
        consent_until=candidate.consent_until,
        retain_until=candidate.retain_until,
        erased_at=candidate.erased_at,
        due=due,
    )


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def set_consent(
    workbook: Workbook,
    candidate_id: int,
    given_at: date | datetime | None,
    method: str = "",
    until: date | None = None,
    *,
    today: date | None = None,
) -> PrivacyInfo:
    """Record that the candidate agreed to be kept on file (when, how, until when).

    ``given_at`` None withdraws the record (consent withdrawn or recorded by
    mistake). Consent cannot be dated in the future, needs a method, and ends on
    a day no earlier than it was given.
    """
    require(workbook, Permission.PRIVACY)
    today = today or clock.today()
    given = _day(given_at)
    method = plain_text(method)
    errors: dict[str, str] = {}
    if given is not None:
        if given > today:
            errors["given_at"] = "cannot be in the future"
        if not method:
            errors["method"] = "say how the candidate gave their consent"
        elif problem := length_problem(method, METHOD_LIMIT):
            errors["method"] = problem
        if until is None:
            errors["until"] = "give the day the consent ends"
        elif until < given:
            errors["until"] = "must be on or after the day consent was given"
    if errors:
        raise ValidationError(errors)
    with workbook.transaction() as session:
        refuse_if_erased(session, candidate_id)
        candidate = session.get(Candidate, candidate_id)
        if candidate is None:
            raise NotFoundError(f"Candidate {candidate_id} does not exist.")
        if given is None:
            candidate.consent_at, candidate.consent_method, candidate.consent_until = None, "", None
        else:
            candidate.consent_at = datetime(given.year, given.month, given.day, tzinfo=UTC)
            candidate.consent_method, candidate.consent_until = method, until
        session.add(candidate)
        audit.record(session, "consent", "candidate", candidate_id, {"given": given is not None})
        return _info(session, candidate_id)


def keep_until(
    workbook: Workbook, candidate_id: int, until: date | None, *, today: date | None = None
) -> PrivacyInfo:
    """Hold a candidate's data until ``until`` (after today), or lift the hold (None).

    A hold only ever delays deletion: the retention policy still applies after it.
    """
    require(workbook, Permission.PRIVACY)
    today = today or clock.today()
    if until is not None and until <= today:
        raise ValidationError({"until": "must be a day after today"})
    with workbook.transaction() as session:
        refuse_if_erased(session, candidate_id)
        candidate = session.get(Candidate, candidate_id)
        if candidate is None:
            raise NotFoundError(f"Candidate {candidate_id} does not exist.")
        candidate.retain_until = until
        session.add(candidate)
        audit.record(
            session,
            "keep_until",
            "candidate",
            candidate_id,
            {"until": until.isoformat() if until else None},
        )
        return _info(session, candidate_id)
