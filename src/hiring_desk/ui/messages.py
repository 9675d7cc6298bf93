"""The one API for message boxes in the app.

Tests patch these functions rather than the Qt classes, so every dialog the app
shows can be answered from a test.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from hiring_desk.ui.modal import run_modal


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    run_modal(box)


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_changed_meanwhile(parent: QWidget | None, error: Exception) -> None:
    """Someone else changed the record first: who, to what (the service's sentence)."""
    show_warning(parent, CHANGED_MEANWHILE, str(error))


#: The title of the message that says someone else changed a record first.
CHANGED_MEANWHILE = "Changed Meanwhile"


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, action: str = "OK") -> bool:
    """Ask before doing something; ``action`` labels the button that goes ahead."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    run_modal(box)
    return box.clickedButton() is go


SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved_changes(parent: QWidget | None, form: str) -> str:
    """Closing ``form`` with changes: SAVE, DISCARD or CANCEL (keep editing)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Unsaved Changes",
        f"{form} has changes that are not saved. Save them before closing?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsaved_changes_prompt")
    box.button(QMessageBox.StandardButton.Discard).setText("&Discard")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    run_modal(box)
    return {
        QMessageBox.StandardButton.Save: SAVE,
        QMessageBox.StandardButton.Discard: DISCARD,
    }.get(box.standardButton(box.clickedButton()), CANCEL)
