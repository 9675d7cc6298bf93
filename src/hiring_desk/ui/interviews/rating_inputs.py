"""Keyboard-first inputs for the scorecard dialog: a rating row and the recommendation.

Both take focus as a whole (their buttons never do), so Tab walks row, note, row,
note... and a digit answers the focused question: 1-4 picks a value and asks to move
on (``advanced``). The mouse works too: every button is clickable.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QRadioButton,
    QToolButton,
    QWidget,
)

from hiring_desk.domain.competencies import RATING_ANCHORS, competency_label, rating_anchor
from hiring_desk.domain.scoring import RECOMMENDATION_ORDER
from hiring_desk.ui.widgets import plain_label

_DIGITS = {
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
}

#: Shown in a rating row that has not been answered yet.
NOT_ANSWERED = "Type 1-4, or 0 for not rated"
NOT_RATED = "Not rated"


def plain_key(event: QKeyEvent) -> Qt.Key | None:
    """The key pressed without Ctrl, Alt or Meta (the keypad counts as plain), else None:
    Ctrl+Enter and mnemonics must reach the dialog."""
    held = event.modifiers() & ~(
        Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
    )
    return Qt.Key(event.key()) if held == Qt.KeyboardModifier.NoModifier else None


class _KeyFrame(QFrame):
    """A frame that takes focus itself, shows it with a heavier border, and is
    answered with the digits 1-4 (``on_digit`` says what a digit means)."""

    advanced = Signal()  # answered with a key: move to the next question
    back = Signal()  # Up: the previous question

    def __init__(self, on_digit: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_digit = on_digit
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self._show_focus(False)

    def _show_focus(self, focused: bool) -> None:
        self.setLineWidth(2 if focused else 1)
        self.setFrameShadow(QFrame.Shadow.Plain if focused else QFrame.Shadow.Sunken)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._show_focus(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._show_focus(False)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = plain_key(event)
        if key in _DIGITS:
            self._on_digit(_DIGITS[key])
            self.advanced.emit()
        elif key == Qt.Key.Key_Down:
            self.advanced.emit()
        elif key == Qt.Key.Key_Up:
            self.back.emit()
        else:
            super().keyPressEvent(event)


def _button(text: str, tip: str, kind: type[QAbstractButton]) -> QAbstractButton:
    button = kind()
    button.setText(text)
    button.setToolTip(tip)
    button.setCheckable(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class RatingRow(_KeyFrame):
    """One competency on the 1-4 scale.

    ``value`` is the rating, or None when not rated; ``answered`` tells a deliberate
    "not rated" (0, Backspace, or clicking the chosen button again) from a row nobody
    has touched yet.
    """

    def __init__(self, competency: str, parent: QWidget | None = None) -> None:
        super().__init__(self.set_value, parent)
        self.competency = competency
        self.setObjectName(f"rating_{competency}")
        self.setAccessibleName(competency_label(competency))
        self.value: int | None = None
        self.answered = False
        self.buttons: dict[int, QAbstractButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for anchor in RATING_ANCHORS:
            button = _button(f"{anchor.rating} {anchor.name}", anchor.meaning, QToolButton)
            button.clicked.connect(lambda _checked=False, r=anchor.rating: self._clicked(r))
            self.buttons[anchor.rating] = button
            layout.addWidget(button)
        self.meaning = plain_label(name=f"meaning_{competency}")
        self.meaning.setMinimumWidth(220)
        layout.addWidget(self.meaning, 1)
        self.set_value(None, answered=False)

    def set_value(self, rating: int | None, *, answered: bool = True) -> None:
        self.value = rating
        self.answered = answered
        for number, button in self.buttons.items():
            button.setChecked(number == rating)
        if rating is not None:
            anchor = rating_anchor(rating)
            self.meaning.setText(f"{anchor.name}: {anchor.meaning}")
        else:
            self.meaning.setText(NOT_RATED if answered else NOT_ANSWERED)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = plain_key(event)
        if key == Qt.Key.Key_0:
            self.set_value(None)
            self.advanced.emit()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(None)  # a correction: stay on the row
        else:
            super().keyPressEvent(event)

    def _clicked(self, rating: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.set_value(None if self.value == rating else rating)


class RecommendationPicker(_KeyFrame):
    """Strong no, no, yes, strong yes: keys 1-4 (shown on the labels) or a click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self._choose, parent)
        self.setObjectName("recommendation")
        self.setAccessibleName("Recommendation")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QAbstractButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for number, recommendation in enumerate(RECOMMENDATION_ORDER, start=1):
            button = _button(
                f"&{number} {recommendation.label}",
                f"Press {number} for {recommendation.label.lower()}",
                QRadioButton,
            )
            button.clicked.connect(lambda _checked=False: self.setFocus())
            self.group.addButton(button)
            self.buttons[recommendation.value] = button
            layout.addWidget(button)
        layout.addStretch()

    def value(self) -> str:
        """The chosen Recommendation value, or "" when none is chosen."""
        return next((value for value, b in self.buttons.items() if b.isChecked()), "")

    def set_value(self, value: str) -> None:
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == value)
        self.group.setExclusive(True)

    def _choose(self, digit: int) -> None:
        self.set_value(RECOMMENDATION_ORDER[digit - 1].value)
