"""Writing the offer to the candidate from the Offers page: Write… for the selected
offer, and the question after Mark Sent when it was not written yet.

The compose dialog opens with the offer template and the offer, so the letter
PDF is attached when the message is made.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hiring_desk.services.email.email_templates import OFFER
from hiring_desk.services.email.messages import messages_of
from hiring_desk.services.offers.offer_records import OfferSummary
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.email.compose import HeldWorkbook, open_compose


def write_offer(parent: QWidget, workbook: Workbook, offer: OfferSummary) -> bool:
    """The offer message for this offer, its letter attached; True once made."""
    return open_compose(
        parent,
        HeldWorkbook(workbook),
        candidate_id=offer.candidate_id,
        template=OFFER,
        offer_id=offer.id,
    )


def written(workbook: Workbook, offer: OfferSummary) -> bool:
    """Whether a message about this offer was made already."""
    return any(m.offer_id == offer.id for m in messages_of(workbook, offer.candidate_id))


def offer_to_write(parent: QWidget, workbook: Workbook, offer: OfferSummary) -> bool:
    """After Mark Sent: ask to write the offer, unless a message about it was made."""
    if written(workbook, offer):
        return False
    if not messages.confirm(
        parent,
        "Write the Offer?",
        f"The offer to {offer.candidate_name} is marked sent, but no message about it "
        "was made here yet. Write it now, with the letter attached?",
        "Write",
    ):
        return False
    return write_offer(parent, workbook, offer)
