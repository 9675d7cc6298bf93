"""The letter dialog: its preview rendered as it prints, the DRAFT line, and the company
profile opened from a letter that needs the company's address."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.pdf_helpers import pdf_words
from tests.services.offers.letter_setup import NASTY, add_offer
from tests.ui.conftest import click_button, when_modal

from hiring_desk.services.offers.letter_templates import save_own_template
from hiring_desk.services.offers.offer_letters import write_letter_pdf
from hiring_desk.services.team import company
from hiring_desk.store import Workbook
from hiring_desk.ui.offers.offer_letter_dialog import OfferLetterDialog
from hiring_desk.ui.team.company_dialog import CompanyDialog

LEFT = Qt.MouseButton.LeftButton
MARKED_UP = (
    "# Welcome aboard\n\n"
    "Dear **{{ candidate.name }}**,\n"
    "we are glad.\n\n"
    "- Salary: {{ offer.salary }}\n"
    "- Starts on {{ offer.start_date }}\n"
)


@pytest.fixture
def open_dialog(qtbot: QtBot, workbook: Workbook) -> Iterator[Callable[[int], OfferLetterDialog]]:
    def make(offer_id: int) -> OfferLetterDialog:
        dialog = OfferLetterDialog(workbook, offer_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield make


def choose_template(qtbot: QtBot, dialog: OfferLetterDialog, key: str) -> None:
    combo = dialog.template
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == key:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == key


def blocks(document: QTextDocument) -> list[tuple[str, int, bool]]:
    """Each paragraph: (its text, its heading level, whether it is a list item)."""
    found = []
    block = document.begin()
    while block.isValid():
        found.append(
            (block.text(), block.blockFormat().headingLevel(), block.textList() is not None)
        )
        block = block.next()
    return found


def bold_runs(document: QTextDocument) -> list[str]:
    runs = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold.value:
                runs.append(fragment.text())
            iterator += 1
        block = block.next()
    return runs


def test_the_preview_renders_headings_lists_and_bold(
    qtbot: QtBot,
    workbook: Workbook,
    open_dialog: Callable[[int], OfferLetterDialog],
    tmp_path: Path,
) -> None:
    offer_id = add_offer(workbook, candidate={"name": NASTY})
    own = save_own_template(workbook, "Marked up", MARKED_UP)
    dialog = open_dialog(offer_id)
    choose_template(qtbot, dialog, own.key)

    shown = dialog.preview.toPlainText()
    assert "**" not in shown and "# Welcome" not in shown and "- Salary" not in shown
    found = blocks(dialog.preview.document())
    assert ("Welcome aboard", 3, False) in [(t, h, li) for t, h, li in found if h]
    assert any(text == "Salary: €65,000" and in_list for text, _h, in_list in found)
    assert NASTY in bold_runs(dialog.preview.document())  # typed text stays as typed
    assert "we are glad." in shown.split(f"Dear {NASTY},")[1].splitlines()[1]  # its own line

    write_letter_pdf(workbook, offer_id, tmp_path / "marked.pdf", own.key)
    printed = pdf_words(tmp_path / "marked.pdf")
    assert f"Dear {NASTY}," in printed and "**" not in printed


def test_a_draft_letter_says_why_it_is_marked(
    workbook: Workbook, open_dialog: Callable[[int], OfferLetterDialog]
) -> None:
    dialog = open_dialog(add_offer(workbook))
    assert dialog.draft_line.isVisible()
    assert dialog.draft_line.text() == (
        "This offer is not approved yet, so the letter is marked DRAFT."
    )

    over_budget = add_offer(
        workbook, role={"salary_min_minor": 4_000_000, "salary_max_minor": 5_000_000}
    )
    dialog = open_dialog(over_budget)
    assert "not approved yet and is over the role's budget" in dialog.draft_line.text()

    dialog = open_dialog(add_offer(workbook, offer={"status": "approved"}))
    assert not dialog.draft_line.isVisible()


def test_a_letter_that_needs_the_company_address_opens_the_profile_and_checks_again(
    qtbot: QtBot, workbook: Workbook, open_dialog: Callable[[int], OfferLetterDialog]
) -> None:
    offer_id = add_offer(workbook, company={"address": ""})
    own = save_own_template(workbook, "With our address", "From {{ company.address }}.\n")
    dialog = open_dialog(offer_id)
    choose_template(qtbot, dialog, own.key)
    assert not dialog.save_button.isEnabled()
    assert dialog.profile_button.isVisible()
    assert dialog.profile_button.text() == "Add the &Company's Address…"

    seen: list[bool] = []

    def add_address(widget: QWidget) -> None:
        assert isinstance(widget, CompanyDialog)
        seen.append(widget.focusWidget() is widget.page.address_edit)
        qtbot.keyClicks(widget.page.address_edit, "Unit 3, Millrace Yard")
        click_button(qtbot, widget, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, add_address, CompanyDialog, close_after=True)
    qtbot.mouseClick(dialog.profile_button, LEFT)

    assert seen == [True]
    assert company.get_company(workbook).address == "Unit 3, Millrace Yard"
    assert not dialog.problems.isVisible() and not dialog.profile_button.isVisible()
    assert dialog.save_button.isEnabled()
    assert "ready to print" in dialog.status.text()
    assert "From Unit 3, Millrace Yard." in dialog.preview.toPlainText()
