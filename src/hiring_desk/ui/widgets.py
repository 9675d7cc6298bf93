"""Small widgets shared by the forms and pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from hiring_desk import clock


def plain_label(
    text: str = "",
    name: str = "",
    *,
    wrap: bool = True,
    selectable: bool = False,
    style: str = "",
) -> QLabel:
    """A label that shows its text as typed, never as rich text: a name such as
    ``<b>Ann</b>`` or ``R&D <i>Lead</i>`` is shown, not interpreted. Every label
    whose text comes from a workbook or a person is made here.

    ``name`` is its object name; ``wrap`` wraps long text at words; ``selectable``
    lets the text be selected with the mouse; ``style`` is a style sheet.
    """
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def push_button(text: str, name: str, slot: Callable[[], object] | None = None) -> QPushButton:
    """A push button named ``name`` that calls ``slot``. In a dialog it is never the
    default button: Enter does not press it because it had the focus last."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    if slot is not None:
        button.clicked.connect(slot)
    return button


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """``buttons`` side by side from the left, the rest of the row left empty."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch()
    return row


def empty_note(text: str, name: str) -> QLabel:
    """The centred, word-wrapped note shown in place of an empty table."""
    note = QLabel(text)
    note.setObjectName(name)
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return note


def save_cancel(dialog: QDialog, save: Callable[[], object] | None = None) -> QDialogButtonBox:
    """Save and Cancel for ``dialog``: Save calls ``save`` (the dialog's accept unless
    given), Cancel rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(save or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    """A one-line text field named ``name``, with ``placeholder`` shown while it is empty."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def text_box(name: str, placeholder: str = "", *, lines: int | None = None) -> QPlainTextEdit:
    """A plain-text box for a form: Tab moves on to the next field; ``lines`` fixes its
    height to about that many lines."""
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    if lines is not None:
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def searchable_combo(items: list[tuple[str, str]], name: str) -> QComboBox:
    """An editable combo of "CODE — Name" entries that completes as you type."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for code, label in items:
        combo.addItem(f"{code} — {label}", code)
    combo.setCompleter(contains_completer(combo.model(), combo))
    return combo


def contains_completer(model: QAbstractItemModel, parent: QWidget) -> QCompleter:
    """A completer matching anywhere in an entry, any case, whose open list does not
    swallow a click elsewhere (see ``ClickThroughPopup``)."""
    completer = QCompleter(model, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    popup = completer.popup()
    if popup is not None:
        ClickThroughPopup(popup)
    return completer


class ClickThroughPopup(QObject):
    """A click outside an open popup list closes the list *and* does what it was aimed
    at: a button is clicked, a field takes the focus. Without this the first click on,
    say, "Add Skill" while the skill's completions are shown only closes the list."""

    def __init__(self, popup: QWidget) -> None:
        super().__init__(popup)
        self._popup = popup
        popup.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._popup or event.type() != QEvent.Type.MouseButtonPress:
            return False
        assert isinstance(event, QMouseEvent)
        if self._popup.rect().contains(event.position().toPoint()):
            return False
        self._popup.hide()
        target = QApplication.widgetAt(event.globalPosition().toPoint())
        if isinstance(target, QAbstractButton) and target.isEnabled():
            target.click()
        elif target is not None and target.focusPolicy() & Qt.FocusPolicy.ClickFocus:
            target.setFocus(Qt.FocusReason.MouseFocusReason)
        return True


def combo_code(combo: QComboBox) -> str:
    """The code typed or chosen in a searchable combo: the text before " — "."""
    return combo.currentText().split("—", 1)[0].strip()


def select_code(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)
    else:
        combo.setEditText(code)


def choice_combo(items: list[tuple[str, str]], name: str) -> QComboBox:
    """A plain combo whose items carry stored values: [(value, label), ...]."""
    combo = QComboBox()
    combo.setObjectName(name)
    for value, label in items:
        combo.addItem(label, value)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class OptionalDateEdit(QWidget):
    """A date that may be left unset: a check box switches the date field on."""

    def __init__(self, name: str, label: str = "Set", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.enabled = QCheckBox(label)
        self.enabled.setObjectName(f"{name}_set")
        self.edit = QDateEdit()
        self.edit.setObjectName(f"{name}_date")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMM yyyy")
        self.edit.setDate(qdate(clock.today()))
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.enabled)

    def value(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        return day_of(self.edit.date())

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        self.edit.setDate(qdate(value or clock.today()))


def qdate(day: date) -> QDate:
    """``day`` as a QDate."""
    return QDate(day.year, day.month, day.day)


def day_of(value: QDate) -> date:
    """A QDate as a ``date``."""
    return date(value.year(), value.month(), value.day())
