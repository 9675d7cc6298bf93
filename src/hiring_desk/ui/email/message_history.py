"""The messages made for a candidate, as their timeline shows them, and each one's text.

:func:`timeline_text` is one message as a timeline line (when, template,
subject, by whom, attachments); :class:`MessageHistory` lists a candidate's
messages and opens the text of the one double-clicked (or Enter) in a
read-only :class:`MessageTextDialog`.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from hiring_desk.domain.formatting import format_moment
from hiring_desk.services.email.messages import MessageRecord, messages_of
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.modal import run_modal

RECORD_ROLE = Qt.ItemDataRole.UserRole


def timeline_text(record: MessageRecord, locale: str = "en_GB") -> str:
    """``"3 Dec 2026, 10:00 — Email: Interview invitation (by Niamh)\\nSubject: ..."``."""
    text = f"{format_moment(record.made_at, locale)} — Email: {record.template_name}"
    if record.made_by:
        text += f" (by {record.made_by})"
    text += f"\nSubject: {record.subject}"
    if record.attachments:
        text += f"\nAttached: {', '.join(record.attachments)}"
    return text


class MessageTextDialog(QtWidgets.QDialog):
    """One message as it was made: to whom, subject, attachments and the whole text."""

    def __init__(
        self, record: MessageRecord, locale: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("message_text_dialog")
        self.setWindowTitle(f"Message: {record.subject}")
        header = [
            f"Made: {format_moment(record.made_at, locale)}"
            + (f" by {record.made_by}" if record.made_by else ""),
            f"From the template: {record.template_name}",
            f"To: {record.recipient}",
            f"Subject: {record.subject}",
        ]
        if record.attachments:
            header.append(f"Attached: {', '.join(record.attachments)}")
        self.text = QtWidgets.QPlainTextEdit("\n".join(header) + "\n\n" + record.body)
        self.text.setObjectName("message_text")
        self.text.setAccessibleName("Message")
        self.text.setReadOnly(True)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self.resize(640, 520)


class MessageHistory(QtWidgets.QListWidget):
    """A candidate's messages, newest first; double-click or Enter reads one."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_history")
        self.setAccessibleName("Messages")
        self.setWordWrap(True)
        self._locale = "en_GB"
        self.records: list[MessageRecord] = []
        self.itemActivated.connect(self._read)

    def show_candidate(
        self, workbook: Workbook | None, candidate_id: int | None, locale: str = "en_GB"
    ) -> None:
        self._locale = locale
        self.clear()
        self.records = (
            messages_of(workbook, candidate_id)
            if workbook is not None and candidate_id is not None
            else []
        )
        for index, record in enumerate(self.records):
            item = QtWidgets.QListWidgetItem(timeline_text(record, locale))
            item.setData(RECORD_ROLE, index)
            item.setToolTip("Double-click to read the message")
            self.addItem(item)

    def _read(self, item: QtWidgets.QListWidgetItem) -> None:
        record = self.records[int(item.data(RECORD_ROLE))]
        run_modal(MessageTextDialog(record, self._locale, self))
