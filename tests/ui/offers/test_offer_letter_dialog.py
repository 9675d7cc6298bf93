"""The offer-letter dialog and the template editor, driven with clicks and keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tests.pdf_helpers import pdf_words
from tests.services.offers.letter_setup import NASTY, add_offer, change_offer, stored_offer
from tests.ui.conftest import MakeWindow, when_modal

from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.offers import letter_templates, offer_letters
from hiring_desk.store import Workbook
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.offers.offer_letter_dialog import OfferLetterDialog, OfferTemplatesDialog
from hiring_desk.ui.offers.offers_page import OffersPage

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def open_dialog(qtbot: QtBot, workbook: Workbook) -> Iterator[Callable[[int], OfferLetterDialog]]:
    def make(offer_id: int) -> OfferLetterDialog:
        dialog = OfferLetterDialog(workbook, offer_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield make


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Answers the Save PDF chooser with tmp_path/letter-N.pdf; lists the answers."""
    answers: list[Path] = []

    def ask(_parent: QWidget | None, start: Path, _title: str = "") -> Path:
        assert start.name.startswith("Offer letter - ") and start.suffix == ".pdf"
        answers.append(tmp_path / f"letter-{len(answers) + 1}.pdf")
        return answers[-1]

    monkeypatch.setattr(file_dialogs, "ask_save_pdf", ask)
    return answers


class Printing(NamedTuple):
    offer_id: int
    dialog: OfferLetterDialog
    saved: list[Path]  # where each PDF was saved (see save_to)


@pytest.fixture
def printing(
    workbook: Workbook, open_dialog: Callable[[int], OfferLetterDialog], save_to: list[Path]
) -> Printing:
    """The letter dialog on a complete draft offer, its PDFs saved as save_to answers."""
    offer_id = add_offer(workbook)
    return Printing(offer_id, open_dialog(offer_id), save_to)


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def choose(qtbot: QtBot, dialog: OfferLetterDialog, label: str) -> None:
    """Pick a template with the keyboard, as a person would."""
    combo = dialog.template
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == label:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == label


# -- printing ----------------------------------------------------------------------------------


def test_the_first_pdf_keeps_the_letter(
    qtbot: QtBot, workbook: Workbook, printing: Printing
) -> None:
    offer_id, dialog, save_to = printing
    assert dialog.note.text().startswith("Not printed yet.")
    assert dialog.template.currentText() == "Full-time employee"
    assert not dialog.problems.isVisible() and not dialog.regenerate_button.isVisible()
    preview = dialog.preview.toPlainText()
    assert "Dear Margaux Lefèvre," in preview and "€65,000 per year" in preview

    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.operation is None)
    assert "Dear Margaux Lefèvre," in pdf_words(save_to[0])
    assert stored_offer(workbook, offer_id).letter_template == "full-time-employee"
    assert dialog.note.text().startswith("Printed on ")
    assert "reprints give the same letter" in dialog.note.text()
    assert dialog.status.text() == "Saved letter-1.pdf."
    assert dialog.regenerate_button.isVisible()


def test_a_reprint_is_the_kept_letter(
    qtbot: QtBot,
    workbook: Workbook,
    open_dialog: Callable[[int], OfferLetterDialog],
    save_to: list[Path],
) -> None:
    offer_id = add_offer(workbook, offer={"status": "sent"})
    kept = offer_letters.freeze_letter(workbook, offer_id)
    change_offer(workbook, offer_id, salary_minor=9_900_000)
    dialog = open_dialog(offer_id)
    shown = dialog.preview.toPlainText()
    assert "€65,000 per year" in shown and "€99,000" not in shown  # the kept letter
    assert kept.body.splitlines()[-1] in shown
    assert not dialog.template.isEnabled()
    assert dialog.regenerate_button.isVisible() and not dialog.regenerate_button.isEnabled()
    assert "The offer's terms have changed since it was printed." in dialog.note.text()
    assert "has been sent, so the letter stays as printed" in dialog.note.text()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.operation is None)
    assert offer_letters.freeze_letter(workbook, offer_id) == kept


def test_missing_fields_are_listed_and_stop_printing(
    workbook: Workbook, open_dialog: Callable[[int], OfferLetterDialog]
) -> None:
    offer_id = add_offer(workbook, offer={"start_date": None}, candidate={"postal_address": ""})
    dialog = open_dialog(offer_id)
    items = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert items == [
        "The offer has no start date: set it in the offer.",
        "The candidate has no postal address: add it to their record, as the letter is "
        "addressed to it.",
    ]
    assert dialog.problems_title.isVisible() and not dialog.save_button.isEnabled()
    assert "start on [missing: offer.start_date]." in dialog.preview.toPlainText()


