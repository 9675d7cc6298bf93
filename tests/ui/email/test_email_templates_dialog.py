"""The email templates dialog: built-ins read-only, own templates added, edited, previewed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hiring_desk.services.email import email_templates
from hiring_desk.store import Workbook
from hiring_desk.ui.email.templates_dialog import NO_PROBLEMS, EmailTemplatesDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def dialog(qtbot: QtBot, workbook: Workbook) -> EmailTemplatesDialog:
    dialog = EmailTemplatesDialog(workbook)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def test_built_ins_are_listed_and_previewed_read_only(dialog: EmailTemplatesDialog) -> None:
    assert dialog.templates.count() == 10
    assert dialog.templates.item(0).text() == "Application received (built-in)"
    assert dialog.body.isReadOnly() and not dialog.remove_button.isEnabled()
    assert dialog.check.item(0).text() == NO_PROBLEMS
    preview = dialog.preview.toPlainText()
    assert preview.startswith("Subject: Thanks for applying: ")
    assert "Backend Developer at Example Software Ltd\n\nHi Aoife,\n" in preview


def test_a_copy_is_edited_checked_as_typed_and_saved_in_another_language(
    qtbot: QtBot, dialog: EmailTemplatesDialog, workbook: Workbook
) -> None:
    click(qtbot, dialog.copy_button)
    assert dialog.templates.currentItem().text() == "Application received (copy)"
    assert not dialog.body.isReadOnly()
    dialog.body.selectAll()
    qtbot.keyClicks(dialog.body, "Hola {{ candidate.nombre }}")
    qtbot.waitUntil(lambda: dialog.check.item(0).text() != NO_PROBLEMS)
    assert '"candidate.nombre"' in dialog.check.item(0).text()
    dialog.body.selectAll()
    qtbot.keyClicks(dialog.body, "Hola {{ candidate.first_name }}, gracias.")
    qtbot.waitUntil(lambda: dialog.check.item(0).text() == NO_PROBLEMS)
    assert "Hola Aoife, gracias." in dialog.preview.toPlainText()
    dialog.language.selectAll()
    qtbot.keyClicks(dialog.language, "es")
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Acuse de recibo")
    click(qtbot, dialog.save_button)
    (saved,) = email_templates.list_email_templates(workbook, "es")
    assert (saved.name, saved.body) == (
        "Acuse de recibo",
        "Hola {{ candidate.first_name }}, gracias.",
    )
    assert dialog.language_filter.currentData() == "es"
    assert [dialog.templates.item(i).text() for i in range(dialog.templates.count())] == [
        "Acuse de recibo"
    ]
    click(qtbot, dialog.remove_button)  # the confirmation is answered yes (tests/ui/conftest)
    assert email_templates.list_email_templates(workbook, "es") == []


def test_a_new_template_starts_in_the_shown_language(
    qtbot: QtBot, dialog: EmailTemplatesDialog, workbook: Workbook
) -> None:
    click(qtbot, dialog.new_button)
    assert dialog.name.text() == "New template"
    assert dialog.language.text() == "en"
    assert dialog.check.item(0).text() == NO_PROBLEMS
    own = [t for t in email_templates.list_email_templates(workbook) if not t.built_in]
    assert [t.name for t in own] == ["New template"]
