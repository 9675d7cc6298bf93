"""What an empty page shows: what belongs there, and the one button that fills it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from hiring_desk.ui.theme import SPACE_L, SPACE_M, SPACE_XL, TextRole, make_primary, styled
from hiring_desk.ui.widgets import plain_label

#: The sentence wraps at this width, so it reads as a short paragraph on a wide page.
TEXT_WIDTH = 460


class EmptyState(QWidget):
    """A title, one sentence and one primary button, centred on the page.

    ``action`` runs when the button is pressed; ``set_content`` changes all (a page
    may offer another way in as the workbook changes).
    """

    def __init__(
        self,
        name: str,
        title: str,
        text: str,
        button_text: str,
        action: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = styled(plain_label(title, f"{name}_title", wrap=False), TextRole.SECTION)
        self.text = styled(plain_label(text, f"{name}_text"), TextRole.BODY)
        self.button = QPushButton(button_text)
        self.button.setObjectName(f"{name}_button")
        make_primary(self.button)
        self._action = action
        self.button.clicked.connect(lambda: self._action())
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A fixed width lets the wrapped sentence take the height its lines need
        # (in a centred layout a wrapped label otherwise gets one line's height).
        self.text.setFixedWidth(TEXT_WIDTH)
        self._fit_text()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(SPACE_M)
        layout.addStretch(2)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(SPACE_L - SPACE_M)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def set_content(
        self, title: str, text: str, button_text: str, action: Callable[[], object]
    ) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.button.setText(button_text)
        self._action = action
        self._fit_text()

    def _fit_text(self) -> None:
        self.text.setMinimumHeight(max(0, self.text.heightForWidth(TEXT_WIDTH)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_text()
