"""The columns of the Offers page's table: who, for what, the pay, and the dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hiring_desk.domain.formatting import format_day, format_money
from hiring_desk.domain.offer_rules import STATUS_ORDER
from hiring_desk.domain.vocab import OfferStatus, PayPeriod
from hiring_desk.services.offers.offer_records import OfferSummary
from hiring_desk.ui.table_model import Column


def local_day(moment: datetime | None) -> date | None:
    """The local calendar day of a stored UTC time (SQLite hands them back naive)."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone().date()


def offer_columns(locale: str) -> list[Column[OfferSummary]]:
    return [
        Column("Candidate", lambda o: o.candidate_name),
        Column("Role", lambda o: o.role_title),
        Column(
            "Salary",
            lambda o: (
                f"{format_money(o.salary_minor, o.currency, locale, whole=True)} "
                f"{PayPeriod(o.pay_period).label}"
            ),
            lambda o: (o.currency, o.salary_minor),
            True,
        ),
        Column(
            "Status", lambda o: o.status_label, lambda o: STATUS_ORDER.index(OfferStatus(o.status))
        ),
        Column(
            "Since", lambda o: format_day(local_day(o.status_at), locale), lambda o: o.status_at
        ),
        Column("Start date", lambda o: format_day(o.start_date, locale), lambda o: o.start_date),
        Column("Expires", lambda o: format_day(o.expiry_date, locale), lambda o: o.expiry_date),
        Column("Approved by", lambda o: o.approved_by),
    ]
