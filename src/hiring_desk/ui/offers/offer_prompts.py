"""The questions the Offers page asks: who approved an offer and whether to fill a role
(whether to cancel the interviews a hire leaves is ``ui.interviews.cancel_after_hire``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.vocab import RoleStatus
from hiring_desk.services.offers.offer_status import AcceptResult
from hiring_desk.services.team.team_members import MemberInfo
from hiring_desk.ui import messages
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.widgets import plain_label


class ApproveDialog(QDialog):
    """Choose the team member who approved the offer's terms."""

    def __init__(self, parent: QWidget | None, who: str, team: list[MemberInfo]) -> None:
        super().__init__(parent)
        self.setObjectName("approve_offer_dialog")
        self.setWindowTitle("Approve Offer")
        self.approver = QComboBox()
        self.approver.setObjectName("offer_approver")
        for member in team:
            label = f"{member.name} ({member.title})" if member.title else member.name
            self.approver.addItem(label, member.id)
        form = QFormLayout()
        form.addRow("Approved by:", self.approver)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Approve")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(f"Record who approved the terms of the offer to {who}, as of today.")
        )
        layout.addLayout(form)
        layout.addWidget(buttons)

    def member_id(self) -> int | None:
        data = self.approver.currentData()
        return int(data) if data is not None else None


class FillRoleDialog(QDialog):
    """Mark a role filled and close its remaining applications with a reason."""

    def __init__(
        self,
        parent: QWidget | None,
        role_title: str,
        headcount: int,
        open_count: int,
        reasons: list[str],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fill_role_dialog")
        self.setWindowTitle("Role Filled")
        places = "its only place is" if headcount == 1 else f"all {headcount} places are"
        others = f"{open_count} remaining application{'s' if open_count != 1 else ''}"
        self.question = plain_label(
            f"With this hire, {places} taken in '{role_title}'. Mark the role filled and "
            f"close the {others} as Rejected?"
        )
        self.question.setObjectName("fill_role_question")
        self.reason = QComboBox()
        self.reason.setObjectName("fill_role_reason")
        self.reason.setEditable(True)
        self.reason.addItems(reasons)
        self.reason.setCurrentIndex(-1)
        self.reason.setPlaceholderText("Choose or type the reason they are given")
        form = QFormLayout()
        form.addRow("Reason:", self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.go = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.go.setText("Mark Filled && Close")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Not Now")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.currentTextChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()
        self.setMinimumWidth(460)

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def _update(self) -> None:
        self.go.setEnabled(bool(self.reason_text()))


def ask_to_fill_role(
    parent: QWidget, result: AcceptResult, reasons: Callable[[], list[str]]
) -> str | None:
    """After an accepted offer: whether to mark the role filled, and (when applications
    are still open on it) the reason they are closed with; None: not now."""
    open_count = len(result.open_application_ids)
    if open_count:
        dialog = FillRoleDialog(parent, result.role_title, result.headcount, open_count, reasons())
        return dialog.reason_text() if run_modal(dialog) else None
    if result.role_status == RoleStatus.FILLED.value or not messages.confirm(
        parent,
        "Role Filled",
        f"With this hire every place in '{result.role_title}' is taken. Mark the role filled?",
        "Mark Filled",
    ):
        return None
    return ""
