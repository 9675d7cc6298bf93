"""``list``: roles, candidates, interviews, offers and the activity log, as a table or JSON."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from hiring_desk.cli.output import Column, Json, format_table, out, out_json
from hiring_desk.cli.registry import EXIT_OK, CommandError, add_workbook_argument, command

if TYPE_CHECKING:
    from hiring_desk.services.candidates.candidate_records import CandidateSummary
    from hiring_desk.services.common.audit import AuditEntry
    from hiring_desk.services.interviews.interview_records import InterviewSummary
    from hiring_desk.services.offers.offer_records import OfferSummary
    from hiring_desk.services.roles.role_records import RoleSummary
    from hiring_desk.services.workbook.opening import Workbook

T = TypeVar("T")


@dataclass(frozen=True)
class Listing(Generic[T]):
    """One kind of record ``list`` can show: how to load it, as text and as JSON."""

    help: str
    load: Callable[[Workbook, str], Sequence[T]]  # (workbook, search text)
    columns: tuple[Column, ...]
    row: Callable[[T], Sequence[str]]
    record: Callable[[T], dict[str, Json]]


def _label(vocabulary: type[StrEnum], value: str | None) -> str:
    """The label of a stored vocabulary value; an unknown value is shown as stored."""
    if not value:
        return ""
    try:
        label: str = getattr(vocabulary(value), "label", value)
    except ValueError:
        return value
    return label


def _iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _utc(value: datetime) -> datetime:
    """Stored times are UTC; SQLite hands them back without a zone."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _local(value: datetime, zone: str) -> datetime:
    """``value`` in the IANA time zone ``zone``, or in UTC if the zone is unknown."""
    from zoneinfo import ZoneInfo

    try:
        return _utc(value).astimezone(ZoneInfo(zone))
    except (ValueError, LookupError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return _utc(value)


def _major_units(minor: int, currency: str) -> Decimal:
    from hiring_desk.domain.formatting import minor_to_major

    try:
        return minor_to_major(minor, currency)
    except Exception:  # an unknown currency code: most currencies have cents
        return Decimal(minor).scaleb(-2)


# roles


def _load_roles(workbook: Workbook, _search: str) -> Sequence[RoleSummary]:
    from hiring_desk.services.roles.role_records import list_roles

    return list_roles(workbook)


def _role_row(role: RoleSummary) -> list[str]:
    from hiring_desk.domain.vocab import RoleStatus

    return [
        str(role.id),
        role.title,
        _label(RoleStatus, role.status),
        str(role.headcount),
        str(role.candidate_count),
        _iso_date(role.target_date) or "",
        role.location,
        role.hiring_manager,
    ]


def _role_record(role: RoleSummary) -> dict[str, Json]:
    return {
        "id": role.id,
        "title": role.title,
        "status": role.status,
        "headcount": role.headcount,
        "candidate_count": role.candidate_count,
        "target_date": _iso_date(role.target_date),
        "location": role.location,
        "hiring_manager": role.hiring_manager,
    }


# candidates


def _load_candidates(workbook: Workbook, search: str) -> Sequence[CandidateSummary]:
    from hiring_desk.services.candidates.candidate_records import list_candidates

    return list_candidates(workbook, search)


def _candidate_row(candidate: CandidateSummary) -> list[str]:
    from hiring_desk.domain.vocab import Source, Stage

    return [
        str(candidate.id),
        candidate.name,
        candidate.email,
        _label(Stage, candidate.stage),
        candidate.role_title or "",
        _label(Source, candidate.source),
        candidate.location,
    ]


def _candidate_record(candidate: CandidateSummary) -> dict[str, Json]:
    return {
        "id": candidate.id,
        "name": candidate.name,
        "email": candidate.email,
        "stage": candidate.stage,
        "role": candidate.role_title,
        "source": candidate.source,
        "location": candidate.location,
    }


# interviews


def _load_interviews(workbook: Workbook, _search: str) -> Sequence[InterviewSummary]:
    from hiring_desk.services.interviews.interview_records import list_interviews

    return list_interviews(workbook)


def _interview_row(interview: InterviewSummary) -> list[str]:
    from hiring_desk.domain.vocab import InterviewStatus

    starts = _local(interview.starts_at, interview.timezone)
    return [
        str(interview.id),
        starts.isoformat(timespec="minutes"),
        interview.timezone,
        f"{interview.duration_minutes} min",
        interview.candidate_name,
        interview.role_title,
        interview.round_name,
        _label(InterviewStatus, interview.status),
    ]


def _interview_record(interview: InterviewSummary) -> dict[str, Json]:
    return {
        "id": interview.id,
        "candidate_id": interview.candidate_id,
        "candidate": interview.candidate_name,
        "role_id": interview.role_id,
        "role": interview.role_title,
        "round": interview.round_name,
        "starts_at": _utc(interview.starts_at).isoformat(timespec="seconds"),
        "timezone": interview.timezone,
        "duration_minutes": interview.duration_minutes,
        "status": interview.status,
    }


# offers


def _load_offers(workbook: Workbook, _search: str) -> Sequence[OfferSummary]:
    from hiring_desk.services.offers.offer_records import list_offers

    return list_offers(workbook)


def _offer_row(offer: OfferSummary) -> list[str]:
    from hiring_desk.domain.vocab import OfferStatus, PayPeriod

    amount = _major_units(offer.salary_minor, offer.currency)
    return [
        str(offer.id),
        offer.candidate_name,
        offer.role_title,
        _label(OfferStatus, offer.status),
        f"{amount:,f} {offer.currency}",
        _label(PayPeriod, offer.pay_period),
        _iso_date(offer.start_date) or "",
    ]


def _offer_record(offer: OfferSummary) -> dict[str, Json]:
    return {
        "id": offer.id,
        "candidate_id": offer.candidate_id,
        "candidate": offer.candidate_name,
        "role_id": offer.role_id,
        "role": offer.role_title,
        "status": offer.status,
        "salary_minor": offer.salary_minor,
        "salary": format(_major_units(offer.salary_minor, offer.currency), "f"),
        "currency": offer.currency,
        "pay_period": offer.pay_period,
        "start_date": _iso_date(offer.start_date),
    }


# the activity log (no personal data: when, who, what was done to which record)


def _load_audit(workbook: Workbook, _search: str) -> Sequence[AuditEntry]:
    from hiring_desk.services.common.audit import list_events

    return list_events(workbook)


def _audit_row(entry: AuditEntry) -> list[str]:
    when = _utc(entry.at).strftime("%Y-%m-%d %H:%M:%S UTC")
    entity_id = "" if entry.entity_id is None else str(entry.entity_id)
    return [str(entry.id), when, entry.who, entry.action, entry.entity, entity_id]


def _audit_record(entry: AuditEntry) -> dict[str, Json]:
    return {
        "id": entry.id,
        "at": _utc(entry.at).isoformat(),
        "who": entry.who,
        "login": entry.login,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
    }


#: What ``list`` can show, by the name given on the command line.
LISTINGS: dict[str, Listing[Any]] = {
    "roles": Listing(
        help="roles (requisitions) with their status and number of candidates",
        load=_load_roles,
        columns=(
            Column("ID", right=True),
            Column("Title"),
            Column("Status"),
            Column("Headcount", right=True),
            Column("Candidates", right=True),
            Column("Target date"),
            Column("Location"),
            Column("Hiring manager"),
        ),
        row=_role_row,
        record=_role_record,
    ),
    "candidates": Listing(
        help="candidates with the stage and role of their latest application",
        load=_load_candidates,
        columns=(
            Column("ID", right=True),
            Column("Name"),
            Column("Email"),
            Column("Stage"),
            Column("Role"),
            Column("Source"),
            Column("Location"),
        ),
        row=_candidate_row,
        record=_candidate_record,
    ),
    "interviews": Listing(
        help="interviews by start time (local to each interview's time zone)",
        load=_load_interviews,
        columns=(
            Column("ID", right=True),
            Column("Starts"),
            Column("Time zone"),
            Column("Duration", right=True),
            Column("Candidate"),
            Column("Role"),
            Column("Round"),
            Column("Status"),
        ),
        row=_interview_row,
        record=_interview_record,
    ),
    "offers": Listing(
        help="offers with their status, salary and start date",
        load=_load_offers,
        columns=(
            Column("ID", right=True),
            Column("Candidate"),
            Column("Role"),
            Column("Status"),
            Column("Salary", right=True),
            Column("Period"),
            Column("Start date"),
        ),
        row=_offer_row,
        record=_offer_record,
    ),
    "audit": Listing(
        help="the activity log, newest first: when, which team member, what was done "
        "to which record (never candidates' details)",
        load=_load_audit,
        columns=(
            Column("ID", right=True),
            Column("When"),
            Column("Who"),
            Column("Action"),
            Column("Record"),
            Column("Record ID", right=True),
        ),
        row=_audit_row,
        record=_audit_record,
    ),
}


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = "; ".join(f"{name}: {listing.help}" for name, listing in LISTINGS.items())
    parser.add_argument(
        "kind", choices=list(LISTINGS), help=f"what to list ({kinds})", metavar="KIND"
    )
    add_workbook_argument(parser, "the workbook to read")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON array of objects (ids, stored values, ISO dates) instead of a table",
    )
    parser.add_argument(
        "--search",
        metavar="TEXT",
        default="",
        help="candidates only: those whose name, email, skills, notes or CV text match, "
        "best match first (accents and case do not matter)",
    )


@command(
    "list",
    help=f"list {', '.join(LISTINGS)} as a table or as JSON",
    description=(
        f"List the {', '.join(LISTINGS)} of a workbook, as an aligned table or, "
        "with --json, as one JSON array. The workbook is only read, so this works "
        "while it is open in Hiring Desk."
    ),
    arguments=_list_arguments,
)
def _run_list(args: argparse.Namespace) -> int:
    from hiring_desk.services.workbook.opening import open_workbook_to_read

    listing = LISTINGS[args.kind]
    if args.search and args.kind != "candidates":
        raise CommandError("--search works with 'list candidates' only")
    with open_workbook_to_read(args.workbook) as workbook:
        items = listing.load(workbook, args.search)
    if args.json:
        out_json([listing.record(item) for item in items])
    else:
        out(format_table(listing.columns, [listing.row(item) for item in items]))
    return EXIT_OK
