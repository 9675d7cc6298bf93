"""The offer-letter templates: the built-in ones to read and copy, the user's own to edit.

The body is checked as it is typed (unknown merge fields, syntax) against a
complete sample offer; the merge fields are listed beside it, and a
double-click (or Enter) puts one in at the cursor.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import Qt, QTimer

from hiring_desk.domain.letter_fields import MERGE_FIELDS
from hiring_desk.services.offers import letter_templates
from hiring_desk.services.offers.letter_merge import template_problems
from hiring_desk.services.offers.letter_templates import LetterTemplate
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import line_edit, plain_label, push_button

CHECK_DELAY_MS = 250
NO_PROBLEMS = "No problems: every merge field is known."
KEY_ROLE = Qt.ItemDataRole.UserRole
BUILT_IN_NOTE = "A built-in template cannot be changed: copy it to make one of your own."
STARTER_BODY = "Dear {{ candidate.name }},\n\n"
FORMAT_HELP = (
    'Plain text: a blank line starts a paragraph, a line starting with "# " is a heading '
    'and lines starting with "- " make a list. Print an optional field only when it is '
    "set: {% if offer.bonus %}…{{ offer.bonus }}…{% endif %}."
)


class OfferTemplatesDialog(FormDialog):
    """Lists built-in and own templates; copy, add, edit and remove own ones."""

    def __init__(self, workbook: Workbook, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offer_templates_dialog")
        self.setWindowTitle("Offer-Letter Templates")
        self._workbook = workbook
        self._current: LetterTemplate | None = None
        self._loading = False

        self.templates = QtWidgets.QListWidget()
        self.templates.setObjectName("templates_list")
        self.templates.currentItemChanged.connect(self._chosen)
        self.new_button = push_button("&New", "template_new", self.add_new)
        self.copy_button = push_button("&Copy", "template_copy", self.copy_selected)
        self.remove_button = push_button("&Remove", "template_remove", self.remove_selected)
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.templates, 1)
        row = QtWidgets.QHBoxLayout()
        for button in (self.new_button, self.copy_button, self.remove_button):
            row.addWidget(button)
        left.addLayout(row)

        self.name = line_edit("template_name")
        self.name.textEdited.connect(self._edited)
        self.note = plain_label(name="template_note")
        self.body = QtWidgets.QPlainTextEdit()
        self.body.setObjectName("template_body")
        self.body.textChanged.connect(self._edited)
        self.check = QtWidgets.QListWidget()
        self.check.setObjectName("template_check")
        self.check.setMaximumHeight(90)
        self.save_button = push_button("&Save Template", "template_save", self.save)
        form = QtWidgets.QFormLayout()
        form.addRow("Name:", self.name)
        middle = QtWidgets.QVBoxLayout()
        middle.addLayout(form)
        middle.addWidget(self.note)
        middle.addWidget(self.body, 1)
        help_text = plain_label(FORMAT_HELP, "template_help")
        middle.addWidget(help_text)
        middle.addWidget(QtWidgets.QLabel("Check:"))
        middle.addWidget(self.check)
        middle.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

        self.fields = QtWidgets.QListWidget()
        self.fields.setObjectName("merge_fields")
        self.fields.setWordWrap(True)
        self.fields.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for name, meaning in MERGE_FIELDS.items():
            item = QtWidgets.QListWidgetItem(f"{{{{ {name} }}}}\n    {meaning}")
            item.setData(KEY_ROLE, name)
            self.fields.addItem(item)
        self.fields.itemActivated.connect(self._insert_field)  # double-click or Enter
        right = QtWidgets.QVBoxLayout()
        right.addWidget(QtWidgets.QLabel("Merge fields (double-click or Enter to insert):"))
        right.addWidget(self.fields, 1)

        splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        for layout, stretch in ((left, 2), (middle, 5), (right, 3)):
            pane = QtWidgets.QWidget()
            pane.setLayout(layout)
            splitter.addWidget(pane)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([230, 560, 310])
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addWidget(splitter, 1)
        outer.addWidget(close)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_check)
        self._dirty = False
        self.resize(1100, 640)
        self._fill(None)

    # -- the list ------------------------------------------------------------------------

    def _fill(self, select: str | None) -> None:
        self._loading = True
        self.templates.clear()
        for template in letter_templates.list_letter_templates(self._workbook):
            label = f"{template.name} (built-in)" if template.built_in else template.name
            item = QtWidgets.QListWidgetItem(label)
            item.setData(KEY_ROLE, template.key)
            item.setToolTip(template.description)
            self.templates.addItem(item)
        self._loading = False
        keys = [self.templates.item(i).data(KEY_ROLE) for i in range(self.templates.count())]
        self.templates.setCurrentRow(keys.index(select) if select in keys else 0)

    def selected_key(self) -> str | None:
        item = self.templates.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else None

    def _chosen(
        self, current: QtWidgets.QListWidgetItem | None, previous: QtWidgets.QListWidgetItem | None
    ) -> None:
        if self._loading or current is None:
            return
        if self._dirty and previous is not None and not self._may_discard():
            self.templates.blockSignals(True)
            self.templates.setCurrentItem(previous)
            self.templates.blockSignals(False)
            return
        self._show(letter_templates.letter_template(self._workbook, str(current.data(KEY_ROLE))))

    def _show(self, template: LetterTemplate) -> None:
        self._current = template
        self._loading = True
        self.name.setText(template.name)
        self.body.setPlainText(template.body)
        self._loading = False
        own = not template.built_in
        self.name.setReadOnly(not own)
        self.body.setReadOnly(not own)
        self.note.setText("" if own else BUILT_IN_NOTE)
        self.note.setVisible(not own)
        self.remove_button.setEnabled(own)
        self._dirty = False
        self._update_save()
        self.run_check()

    # -- editing -------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading or self._current is None or self._current.built_in:
            return
        self._dirty = True
        self._update_save()
        self._timer.start()

    def _update_save(self) -> None:
        own = self._current is not None and not self._current.built_in
        self.save_button.setEnabled(own and self._dirty)

    def run_check(self) -> None:
        """Show what is wrong with the body (checked against a complete sample offer)."""
        self._timer.stop()
        self.check.clear()
        problems = template_problems(self.body.toPlainText())
        self.check.addItems([p.message for p in problems] or [NO_PROBLEMS])

    def _insert_field(self, item: QtWidgets.QListWidgetItem) -> None:
        if self.body.isReadOnly():
            return
        self.body.insertPlainText(f"{{{{ {item.data(KEY_ROLE)} }}}}")
        self.body.setFocus()

    def save(self) -> bool:
        current = self._current
        if current is None or current.built_in:
            return False
        name, body = self.name.text(), self.body.toPlainText()
        saved = run_operation(
            self,
            lambda: letter_templates.save_own_template(self._workbook, name, body, key=current.key),
            changes=Change.TEMPLATES,
            failure_title="Template Not Saved",
            on_invalid=lambda exc: messages.show_warning(
                self, "Template Not Saved", _sentences(exc.errors)
            ),
        )
        if saved is None:
            return False
        self._dirty = False
        self._fill(saved.key)
        return True

    def add_new(self) -> None:
        if self._dirty and not self._may_discard():
            return
        taken = {self.templates.item(i).text() for i in range(self.templates.count())}
        name, number = "New template", 2
        while name in taken:
            name, number = f"New template {number}", number + 1
        saved = run_operation(
            self,
            lambda: letter_templates.save_own_template(self._workbook, name, STARTER_BODY),
            changes=Change.TEMPLATES,
            failure_title="Template Not Added",
            on_invalid=lambda exc: messages.show_warning(
                self, "Template Not Added", _sentences(exc.errors)
            ),
        )
        if saved is None:
            return
        self._dirty = False
        self._fill(saved.key)
        self.name.setFocus()
        self.name.selectAll()

    def copy_selected(self) -> None:
        key = self.selected_key()
        if key is None or (self._dirty and not self._may_discard()):
            return
        copy = run_operation(
            self,
            lambda: letter_templates.copy_template(self._workbook, key),
            changes=Change.TEMPLATES,
            failure_title="Template Not Copied",
        )
        if copy is None:
            return
        self._dirty = False
        self._fill(copy.key)

    def remove_selected(self) -> None:
        template = self._current
        if template is None or template.built_in:
            return
        text = (
            f"Remove the template '{template.name}'? Letters already printed from it keep "
            "their text."
        )
        if not messages.confirm(self, "Remove Template", text, "Remove"):
            return
        run_operation(
            self,
            lambda: letter_templates.delete_own_template(self._workbook, template.key),
            changes=Change.TEMPLATES,
            failure_title="Template Not Removed",
        )
        self._dirty = False
        self._fill(None)

    def _may_discard(self) -> bool:
        return messages.confirm(
            self, "Unsaved Template", "Discard the changes to this template?", "Discard"
        )

    # Closing (Escape, Close, the window's button) with unsaved edits asks through
    # FormDialog: Save there saves the template, then closes.

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def save_changes(self) -> None:
        if self.save():
            self.discard_changes()

    def discard_changes(self) -> None:
        self._dirty = False
        super().discard_changes()


def _sentences(errors: dict[str, str]) -> str:
    return " ".join(
        message if name == "body" else f"{name.capitalize()} {message}."
        for name, message in errors.items()
    )
