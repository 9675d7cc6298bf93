"""The email templates: the built-in ones to read and copy, the user's own to edit.

Templates are listed per language. Subject and body are checked as they are
typed (unknown merge fields, syntax) and shown filled in for a sample
candidate, with any gap marked; the merge fields are listed beside them, and a
double-click (or Enter) puts one in the body at the cursor.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import Qt, QTimer

from hiring_desk.domain.email_fields import EMAIL_MERGE_FIELDS
from hiring_desk.services.email import email_templates
from hiring_desk.services.email.email_templates import EmailTemplate
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.widgets import line_edit, plain_label, push_button

CHECK_DELAY_MS = 250
KEY_ROLE = Qt.ItemDataRole.UserRole
NO_PROBLEMS = "No problems: every merge field is known."
BUILT_IN_NOTE = "A built-in template cannot be changed: copy it to make one of your own."
STARTER_SUBJECT = "About your application for {{ role.title }}"
STARTER_BODY = "Hi {{ candidate.first_name }},\n\n\n\n{{ sender.name }}\n{{ company.name }}\n"
NEEDS = (("", "Nothing in particular"), ("interview", "An interview"), ("offer", "An offer"))


class EmailTemplatesDialog(QtWidgets.QDialog):
    """Lists templates of one language; copy, add, edit and remove the user's own."""

    def __init__(self, workbook: Workbook, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("email_templates_dialog")
        self.setWindowTitle("Email Templates")
        self._workbook = workbook
        self._current: EmailTemplate | None = None
        self._loading = False
        self._dirty = False

        self.language_filter = QtWidgets.QComboBox()
        self.language_filter.setObjectName("email_language_filter")
        self.language_filter.setAccessibleName("Language")
        self.language_filter.currentIndexChanged.connect(lambda _i: self._fill(None))
        self.templates = QtWidgets.QListWidget()
        self.templates.setObjectName("email_templates_list")
        self.templates.setAccessibleName("Templates")
        self.templates.currentItemChanged.connect(self._chosen)
        self.new_button = push_button("&New", "email_template_new", self.add_new)
        self.copy_button = push_button("&Copy", "email_template_copy", self.copy_selected)
        self.remove_button = push_button("&Remove", "email_template_remove", self.remove_selected)
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.language_filter)
        left.addWidget(self.templates, 1)
        row = QtWidgets.QHBoxLayout()
        for button in (self.new_button, self.copy_button, self.remove_button):
            row.addWidget(button)
        left.addLayout(row)

        self.name = line_edit("email_template_name")
        self.language = line_edit("email_template_language", "en, de, fr, pt-br...")
        self.needs = QtWidgets.QComboBox()
        self.needs.setObjectName("email_template_needs")
        for value, label in NEEDS:
            self.needs.addItem(label, value)
        self.subject = line_edit("email_template_subject")
        self.body = QtWidgets.QPlainTextEdit()
        self.body.setObjectName("email_template_body")
        self.body.setAccessibleName("Body")
        for edit in (self.name, self.language, self.subject):
            edit.textEdited.connect(self._edited)
        self.needs.currentIndexChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.note = plain_label(name="email_template_note")
        self.check = QtWidgets.QListWidget()
        self.check.setObjectName("email_template_check")
        self.check.setAccessibleName("Check")
        self.check.setMaximumHeight(80)
        self.preview = QtWidgets.QPlainTextEdit()
        self.preview.setObjectName("email_template_preview")
        self.preview.setAccessibleName("Preview")
        self.preview.setReadOnly(True)
        self.save_button = push_button("&Save Template", "email_template_save", self.save)
        form = QtWidgets.QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Language:", self.language)
        form.addRow("&About:", self.needs)
        form.addRow("S&ubject:", self.subject)
        middle = QtWidgets.QVBoxLayout()
        middle.addLayout(form)
        middle.addWidget(self.note)
        middle.addWidget(self.body, 3)
        middle.addWidget(QtWidgets.QLabel("Check:"))
        middle.addWidget(self.check)
        middle.addWidget(QtWidgets.QLabel("Preview, for a sample candidate:"))
        middle.addWidget(self.preview, 2)
        middle.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

        self.fields = QtWidgets.QListWidget()
        self.fields.setObjectName("email_merge_fields")
        self.fields.setAccessibleName("Merge fields")
        self.fields.setWordWrap(True)
        for name, meaning in EMAIL_MERGE_FIELDS.items():
            item = QtWidgets.QListWidgetItem(f"{{{{ {name} }}}}\n    {meaning}")
            item.setData(KEY_ROLE, name)
            self.fields.addItem(item)
        self.fields.itemActivated.connect(self._insert_field)
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
        self.resize(1150, 720)
        self._fill_languages("en")

    # -- the list ------------------------------------------------------------------------

    def _fill_languages(self, select: str) -> None:
        self._loading = True
        self.language_filter.clear()
        for code in email_templates.template_languages(self._workbook):
            self.language_filter.addItem(f"Language: {code}", code)
        self.language_filter.setCurrentIndex(max(self.language_filter.findData(select), 0))
        self._loading = False
        self._fill(None)

    def _fill(self, select: str | None) -> None:
        if self._loading:
            return
        self._loading = True
        self.templates.clear()
        language = self.language_filter.currentData()
        for template in email_templates.list_email_templates(self._workbook, language):
            label = f"{template.name} (built-in)" if template.built_in else template.name
            item = QtWidgets.QListWidgetItem(label)
            item.setData(KEY_ROLE, template.key)
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
        self._show(email_templates.email_template(self._workbook, str(current.data(KEY_ROLE))))

    def _show(self, template: EmailTemplate) -> None:
        self._current = template
        self._loading = True
        self.name.setText(template.name)
        self.language.setText(template.language)
        self.needs.setCurrentIndex(max(self.needs.findData(template.needs), 0))
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        self._loading = False
        own = not template.built_in
        for edit in (self.name, self.language, self.subject):
            edit.setReadOnly(not own)
        self.body.setReadOnly(not own)
        self.needs.setEnabled(own)
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
        """Show what is wrong with the template, and the message it makes for a sample."""
        self._timer.stop()
        subject, body = self.subject.text(), self.body.toPlainText()
        self.check.clear()
        problems = email_templates.template_problems(subject, body)
        self.check.addItems([p.message for p in problems] or [NO_PROBLEMS])
        merged_subject, merged_body = email_templates.sample_preview(subject, body)
        self.preview.setPlainText(f"Subject: {merged_subject}\n\n{merged_body}")

    def _insert_field(self, item: QtWidgets.QListWidgetItem) -> None:
        if self.body.isReadOnly():
            return
        self.body.insertPlainText(f"{{{{ {item.data(KEY_ROLE)} }}}}")
        self.body.setFocus()

    def save(self) -> bool:
        current = self._current
        if current is None or current.built_in:
            return False
        name, language = self.name.text(), self.language.text()
        subject, body = self.subject.text(), self.body.toPlainText()
        needs = str(self.needs.currentData())
        saved = run_operation(
            self,
            lambda: email_templates.save_own_template(
                self._workbook, name, subject, body, language=language, needs=needs, key=current.key
            ),
            changes=Change.TEMPLATES,
            failure_title="Template Not Saved",
            on_invalid=lambda exc: messages.show_warning(
                self, "Template Not Saved", _sentences(exc.errors)
            ),
        )
        if saved is None:
            return False
        self._dirty = False
        self._fill_languages(saved.language)
        self._fill(saved.key)
        return True

    def add_new(self) -> None:
        if self._dirty and not self._may_discard():
            return
        language = str(self.language_filter.currentData() or "en")
        taken = {t.name for t in email_templates.list_email_templates(self._workbook)}
        name, number = "New template", 2
        while name in taken:
            name, number = f"New template {number}", number + 1
        saved = run_operation(
            self,
            lambda: email_templates.save_own_template(
                self._workbook, name, STARTER_SUBJECT, STARTER_BODY, language=language
            ),
            changes=Change.TEMPLATES,
            failure_title="Template Not Added",
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
            lambda: email_templates.copy_template(self._workbook, key),
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
        text = f"Remove the template '{template.name}'? Messages already made keep their text."
        if not messages.confirm(self, "Remove Template", text, "Remove"):
            return
        run_operation(
            self,
            lambda: email_templates.delete_own_template(self._workbook, template.key),
            changes=Change.TEMPLATES,
            failure_title="Template Not Removed",
        )
        self._dirty = False
        self._fill_languages(template.language)

    def _may_discard(self) -> bool:
        return messages.confirm(
            self, "Unsaved Template", "Discard the changes to this template?", "Discard"
        )

    def reject(self) -> None:
        """Close (also by Escape), asking about unsaved edits."""
        if self._dirty and not self._may_discard():
            return
        self._dirty = False
        super().reject()


def _sentences(errors: dict[str, str]) -> str:
    return " ".join(
        message if name == "body" else f"{name.capitalize()}: {message.rstrip('.')}."
        for name, message in errors.items()
    )


def open_email_templates(parent: QtWidgets.QWidget | None, workbook: Workbook | None) -> None:
    """Open the dialog for the open workbook (nothing when none is open)."""
    if workbook is not None:
        run_modal(EmailTemplatesDialog(workbook, parent))
