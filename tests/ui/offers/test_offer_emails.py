"""Writing the offer from the Offers page: Write… for the selected offer (the letter
attached), and the question after Mark Sent, asked only when nothing was written."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.services.email.email_setup import attachments_of, parse_eml
from tests.ui.conftest import choose_more, when_modal

from hiring_desk.services.email.messages import messages_of
from hiring_desk.services.offers import offer_records
from hiring_desk.services.offers.offer_records import OfferSummary
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook, models
from hiring_desk.ui import messages
from hiring_desk.ui.email.compose import ComposeDialog
from hiring_desk.ui.offers.offers_page import OffersPage

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(qtbot: QtBot, demo: Workbook) -> OffersPage:
    demo.acting_member_id = team_members.list_members(demo)[0].id
    widget = OffersPage()
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.set_workbook(demo)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def select_offer(qtbot: QtBot, page: OffersPage, status: str) -> OfferSummary:
    offer = next(o for o in page.model.rows() if o.status == status)
    row = page.model.rows().index(offer)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    assert page.selected_offer() == offer
    return offer


def test_write_opens_the_offer_message_with_the_letter_attached(
    qtbot: QtBot, page: OffersPage, demo: Workbook, opened: list[QUrl]
) -> None:
    offer = select_offer(qtbot, page, "sent")
    seen: list[tuple[int, str, int | None, str]] = []

    def make(dialog: QWidget) -> None:
        assert isinstance(dialog, ComposeDialog)
        about = dialog.about()
        seen.append(
            (about.candidate_id, dialog.template_key(), about.offer_id, dialog.files.item(0).text())
        )
        assert dialog.open_button.isEnabled(), dialog.problems.item(0).text()
        qtbot.mouseClick(dialog.open_button, LEFT)

    when_modal(qtbot, make, ComposeDialog, close_after=True)
    choose_more(qtbot, page.toolbar, "write_offer")
    ((candidate_id, template, offer_id, first_file),) = seen
    assert (candidate_id, template, offer_id) == (offer.candidate_id, "offer", offer.id)
    assert first_file.startswith("offer-letter.pdf")
    (url,) = opened
    eml = parse_eml(Path(url.toLocalFile()))
    assert attachments_of(eml)["offer-letter.pdf"].startswith(b"%PDF")
    made = [m for m in messages_of(demo, offer.candidate_id) if m.offer_id == offer.id]
    assert len(made) == 1 and made[0].attachments == ("offer-letter.pdf",)


def _approved(demo: Workbook, offer_id: int) -> None:
    from hiring_desk.services.offers import offer_status

    offer_status.approve(demo, offer_id, team_members.list_members(demo)[0].id)


def test_mark_sent_does_not_ask_again_once_the_offer_was_written(
    qtbot: QtBot,
    page: OffersPage,
    demo: Workbook,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
    answered_questions: list[str],
) -> None:
    """(When nothing was written, Mark Sent opens the compose dialog: see the whole flow
    in test_offers_page.)"""
    from tests.ui.offers.test_offers_page import second_offer

    from hiring_desk import clock
    from hiring_desk.services.offers.terms import OfferDraft

    draft_id = second_offer(demo)
    terms = offer_records.offer_detail(demo, draft_id).draft
    today = clock.today()
    offer_records.update_offer(
        demo,
        draft_id,
        OfferDraft(
            salary=terms.salary,
            start_date=today + timedelta(days=60),
            expiry_date=today + timedelta(days=14),
        ),
    )
    _approved(demo, draft_id)
    with demo.transaction() as session:  # the letter is addressed to the candidate
        candidate = session.get(
            models.Candidate, offer_records.offer_detail(demo, draft_id).context.candidate_id
        )
        assert candidate is not None
        candidate.postal_address = "14 Quay Street\nGalway H91 X2Y3"
    page.refresh()
    offer = select_offer(qtbot, page, "approved")
    assert offer.id == draft_id

    def make(dialog: QWidget) -> None:
        assert isinstance(dialog, ComposeDialog)
        problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        assert dialog.open_button.isEnabled(), problems
        qtbot.mouseClick(dialog.open_button, LEFT)

    when_modal(qtbot, make, ComposeDialog, close_after=True)
    choose_more(qtbot, page.toolbar, "write_offer")
    assert len(opened) == 1, answered_questions  # made: nothing refused
    asked: list[str] = []

    def answer(_parent: object, title: str, _text: str, *_args: object) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr(messages, "confirm", answer)
    qtbot.mouseClick(page.send_button, LEFT)
    assert asked == ["Mark Offer Sent"]
    assert offer_records.offer_detail(demo, draft_id).status == "sent"
