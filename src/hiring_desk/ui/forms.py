"""Form helpers: an inline error label under each field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.ui.theme import AnyWidget, alert_colour, set_style, text_style


def show_errors_in(label: AnyWidget) -> AnyWidget:
    """Draw ``label``'s text in the theme's alert colour (red, readable on light and
    dark grounds). Returns ``label``."""
    set_style(label, text_style(alert_colour))
    return label


#: Controls a screen reader names after their label (buttons carry their own text).
_LABELLED = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QPlainTextEdit, QTextEdit)


class FieldWithError(QWidget):
    """A field with a (normally hidden) red message below it."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        # A form label's buddy is this wrapper: its Alt+letter must reach the field.
        self.setFocusProxy(field)
        self.setFocusPolicy(field.focusPolicy())
        self.error = QLabel()
        show_errors_in(self.error)
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


def show_field_errors(fields: dict[str, FieldWithError], errors: dict[str, str]) -> None:
    """Each message under its field (those the form has), and the first such field focused."""
    for name, message in errors.items():
        if name in fields:
            fields[name].set_error(message)
    first = next((name for name in errors if name in fields), None)
    if first:
        fields[first].field.setFocus()


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
            name_controls(field, text)
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


def name_controls(container: QWidget, label: str) -> None:
    """Name the unnamed controls in ``container`` after ``label`` ("&Start by:" -> "Start by").

    Qt reads a label as a control's name only when the label is the control's
    sibling and buddy; a form label's buddy is often a wrapper (FieldWithError,
    an optional date), so screen readers would not hear it.
    """
    name = label.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")
    for control in [container, *container.findChildren(QWidget)]:
        if (
            isinstance(control, _LABELLED)
            and not control.accessibleName()
            and not _inside_another_control(control, container)
        ):
            control.setAccessibleName(name)


def name_from_labels(root: QWidget) -> None:
    """``name_controls`` for every label under ``root`` that has a buddy. Call it once the
    form is built; controls that already have a name keep it."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            name_controls(buddy, label.text())


def _inside_another_control(widget: QWidget, container: QWidget) -> bool:
    """Whether ``widget`` is a part of a control (a combo's line edit, a spin box's)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not container:
        if isinstance(parent, _LABELLED):
            return True
        parent = parent.parentWidget()
    return isinstance(container, _LABELLED) and widget is not container
