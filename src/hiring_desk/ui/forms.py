"""Form helpers: an inline error label under each field."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b3261e;"


class FieldWithError(QWidget):
    """A field with a (normally hidden) red message below it."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)

    def set_error(self, message: str | None) -> None:
        if message:
            self.error.setText(message[:1].upper() + message[1:])
            self.error.show()
        else:
            self.error.clear()
            self.error.hide()


def describe_errors(errors: dict[str, str]) -> str:
    """Field messages as sentences, for places with no field to show them under."""
    return " ".join(
        f"{message[:1].upper()}{message[1:]}."
        if name in ("file", "body")
        else f"{name.replace('_', ' ').capitalize()} {message}."
        for name, message in errors.items()
    )