def test_choosing_another_template_shows_its_letter(
    qtbot: QtBot, workbook: Workbook, printing: Printing
) -> None:
    offer_id, dialog, _saved = printing
    choose(qtbot, dialog, "Fixed-term contractor")
    assert "independent contractor" in dialog.preview.toPlainText()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.operation is None)
    assert stored_offer(workbook, offer_id).letter_template == "fixed-term-contractor"


def test_regenerate_a_draft_offers_letter_with_new_terms(
    qtbot: QtBot,
    workbook: Workbook,
    open_dialog: Callable[[int], OfferLetterDialog],
    answered_questions: list[str],
) -> None:
    offer_id = add_offer(workbook)
    offer_letters.freeze_letter(workbook, offer_id)
    change_offer(workbook, offer_id, salary_minor=7_000_000)
    dialog = open_dialog(offer_id)
    assert "€65,000 per year" in dialog.preview.toPlainText()
    click(qtbot, dialog.regenerate_button)
    assert answered_questions == ["Regenerate Letter"]
    assert "€70,000 per year" in dialog.preview.toPlainText()
    assert "€70,000" in offer_letters.freeze_letter(workbook, offer_id).body
    assert "have changed" not in dialog.note.text()


def test_another_template_for_a_kept_letter_needs_regenerate(
    qtbot: QtBot, workbook: Workbook, open_dialog: Callable[[int], OfferLetterDialog]
) -> None:
    offer_id = add_offer(workbook, offer={"status": "approved"})
    offer_letters.freeze_letter(workbook, offer_id)
    dialog = open_dialog(offer_id)
    choose(qtbot, dialog, "Part-time employee")
    assert "part-time employee" in dialog.preview.toPlainText()
    assert "Regenerate to keep it" in dialog.note.text()
    assert not dialog.save_button.isEnabled()
    click(qtbot, dialog.regenerate_button)
    assert stored_offer(workbook, offer_id).letter_template == "part-time-employee"
    assert dialog.save_button.isEnabled()


def test_user_text_is_shown_as_plain_text(
    workbook: Workbook, open_dialog: Callable[[int], OfferLetterDialog]
) -> None:
    offer_id = add_offer(workbook, candidate={"name": NASTY})
    dialog = open_dialog(offer_id)
    assert dialog.windowTitle() == f"Offer Letter — {NASTY}"
    assert f"Dear {NASTY}," in dialog.preview.toPlainText()
    assert dialog.note.textFormat() == Qt.TextFormat.PlainText


def test_the_templates_button_opens_the_editor_and_lists_new_templates(
    qtbot: QtBot, workbook: Workbook, open_dialog: Callable[[int], OfferLetterDialog]
) -> None:
    dialog = open_dialog(add_offer(workbook))

    def copy_and_close(editor: QWidget) -> None:
        assert isinstance(editor, OfferTemplatesDialog)
        qtbot.mouseClick(editor.copy_button, LEFT)
        editor.reject()

    when_modal(qtbot, copy_and_close, OfferTemplatesDialog)
    click(qtbot, dialog.templates_button)
    labels = [dialog.template.itemText(i) for i in range(dialog.template.count())]
    assert "Full-time employee (copy) (yours)" in labels
    assert dialog.template.currentText() == "Full-time employee"


# -- the template editor -----------------------------------------------------------------------


@pytest.fixture
def editor(qtbot: QtBot, workbook: Workbook) -> OfferTemplatesDialog:
    dialog = OfferTemplatesDialog(workbook)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_built_in_templates_are_read_only(qtbot: QtBot, editor: OfferTemplatesDialog) -> None:
    assert editor.templates.count() == 3
    assert editor.templates.currentItem().text() == "Full-time employee (built-in)"
    assert editor.body.isReadOnly() and editor.name.isReadOnly()
    assert not editor.remove_button.isEnabled() and not editor.save_button.isEnabled()
    assert "copy it" in editor.note.text()
    before = editor.body.toPlainText()
    qtbot.keyClicks(editor.body, "typed")
    assert editor.body.toPlainText() == before


