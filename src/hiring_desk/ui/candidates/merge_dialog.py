"""Offering to merge a new candidate into one who may be the same person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.candidates import candidate_merge
from hiring_desk.services.candidates.duplicates import DuplicateMatch
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.widgets import plain_label


class MergeDialog(QDialog):
    """Shows who the new record may duplicate and what a merge would keep."""

    def __init__(
        self,
        parent: QWidget | None,
        workbook: Workbook,
        new_id: int,
        new_name: str,
        matches: list[DuplicateMatch],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle("Possible Duplicate")
        self._workbook = workbook
        self._new_id = new_id
        heading = plain_label(
            f"{new_name} may already be in the workbook. Merge the new record into the "
            "existing one? Every file, application and history entry is kept."
        )
        self.choice = QComboBox()
        self.choice.setObjectName("merge_target")
        for match in matches:
            self.choice.addItem(
                f"{match.name} <{match.email}> — {', '.join(match.reasons)}", match.candidate_id
            )
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("merge_preview")
        self.preview.setReadOnly(True)
        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = buttons.addButton("Keep Both", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.choice)
        layout.addWidget(QLabel("After merging, the existing record would read:"))
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.choice.currentIndexChanged.connect(self._show_preview)
        self._show_preview()
        self.resize(560, 420)

    def target_id(self) -> int:
        return int(self.choice.currentData())

    def _show_preview(self) -> None:
        p = candidate_merge.preview_merge(self._workbook, self.target_id(), self._new_id)
        r = p.record
        lines = [
            f"Name: {r.name}",
            f"Email: {r.email}",
            f"Phone: {r.phone}",
            f"Location: {r.location}",
            f"Skills: {', '.join(r.skills)}",
            f"Tags: {', '.join(r.tags)}",
            f"Files moved: {p.moved_attachments}",
            f"Applications moved: {p.moved_applications}",
        ]
        if p.conflicting_applications:
            lines.append(
                "Combined applications (history kept): " + ", ".join(p.conflicting_applications)
            )
        if r.notes:
            lines += ["", "Notes:", r.notes]
        self.preview.setPlainText("\n".join(lines))
