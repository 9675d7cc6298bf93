"""Moving applications to another stage: where to, why (for a rejection), a note."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.common.errors import ChangedMeanwhileError
from hiring_desk.services.pipeline.next_steps import is_forward
from hiring_desk.services.pipeline.role_stages import StageInfo
from hiring_desk.services.pipeline.stage_moves import ApplicationInfo
from hiring_desk.services.team.team_members import MemberInfo
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import show_errors_in
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import plain_label

#: (target stage, reason, note, team member id) -> the moved application
MoveApplication = Callable[[str, str, str, int | None], ApplicationInfo]


class _StageMoveDialog(FormDialog):
    """The shared form: target stage, a reason shown only for a rejection, a note."""

    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        title: str,
        heading: str,
        targets: Sequence[Stage | StageInfo],
        reasons: list[str],
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_dialog")
        self.setWindowTitle(title)
        self.heading = plain_label(heading)
        self.target = QComboBox()
        self.target.setObjectName(f"{name}_target")
        for stage in targets:
            if isinstance(stage, StageInfo):  # a role's own stage: "Interview: Take-home test"
                self.target.addItem(stage.shown_name, stage.key)
            else:
                self.target.addItem(stage.label, stage.value)
        self.reason = QComboBox()
        self.reason.setObjectName(f"{name}_reason")
        self.reason.setEditable(True)
        self.reason.addItems(reasons)
        self.reason.setCurrentIndex(-1)
        self.reason.setPlaceholderText("Choose or type a reason")
        self.note = QLineEdit()
        self.note.setObjectName(f"{name}_note")
        self.note.setPlaceholderText("Optional: what happened")
        self.form = QFormLayout()
        self.form.addRow("&Move to:", self.target)
        self.reason_label = QLabel("&Reason:")
        self.reason_label.setBuddy(self.reason)
        self.form.addRow(self.reason_label, self.reason)
        self.form.addRow("N&ote:", self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Move")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.target.currentIndexChanged.connect(self._target_changed)
        self._target_changed()

    def _lay_out(self, *extra: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)  # the heading (name, role, stage) on one line or two

    def _target_changed(self) -> None:
        rejecting = self.target.currentData() == Stage.REJECTED.value
        self.reason.setVisible(rejecting)
        self.reason_label.setVisible(rejecting)


class MoveDialog(_StageMoveDialog):
    """Move one application; a move the rules refuse is explained in the dialog.

    It starts at the next stage forward (Enter moves the candidate on) and "By:" at
    the team member the window is acting as (``acting_member_id``).
    """

    def __init__(
        self,
        parent: QWidget | None,
        application: ApplicationInfo,
        candidate_name: str,
        targets: Sequence[Stage | StageInfo],
        reasons: list[str],
        team: list[MemberInfo],
        move: MoveApplication,
        acting_member_id: int | None = None,
    ) -> None:
        super().__init__(
            parent,
            "move",
            "Move Application",
            f"{candidate_name} — {application.role_title}: now at {application.stage_label}",
            targets,
            reasons,
        )
        forward = [i for i, t in enumerate(targets) if is_forward(t, application)]
        if forward:
            self.target.setCurrentIndex(forward[0])
        self._move = move
        self.moved: ApplicationInfo | None = None
        self.by = QComboBox()
        self.by.setObjectName("move_by")
        self.by.addItem("(not recorded)", None)
        for member in team:
            self.by.addItem(member.name, member.id)
        self.by.setCurrentIndex(max(self.by.findData(acting_member_id), 0))
        self.form.addRow("&By:", self.by)
        self.write = QCheckBox("&Write to the candidate")
        self.write.setObjectName("move_write")
        self.write.setToolTip("After the move, open the rejection message with this reason")
        self.form.addRow("", self.write)
        self.target.currentIndexChanged.connect(self._show_write)
        self._show_write()
        self.error = QLabel()
        self.error.setObjectName("move_error")
        show_errors_in(self.error)
        self.error.setWordWrap(True)
        self.error.hide()
        self._lay_out(self.error)

    def _show_write(self) -> None:
        self.write.setVisible(self.target.currentData() == Stage.REJECTED.value)

    def write_wanted(self) -> bool:
        """Rejected, and "Write to the candidate" ticked."""
        return self.write.isVisibleTo(self) and self.write.isChecked()

    def accept(self) -> None:
        target = self.target.currentData()
        if target is None:
            return
        reason, note, by = self.reason.currentText(), self.note.text(), self.by.currentData()

        def refused(exc: Exception) -> None:
            if isinstance(exc, ChangedMeanwhileError):  # the page behind shows it now
                messages.show_changed_meanwhile(self.parentWidget(), exc)
                self.reject()
                return
            self.error.setText(str(exc))
            self.error.show()

        moved = run_operation(
            self,
            lambda: self._move(str(target), reason, note, by),
            changes=Change.APPLICATIONS,
            on_refused=refused,
        )
        if moved is not None:
            self.moved = moved
            super().accept()


class BulkMoveDialog(_StageMoveDialog):
    """Move the applications of several candidates at once (each is checked by the rules)."""

    def __init__(self, parent: QWidget | None, count: int, reasons: list[str]) -> None:
        super().__init__(
            parent,
            "bulk_move",
            "Move Selected Applications",
            f"Move the applications of {count} selected candidate{'s' if count != 1 else ''}. "
            "Moves the rules do not allow are skipped and listed.",
            list(Stage),
            reasons,
        )
        self._lay_out()
