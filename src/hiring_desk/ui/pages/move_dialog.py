"""Moving an application to another stage: where to, why (for a rejection), a note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.errors import ServiceError
from hiring_desk.services.pipeline import ApplicationInfo
from hiring_desk.services.team import MemberInfo
from hiring_desk.ui.forms import ERROR_STYLE

#: (target stage, reason, note, team member id) -> the moved application
MoveApplication = Callable[[str, str, str, int | None], ApplicationInfo]


class MoveDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        application: ApplicationInfo,
        candidate_name: str,
        targets: list[Stage],
        reasons: list[str],
        team: list[MemberInfo],
        move: MoveApplication,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("move_dialog")
        self.setWindowTitle("Move Application")
        self._move = move
        self.moved: ApplicationInfo | None = None
        heading = QLabel()
        heading.setTextFormat(heading.textFormat().PlainText)
        heading.setText(
            f"{candidate_name} — {application.role_title}: now at {application.stage_label}"
        )
        self.target = QComboBox()
        self.target.setObjectName("move_target")
        for stage in targets:
            self.target.addItem(stage.label, stage.value)
        self.reason = QComboBox()
        self.reason.setObjectName("move_reason")
        self.reason.setEditable(True)
        self.reason.addItems(reasons)
        self.reason.setCurrentIndex(-1)
        self.reason.setPlaceholderText("Choose or type a reason")
        self.note = QLineEdit()
        self.note.setObjectName("move_note")
        self.note.setPlaceholderText("Optional: what happened")
        self.by = QComboBox()
        self.by.setObjectName("move_by")
        self.by.addItem("(not recorded)", None)
        for member in team:
            self.by.addItem(member.name, member.id)
        self.error = QLabel()
        self.error.setObjectName("move_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("Move to:", self.target)
        self.reason_label = QLabel("Reason:")
        form.addRow(self.reason_label, self.reason)
        form.addRow("Note:", self.note)
        form.addRow("By:", self.by)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Move")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.target.currentIndexChanged.connect(self._target_changed)
        self._target_changed()

    def _target_changed(self) -> None:
        rejecting = self.target.currentData() == Stage.REJECTED.value
        self.reason.setVisible(rejecting)
        self.reason_label.setVisible(rejecting)

    def accept(self) -> None:
        target = self.target.currentData()
        if target is None:
            return
        try:
            self.moved = self._move(
                str(target), self.reason.currentText(), self.note.text(), self.by.currentData()
            )
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class BulkMoveDialog(QDialog):
    """Move the applications of several candidates at once (each is checked by the rules)."""

    def __init__(self, parent: QWidget | None, count: int, reasons: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("bulk_move_dialog")
        self.setWindowTitle("Move Selected Applications")
        heading = QLabel(
            f"Move the applications of {count} selected candidate{'s' if count != 1 else ''}. "
            "Moves the rules do not allow are skipped and listed."
        )
        heading.setWordWrap(True)
        self.target = QComboBox()
        self.target.setObjectName("bulk_target")
        for stage in Stage:
            self.target.addItem(stage.label, stage.value)
        self.reason = QComboBox()
        self.reason.setObjectName("bulk_reason")
        self.reason.setEditable(True)
        self.reason.addItems(reasons)
        self.reason.setCurrentIndex(-1)
        self.reason.setPlaceholderText("Choose or type a reason")
        self.note = QLineEdit()
        self.note.setObjectName("bulk_note")
        form = QFormLayout()
        form.addRow("Move to:", self.target)
        self.reason_label = QLabel("Reason:")
        form.addRow(self.reason_label, self.reason)
        form.addRow("Note:", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Move")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.target.currentIndexChanged.connect(self._target_changed)
        self._target_changed()

    def _target_changed(self) -> None:
        rejecting = self.target.currentData() == Stage.REJECTED.value
        self.reason.setVisible(rejecting)
        self.reason_label.setVisible(rejecting)
