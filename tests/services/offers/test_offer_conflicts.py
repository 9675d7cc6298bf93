"""Two people change the same offer's status: the second is told who changed it, and how."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlmodel import select
from tests.conftest import TODAY

from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ChangedMeanwhileError
from hiring_desk.services.offers import offer_records, offer_status
from hiring_desk.services.offers.offer_views import OfferSummary
from hiring_desk.services.offers.terms import OfferDraft
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application

NIAMH, PRIYA = 1, 3  # of the demo's team

#: Every test here runs on ``TODAY`` (the terms' dates are relative to it).
pytestmark = pytest.mark.usefixtures("today")


def _sent_offer(demo: Workbook) -> OfferSummary:
    """The demo's offer waiting for an answer, as the Offers page shows it."""
    return next(o for o in offer_records.list_offers(demo) if o.status == "sent")


def test_the_second_status_change_from_an_old_version_is_refused(demo: Workbook) -> None:
    shown = _sent_offer(demo)  # both people see the offer waiting
    audit.set_acting_member(demo, NIAMH)
    declined = offer_status.decline(demo, shown.id, expected_version=shown.version)
    assert (declined.status, declined.version) == ("declined", shown.version + 1)

    audit.set_acting_member(demo, PRIYA)
    with pytest.raises(ChangedMeanwhileError) as refused:
        offer_status.accept(demo, shown.id, expected_version=shown.version)
    message = str(refused.value)
    assert message.startswith(
        f"Niamh Gallagher recorded that {shown.candidate_name} declined the offer meanwhile ("
    )
    assert message.endswith("Nothing was changed; the page now shows the current state.")

    now = offer_records.offer_detail(demo, shown.id)
    assert (now.status, now.version, now.accepted_at) == ("declined", declined.version, None)
    assert all(o.status != "accepted" for o in offer_records.list_offers(demo))


def test_a_withdrawal_meets_an_acceptance(demo: Workbook) -> None:
    shown = _sent_offer(demo)
    audit.set_acting_member(demo, PRIYA)
    offer_status.accept(demo, shown.id, expected_version=shown.version)
    audit.set_acting_member(demo, NIAMH)
    with pytest.raises(
        ChangedMeanwhileError,
        match=f"^Priya Raman recorded that {shown.candidate_name} accepted the offer meanwhile",
    ):
        offer_status.withdraw(demo, shown.id, expected_version=shown.version)
    assert offer_records.offer_detail(demo, shown.id).status == "accepted"


def test_a_status_change_without_a_version_still_works(demo: Workbook) -> None:
    shown = _sent_offer(demo)
    offer_status.decline(demo, shown.id)  # the command line shows no version
    assert offer_records.offer_detail(demo, shown.id).version == shown.version + 1


def test_an_approval_of_terms_changed_meanwhile_is_refused(demo: Workbook) -> None:
    """New terms are a new version: approving the old ones would approve unseen terms."""
    with demo.transaction() as session:
        shortlisted = session.exec(
            select(Application).where(Application.stage == "shortlisted")
        ).first()
        assert shortlisted is not None and shortlisted.id is not None
    terms = OfferDraft(salary=Decimal(70000), currency="EUR", start_date=TODAY + timedelta(weeks=6))
    drafted = offer_records.create_offer(demo, shortlisted.id, terms)
    shown = drafted.version  # both see the draft
    audit.set_acting_member(demo, NIAMH)
    edited = offer_records.update_offer(
        demo,
        drafted.id,
        OfferDraft(salary=Decimal(65000), currency="EUR", start_date=TODAY + timedelta(weeks=6)),
    )
    assert edited.version == shown + 1
    audit.set_acting_member(demo, PRIYA)
    with pytest.raises(
        ChangedMeanwhileError,
        match=r"^Niamh Gallagher changed the terms of the offer to .* meanwhile",
    ):
        offer_status.approve(demo, drafted.id, PRIYA, expected_version=shown)
    assert offer_records.offer_detail(demo, drafted.id).status == "draft"
