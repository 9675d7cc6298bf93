"""Writing to one candidate: pick a template, see the message, hand it to the mail program.

The preview is the merged subject and body for this candidate, refreshed as the
template, what it is about (one of their interviews or offers) or the reason
changes; while a merge field is unknown or empty, each
is named and the gaps are marked in the text, and nothing can be made.
"Open in Mail Program" gives the desktop a ``mailto:`` link when nothing is
attached, else a private ``.eml`` copy (removed when the workbook closes);
"Save As..." writes the ``.eml`` where the user says. Either way the message is
recorded on the candidate's timeline.

Other places open it with one call: :func:`open_compose`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6 import QtWidgets
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from hiring_desk.services.email import email_templates, messages
from hiring_desk.services.email.eml import DraftFile, draft_file_name, mailto_url
from hiring_desk.services.email.merge_context import subject_choices
from hiring_desk.services.email.messages import MessagePreview, MessageSubject
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.changes import Change
from hiring_desk.ui.help_topics import add_help_key
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.widgets import line_edit, plain_label, push_button

KEY_ROLE = Qt.ItemDataRole.UserRole
PREVIEW_DELAY_MS = 200
READY = "Ready: every merge field has a value."


class WorkbookWindow(Protocol):
    """What opening the dialog uses of the main window."""

    workbook: Workbook | None


@dataclass
class HeldWorkbook:
    """A :class:`WorkbookWindow` for a page or dialog that holds the workbook itself."""

    workbook: Workbook | None


class ComposeDialog(QtWidgets.QDialog):
    """One message to one candidate, from a template."""

    def __init__(
        self,
        workbook: Workbook,
        about: MessageSubject,
        template: str | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        add_help_key(self)  # F1: this dialog's section of the user guide
        self.setObjectName("compose_dialog")
        self.setWindowTitle("Write to Candidate")
        self._workbook = workbook
        self._about = about
        self._picked: list[DraftFile] = []
        self.preview: MessagePreview | None = None

        self.template = QtWidgets.QComboBox()
        self.template.setObjectName("compose_template")
        self.template.setAccessibleName("Template")
        for item in email_templates.list_email_templates(workbook):
            self.template.addItem(f"{item.name} [{item.language}]", item.key)
        chosen = self.template.findData(template) if template else 0
        self.template.setCurrentIndex(max(chosen, 0))
        self.template.currentIndexChanged.connect(self.refresh)
        self.about_choice = QtWidgets.QComboBox()
        self.about_choice.setObjectName("compose_about")
        self.about_choice.setAccessibleName("About")
        self.about_choice.addItem("Nothing in particular", (None, None))
        for choice in subject_choices(workbook, about.candidate_id):
            self.about_choice.addItem(choice.label, (choice.interview_id, choice.offer_id))
            if (choice.interview_id, choice.offer_id) == (about.interview_id, about.offer_id):
                self.about_choice.setCurrentIndex(self.about_choice.count() - 1)
        self.about_choice.currentIndexChanged.connect(self.refresh)
        self.reason = line_edit("compose_reason", "Optional: a reason line, for rejections")
        self.reason.setText(about.reason)
        self.to = plain_label(name="compose_to")
        self.subject = line_edit("compose_subject")
        self.subject.setReadOnly(True)
        self.body = QtWidgets.QPlainTextEdit()
        self.body.setObjectName("compose_body")
        self.body.setAccessibleName("Message")
        self.body.setReadOnly(True)
        self.problems = QtWidgets.QListWidget()
        self.problems.setObjectName("compose_problems")
        self.problems.setAccessibleName("Check")
        self.problems.setMaximumHeight(90)
        self.files = QtWidgets.QListWidget()
        self.files.setObjectName("compose_attachments")
        self.files.setAccessibleName("Attachments")
        self.files.setMaximumHeight(80)
        self.add_file_button = push_button("&Add File...", "compose_add_file", self.add_file)
        self.remove_file_button = push_button("&Remove File", "compose_remove_file", self.remove)
        self.open_button = push_button("&Open in Mail Program", "compose_open", self.open_in_mail)
        self.save_button = push_button("&Save As...", "compose_save", self.save_as)

        form = QtWidgets.QFormLayout()
        form.addRow("&Template:", self.template)
        form.addRow("&About:", self.about_choice)
        form.addRow("To:", self.to)
        form.addRow("R&eason:", self.reason)
        form.addRow("Subject:", self.subject)
        file_buttons = QtWidgets.QVBoxLayout()
        file_buttons.addWidget(self.add_file_button)
        file_buttons.addWidget(self.remove_file_button)
        file_buttons.addStretch(1)
        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.files, 1)
        file_row.addLayout(file_buttons)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.addButton(self.save_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        close.addButton(self.open_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.body, 1)
        outer.addWidget(QtWidgets.QLabel("Check:"))
        outer.addWidget(self.problems)
        outer.addWidget(QtWidgets.QLabel("Attachments:"))
        outer.addLayout(file_row)
        outer.addWidget(close)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.reason.textEdited.connect(lambda _text: self._timer.start())
        self.resize(760, 680)
        self.refresh()

    # -- the preview ---------------------------------------------------------------------

    def template_key(self) -> str:
        return str(self.template.currentData())

    def about(self) -> MessageSubject:
        about = self._about
        interview_id, offer_id = self.about_choice.currentData()
        return MessageSubject(
            about.candidate_id,
            about.application_id,
            interview_id,
            offer_id,
            about.sender_id,
            self.reason.text(),
            about.time_zone,
        )

    def refresh(self) -> None:
        """Merge the template again for this candidate and show the result and its problems."""
        self._timer.stop()
        key, about = self.template_key(), self.about()
        preview = run_operation(
            self,
            lambda: messages.preview_message(self._workbook, key, about),
            failure_title="Cannot Show the Message",
        )
        self.preview = preview
        if preview is None:
            return
        address = preview.to_address or "no email address"
        self.to.setText(f"{preview.to_name} <{address}>" if preview.to_name else address)
        self.subject.setText(preview.subject)
        self.body.setPlainText(preview.body)
        self.problems.clear()
        self.problems.addItems([p.message for p in preview.problems] or [READY])
        self._show_files()
        for button in (self.open_button, self.save_button):
            button.setEnabled(preview.ready)

    def _show_files(self) -> None:
        self.files.clear()
        template = email_templates.email_template(self._workbook, self.template_key())
        for name in messages.automatic_attachments(template.needs, self.about()):
            what = "the interview's calendar file" if name.endswith(".ics") else "the letter"
            item = QtWidgets.QListWidgetItem(f"{name} ({what}, made when the message is)")
            item.setData(KEY_ROLE, None)
            self.files.addItem(item)
        for index, picked in enumerate(self._picked):
            item = QtWidgets.QListWidgetItem(picked.filename)
            item.setData(KEY_ROLE, index)
            self.files.addItem(item)
        self.remove_file_button.setEnabled(bool(self._picked))

    # -- attachments ---------------------------------------------------------------------

    def add_file(self) -> None:
        for path in ask_files_to_attach(self):
            picked = run_operation(self, _reader(path), failure_title="File Not Added")
            if picked is not None:
                self._picked.append(picked)
        self._show_files()

    def remove(self) -> None:
        item = self.files.currentItem()
        index = item.data(KEY_ROLE) if item is not None else None
        if index is None:
            return
        del self._picked[int(index)]
        self._show_files()

    # -- making it -----------------------------------------------------------------------

    def _prepare(self) -> messages.PreparedMessage | None:
        key, about, picked = self.template_key(), self.about(), list(self._picked)
        return run_operation(
            self,
            lambda: messages.prepare_message(self._workbook, key, about, picked),
            failure_title="Message Not Made",
        )

    def open_in_mail(self) -> None:
        """Hand the message to the mail program (a mailto: link when nothing is attached)."""
        prepared = self._prepare()
        if prepared is None:
            return
        draft = prepared.draft
        if not draft.attachments:
            url = QUrl(mailto_url(draft.to_address, draft.subject, draft.body))
            made = run_operation(
                self,
                lambda: messages.record_message(self._workbook, prepared),
                changes=Change.CANDIDATES,
                failure_title="Message Not Made",
            )
        else:
            copy = run_operation(
                self,
                lambda: messages.open_copy(self._workbook, prepared),
                changes=Change.CANDIDATES,
                failure_title="Message Not Made",
            )
            made = copy[1] if copy else None
            url = QUrl.fromLocalFile(str(copy[0])) if copy else QUrl()
        if made is not None:
            QDesktopServices.openUrl(url)
            self.accept()

    def save_as(self) -> None:
        prepared = self._prepare()
        if prepared is None:
            return
        start = Path.home() / draft_file_name(prepared.draft)
        out = file_dialogs.ask_export_path(self, start, "Email message", ".eml")
        if out is None:
            return
        made = run_operation(
            self,
            lambda: messages.write_message(self._workbook, prepared, out),
            changes=Change.CANDIDATES,
            failure_title="Message Not Saved",
        )
        if made is not None:
            self.accept()


def _reader(path: Path) -> Callable[[], DraftFile]:
    return lambda: messages.picked_file(path)


def ask_files_to_attach(parent: QtWidgets.QWidget | None) -> list[Path]:
    names, _ = QtWidgets.QFileDialog.getOpenFileNames(parent, "Attach Files", "", "All files (*)")
    return [Path(name) for name in names]


def open_compose(
    parent: QtWidgets.QWidget | None,
    window: WorkbookWindow,
    *,
    candidate_id: int,
    template: str | None = None,
    interview_id: int | None = None,
    offer_id: int | None = None,
    reason: str = "",
) -> bool:
    """Open the dialog for one candidate (as the acting team member); True once a message
    was made."""
    workbook = window.workbook
    if workbook is None:
        return False
    about = MessageSubject(
        candidate_id,
        interview_id=interview_id,
        offer_id=offer_id,
        sender_id=workbook.acting_member_id,
        reason=reason,
    )
    dialog = ComposeDialog(workbook, about, template, parent)
    return run_modal(dialog) == QtWidgets.QDialog.DialogCode.Accepted