def test_copy_edit_check_save_and_remove_an_own_template(
    qtbot: QtBot,
    workbook: Workbook,
    editor: OfferTemplatesDialog,
    answered_questions: list[str],
) -> None:
    qtbot.mouseClick(editor.copy_button, LEFT)
    assert editor.templates.currentItem().text() == "Full-time employee (copy)"
    assert not editor.body.isReadOnly() and editor.remove_button.isEnabled()
    key = editor.selected_key()
    assert key is not None and key.startswith("user:")

    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, "P.S. {{ offer.bonnus }}")
    qtbot.waitUntil(lambda: "offer.bonnus" in editor.check.item(0).text(), timeout=3000)
    assert 'Did you mean "offer.bonus"?' in editor.check.item(0).text()
    qtbot.mouseClick(editor.save_button, LEFT)
    assert answered_questions == ["Template Not Saved"]

    for _ in range(len("bonnus }}")):
        qtbot.keyClick(editor.body, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor.body, "bonus }}")
    editor.name.setFocus()
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Friendly full-time")
    qtbot.waitUntil(lambda: editor.check.item(0).text().startswith("No problems"), timeout=3000)
    qtbot.mouseClick(editor.save_button, LEFT)
    saved = letter_templates.letter_template(workbook, key)
    assert saved.name == "Friendly full-time"
    assert saved.body.endswith("P.S. {{ offer.bonus }}")
    assert editor.templates.currentItem().text() == "Friendly full-time"

    qtbot.mouseClick(editor.remove_button, LEFT)
    assert answered_questions[-1] == "Remove Template"
    assert editor.templates.count() == 3


def test_new_template_and_inserting_a_merge_field(
    qtbot: QtBot, workbook: Workbook, editor: OfferTemplatesDialog
) -> None:
    qtbot.mouseClick(editor.new_button, LEFT)
    assert editor.templates.currentItem().text() == "New template"
    assert editor.body.toPlainText() == "Dear {{ candidate.name }},\n\n"
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    item = next(
        editor.fields.item(i)
        for i in range(editor.fields.count())
        if editor.fields.item(i).data(Qt.ItemDataRole.UserRole) == "offer.start_date"
    )
    editor.fields.scrollToItem(item)
    where = editor.fields.visualItemRect(item).center()
    qtbot.mouseClick(editor.fields.viewport(), LEFT, pos=where)
    qtbot.mouseDClick(editor.fields.viewport(), LEFT, pos=where)
    assert editor.body.toPlainText().endswith("{{ offer.start_date }}")
    assert editor.save_button.isEnabled()

    editor.fields.setFocus()
    editor.fields.setCurrentRow(0)
    qtbot.keyClick(editor.fields, Qt.Key.Key_Return)  # the keyboard way
    assert editor.body.toPlainText().endswith("{{ offer.start_date }}{{ candidate.name }}")


def test_unsaved_edits_are_asked_about(
    qtbot: QtBot,
    workbook: Workbook,
    editor: OfferTemplatesDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hiring_desk.ui import messages

    qtbot.mouseClick(editor.new_button, LEFT)
    qtbot.keyClicks(editor.body, "More.")
    asked: list[str] = []

    def refuse(_parent: QWidget | None, title: str, *_args: object) -> bool:
        asked.append(title)
        return False

    monkeypatch.setattr(messages, "confirm", refuse)
    editor.templates.setCurrentRow(0)
    assert asked == ["Unsaved Template"]
    assert editor.templates.currentItem().text() == "New template"  # stayed
    answers = [messages.CANCEL, messages.DISCARD]
    monkeypatch.setattr(messages, "ask_unsaved_changes", lambda *_a: answers.pop(0))
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)  # Cancel: keep editing
    assert editor.isVisible() and answers == [messages.DISCARD]
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)  # Discard
    assert not editor.isVisible()
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), QDialog
    )


# -- from the main window ----------------------------------------------------------------------


def test_print_letter_on_the_offers_page_opens_the_dialog(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    path = tmp_path / "demo.hiringdesk"
    create_demo_workbook(path).close()
    window = make_window(path)
    window.show_area("offers")
    page = window.pages["offers"]
    assert isinstance(page, OffersPage)
    page.table.selectRow(0)
    seen: list[str] = []

    def look_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, OfferLetterDialog)
        seen.append(dialog.windowTitle())
        seen.append(dialog.template.currentText())
        dialog.reject()

    when_modal(qtbot, look_and_close, OfferLetterDialog)
    click(qtbot, page.print_button)
    assert seen == ["Offer Letter — Margaux Lefèvre", "Full-time employee"]


def test_save_when_closing_with_edits_saves_the_template(
    qtbot: QtBot,
    workbook: Workbook,
    editor: OfferTemplatesDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hiring_desk.services.offers import letter_templates
    from hiring_desk.ui import messages

    qtbot.mouseClick(editor.new_button, LEFT)
    qtbot.keyClicks(editor.body, " Welcome aboard.")
    asked: list[str] = []

    def save(_parent: QWidget | None, form: str) -> str:
        asked.append(form)
        return messages.SAVE

    monkeypatch.setattr(messages, "ask_unsaved_changes", save)
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)
    assert asked == ["Offer-Letter Templates"]
    assert not editor.isVisible()
    own = [t for t in letter_templates.list_letter_templates(workbook) if not t.built_in]
    assert len(own) == 1 and "Welcome aboard." in own[0].body
