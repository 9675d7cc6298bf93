"""Form helpers: an inline error label under each field."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b3261e;"


class FieldWithError(QWidget):
    """A field with a (normally hidden) red message below it."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        # A form label's buddy is this wrapper: its Alt+letter must reach the field.
        self.setFocusProxy(field)
        self.setFocusPolicy(field.focusPolicy())
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


class FieldTabs(QTabWidget):
    """Tabs of labelled fields, each able to show its own error message."""

    def __init__(self, fallback: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, FieldWithError] = {}
        self._tab_of: dict[str, int] = {}
        self._fallback = fallback  # the field that shows messages for unknown names

    def add_tab(self, label: str, rows: list[tuple[str, str, QWidget]]) -> None:
        """A tab with a form row per (field name, label, widget)."""
        page = QWidget()
        form = QFormLayout(page)
        for name, text, widget in rows:
            field = FieldWithError(widget)
            self.fields[name] = field
            self._tab_of[name] = self.count()
            form.addRow(text, field)
        self.addTab(page, label)

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.set_error(None)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; the first field's tab is shown and focused."""
        first: str | None = None
        for name, message in errors.items():
            target = name if name in self.fields else self._fallback
            self.fields[target].set_error(message)
            first = first or target
        if first is not None:
            self.setCurrentIndex(self._tab_of.get(first, 0))
            self.fields[first].field.setFocus()
