"""Closing a form with changes asks first: Save, Discard or Cancel.

``FormDialog`` is the base of every dialog of inputs. It takes a snapshot of
its inputs' values when it is first shown; Escape, Cancel and the window's
close button all end in ``reject()``, which closes at once when the values
are as they were, and otherwise asks (``messages.ask_unsaved_changes``).
Save in that question does what the dialog's own Save (or OK) button does,
so a form that does not pass its checks stays open with its messages.
Escape while a popup (a completer's list, a combo's list) is open only
closes the popup.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from hiring_desk.ui import messages
from hiring_desk.ui.help_topics import add_help_key

_ACCEPTING = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)


def _value_of(widget: QWidget) -> object | None:
    """What a person has entered in ``widget`` (None: not an input, or not editable)."""
    value: object | None = None
    if isinstance(widget, QLineEdit):
        parent = widget.parentWidget()
        inside = isinstance(parent, (QComboBox, QAbstractSpinBox))
        value = None if inside or widget.isReadOnly() else widget.text()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        value = None if widget.isReadOnly() else widget.toPlainText()
    elif isinstance(widget, QComboBox):
        value = (widget.currentIndex(), widget.currentText() if widget.isEditable() else "")
    elif isinstance(widget, QAbstractSpinBox):
        value = None if widget.isReadOnly() else widget.text()
    elif isinstance(widget, (QAbstractButton, QGroupBox)):
        value = widget.isChecked() if widget.isCheckable() else None
    elif isinstance(widget, QAbstractSlider) and not isinstance(widget, QScrollBar):
        value = widget.value()
    elif isinstance(widget, QListWidget):
        items = (widget.item(i) for i in range(widget.count()))
        value = [(item.text(), item.checkState().value) for item in items]
    elif isinstance(widget, QTableWidget):
        value = [
            item.text() if item is not None else None
            for row in range(widget.rowCount())
            for item in (widget.item(row, col) for col in range(widget.columnCount()))
        ]
    return value


def form_values(root: QWidget) -> dict[int, object]:
    """The values of every input under ``root`` by input (Qt reorders a widget's children
    as tabs are shown, so not by position): equal when nothing has been changed."""
    values: dict[int, object] = {}
    for widget in root.findChildren(QWidget):
        value = _value_of(widget)
        if value is not None:
            values[shiboken6.getCppPointer(widget)[0]] = value
    return values


class FormDialog(QDialog):
    """A dialog of inputs that does not throw away changes without asking, and opens
    its section of the user guide on F1 (``ui.help_topics``)."""

    _snapshot: dict[int, object] | None = None

    def showEvent(self, event: QShowEvent) -> None:
        add_help_key(self)  # F1: the guide's section for this form, if it has one
        if self._snapshot is None:
            self.mark_unchanged()
        super().showEvent(event)

    def mark_unchanged(self) -> None:
        """Take the current values as the unchanged ones (after a save that stays open)."""
        self._snapshot = form_values(self)

    def has_unsaved_changes(self) -> bool:
        return self._snapshot is not None and form_values(self) != self._snapshot

    def save_changes(self) -> None:
        """What the dialog's Save (or OK) button does; the dialog closes if it succeeds."""
        button = self._accept_button()
        if button is not None:
            button.click()
        else:
            self.accept()

    def discard_changes(self) -> None:
        """Close without saving."""
        self._snapshot = None
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        self._snapshot = None  # shown again: its values then are the unchanged ones

    def reject(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.hide()  # Escape meant for a popup's list only closes that list
            return
        if not self.has_unsaved_changes():
            self.discard_changes()
            return
        answer = messages.ask_unsaved_changes(self, self.windowTitle())
        if answer == messages.SAVE:
            self.save_changes()
        elif answer == messages.DISCARD:
            self.discard_changes()

    def _accept_button(self) -> QAbstractButton | None:
        for box in self.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if box.buttonRole(button) in _ACCEPTING and button.isEnabled():
                    return button
        return None
