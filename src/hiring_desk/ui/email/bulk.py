"""Writing to many candidates at once: one draft each, in a folder or one mailbox file.

The dialog previews the first candidate's message; "Make Drafts..." checks every
candidate's first (nothing is written while any has a problem, and each is
named), then writes them all and records each on its candidate's timeline.
Other places open it with one call: :func:`open_bulk_compose`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import QTimer

from hiring_desk.services.email import bulk_messages, email_templates
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.email.compose import READY, WorkbookWindow
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.widgets import line_edit, plain_label, push_button

PREVIEW_DELAY_MS = 200


class BulkComposeDialog(QtWidgets.QDialog):
    """One template, many candidates."""

    def __init__(
        self,
        workbook: Workbook,
        candidate_ids: Sequence[int],
        sender_id: int | None,
        template: str | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulk_compose_dialog")
        self.setWindowTitle("Write to Candidates")
        self._workbook = workbook
        self._ids = list(dict.fromkeys(candidate_ids))
        self._sender = sender_id

        self.template = QtWidgets.QComboBox()
        self.template.setObjectName("bulk_template")
        self.template.setAccessibleName("Template")
        for item in email_templates.list_email_templates(workbook):
            if not item.needs:  # an interview or an offer belongs to one candidate
                self.template.addItem(f"{item.name} [{item.language}]", item.key)
        self.template.setCurrentIndex(max(self.template.findData(template), 0))
        self.template.currentIndexChanged.connect(self.refresh)
        self.reason = line_edit("bulk_reason", "Optional: a reason line, for rejections")
        self.count = plain_label(name="bulk_count")
        self.subject = line_edit("bulk_subject")
        self.subject.setReadOnly(True)
        self.body = QtWidgets.QPlainTextEdit()
        self.body.setObjectName("bulk_body")
        self.body.setAccessibleName("First message")
        self.body.setReadOnly(True)
        self.problems = QtWidgets.QListWidget()
        self.problems.setObjectName("bulk_problems")
        self.problems.setAccessibleName("Check")
        self.problems.setMaximumHeight(80)
        self.to_folder = QtWidgets.QRadioButton("One .eml draft per candidate, in a &folder")
        self.to_folder.setObjectName("bulk_to_folder")
        self.to_folder.setChecked(True)
        self.to_mbox = QtWidgets.QRadioButton("All in one mail&box file (.mbox)")
        self.to_mbox.setObjectName("bulk_to_mbox")
        self.make_button = push_button("&Make Drafts...", "bulk_make", self.make)

        form = QtWidgets.QFormLayout()
        form.addRow("&Template:", self.template)
        form.addRow("R&eason:", self.reason)
        form.addRow("", self.count)
        form.addRow("Subject:", self.subject)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.make_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.body, 1)
        outer.addWidget(QtWidgets.QLabel("Check (first candidate):"))
        outer.addWidget(self.problems)
        outer.addWidget(self.to_folder)
        outer.addWidget(self.to_mbox)
        outer.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.reason.textEdited.connect(lambda _text: self._timer.start())
        self.resize(720, 620)
        self.refresh()

    def template_key(self) -> str:
        return str(self.template.currentData())

    def refresh(self) -> None:
        """Show the first candidate's message for the chosen template."""
        self._timer.stop()
        key, reason = self.template_key(), self.reason.text()
        preview = run_operation(
            self,
            lambda: bulk_messages.preview_bulk(
                self._workbook, key, self._ids, sender_id=self._sender, reason=reason
            ),
            failure_title="Cannot Show the Message",
        )
        if preview is None or preview.first is None:
            self.make_button.setEnabled(False)
            return
        count = preview.count
        self.count.setText(
            f"{count} candidate{'' if count == 1 else 's'}; the first one's message:"
        )
        self.subject.setText(preview.first.subject)
        self.body.setPlainText(preview.first.body)
        self.problems.clear()
        self.problems.addItems([p.message for p in preview.first.problems] or [READY])
        self.make_button.setEnabled(preview.first.ready)

    def make(self) -> None:
        """Check every candidate's message, ask where, and write them all."""
        key, reason, mbox = self.template_key(), self.reason.text(), self.to_mbox.isChecked()
        prepared = run_operation(
            self,
            lambda: bulk_messages.prepare_bulk(
                self._workbook, key, self._ids, sender_id=self._sender, reason=reason
            ),
            failure_title="No Drafts Made",
        )
        if prepared is None:
            return
        if mbox:
            out = file_dialogs.ask_export_path(
                self, Path.home() / "drafts.mbox", "Mailbox", ".mbox"
            )
        else:
            out = ask_folder(self)
        if out is None:
            return
        written = run_operation(
            self,
            lambda: bulk_messages.write_bulk(self._workbook, prepared, out, mbox=mbox),
            changes=Change.CANDIDATES,
            failure_title="No Drafts Made",
        )
        if written is None:
            return
        count = len(prepared)
        messages.show_info(
            self,
            "Drafts Made",
            f"Made {count} draft{'' if count == 1 else 's'} in {out}. Open "
            f"{'it' if mbox else 'them'} with your mail program to check and send.",
        )
        self.accept()


def ask_folder(parent: QtWidgets.QWidget | None) -> Path | None:
    name = QtWidgets.QFileDialog.getExistingDirectory(parent, "Folder for the Drafts")
    return Path(name) if name else None


def open_bulk_compose(
    parent: QtWidgets.QWidget | None,
    window: WorkbookWindow,
    candidate_ids: Sequence[int],
    *,
    template: str | None = None,
) -> bool:
    """Open the dialog for these candidates (as the acting team member); True once made."""
    workbook = window.workbook
    if workbook is None or not candidate_ids:
        return False
    dialog = BulkComposeDialog(workbook, candidate_ids, workbook.acting_member_id, template, parent)
    return run_modal(dialog) == QtWidgets.QDialog.DialogCode.Accepted
